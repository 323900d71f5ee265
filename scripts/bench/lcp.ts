/**
 * Largest Contentful Paint of dashboard pages in headless Chromium (Debian's, as the e2e
 * tests use), read from a PerformanceObserver once the page has settled.
 */
import { chromium, type Browser } from "@playwright/test";
import { median } from "./stats";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export interface LcpResult {
  path: string;
  /** Median over the measured loads, ms; null when the page never reported an LCP. */
  medianMs: number | null;
  runsMs: Array<number | null>;
  /** Why the page could not be measured (a timeout, an error status). */
  error?: string;
}

/**
 * Loads each page `runs` times (once when it is very slow), each in a fresh browser context
 * (empty cache, as a new visitor), after one unmeasured warm-up load that lets the server
 * compile and cache its code.
 */
export async function measureLcp(baseUrl: string, paths: string[], options: { runs?: number; afterEachPage?: () => Promise<void> } = {}): Promise<LcpResult[]> {
  const runs = options.runs ?? 3;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const results: LcpResult[] = [];
    for (const pagePath of paths) {
      try {
        const warmUpStart = performance.now();
        await loadOnce(browser, baseUrl + pagePath);
        // A page that takes tens of seconds is measured once: more runs would say nothing new.
        const count = performance.now() - warmUpStart > 20_000 ? 1 : runs;
        const runsMs: Array<number | null> = [];
        for (let run = 0; run < count; run++) runsMs.push(await loadOnce(browser, baseUrl + pagePath));
        const measured = runsMs.filter((v): v is number => v !== null);
        results.push({ path: pagePath, medianMs: measured.length ? median(measured) : null, runsMs });
      } catch (error) {
        results.push({ path: pagePath, medianMs: null, runsMs: [], error: error instanceof Error ? error.message.split("\n")[0] : String(error) });
      }
      await options.afterEachPage?.();
    }
    return results;
  } finally {
    await browser.close();
  }
}

async function loadOnce(browser: Browser, url: string): Promise<number | null> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  try {
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: "load", timeout: 180_000 });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? "nothing"}`);
    // Streamed widgets may paint a larger element after `load`: wait for the network to settle.
    await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => {});
    return await page.evaluate(
      () =>
        new Promise<number | null>((resolve) => {
          let latest: number | null = null;
          // Buffered entries arrive in one callback; LCP stops updating at the first input.
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) latest = entry.startTime;
            resolve(latest);
          }).observe({ type: "largest-contentful-paint", buffered: true });
          setTimeout(() => resolve(latest), 3_000);
        }),
    );
  } finally {
    await context.close();
  }
}
