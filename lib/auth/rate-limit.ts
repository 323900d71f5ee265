/** Rate-limit arithmetic, pure; the counters live in Postgres (lib/auth/mutations.ts consumeRateLimit). */

export interface RateLimitOutcome {
  isAllowed: boolean;
  /** Seconds until the next attempt would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

/** Window of every limit: attempts are counted per client address and minute. */
export const RATE_LIMIT_WINDOW_SECONDS = 60;

/**
 * A sliding window approximated from two fixed windows: the previous window's count weighs
 * in proportionally to how much of it the sliding window still covers. `current` includes
 * this attempt.
 */
export function evaluateSlidingWindow(input: { current: number; previous: number; limit: number; windowMs: number; elapsedMs: number }): RateLimitOutcome {
  const { current, previous, limit, windowMs, elapsedMs } = input;
  const weight = 1 - elapsedMs / windowMs;
  if (previous * weight + current <= limit) return { isAllowed: true, retryAfterSeconds: 0 };
  // When would one more attempt fit? Still in this window if the previous window's share
  // decays enough; else in the next one, where this window's count becomes the decaying share.
  const room = limit - 1;
  let waitMs = windowMs - elapsedMs + Math.max(0, windowMs * (1 - room / current));
  if (current <= room && previous > 0) {
    const fitsAt = windowMs * (1 - (room - current) / previous) - elapsedMs;
    if (fitsAt < windowMs - elapsedMs) waitMs = Math.max(0, fitsAt);
  }
  return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}
