/**
 * Shares one `run` among concurrent callers without ever handing a caller a result that began
 * before it called: a call while a run is in flight waits for the next run, which starts when
 * that one ends and serves every caller that arrived meanwhile. So at most one run is in
 * flight and one waiting, however many callers there are.
 *
 * A run already in flight would not do: a database read sent before the caller arrived can
 * miss a commit the caller has already seen (its own upload, say).
 */
export function coalesceFresh<T>(run: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let waiting: Promise<T> | null = null;

  const start = (): Promise<T> => {
    const current = run();
    running = current;
    const settle = () => {
      if (running === current) running = null;
    };
    current.then(settle, settle);
    return current;
  };

  return () => {
    if (waiting) return waiting;
    if (!running) return start();
    const next = running.then(ignore, ignore).then(() => {
      waiting = null;
      return start();
    });
    waiting = next;
    return next;
  };
}

function ignore(): void {}
