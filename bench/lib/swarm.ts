/**
 * Bounded concurrency over a fixed count, with a deadline: every loop here stops by itself.
 * Stops scheduling once more than `maxErrors` tasks failed (a refusing server fails fast).
 */
export async function mapLimit<T>(
  count: number,
  concurrency: number,
  deadlineMs: number,
  task: (index: number) => Promise<T>,
  maxErrors = Infinity,
): Promise<{ results: (T | undefined)[]; errors: { index: number; error: string }[] }> {
  const results: (T | undefined)[] = new Array(count);
  const errors: { index: number; error: string }[] = [];
  const stopAt = Date.now() + deadlineMs;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      if (Date.now() > stopAt || errors.length > maxErrors) {
        if (Date.now() > stopAt) errors.push({ index: next, error: `deadline of ${deadlineMs} ms passed` });
        next = count;
        return;
      }
      const index = next++;
      try {
        results[index] = await task(index);
      } catch (error) {
        errors.push({ index, error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { results, errors };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `done` every `everyMs` until it is true or `timeoutMs` passes; returns whether it was. */
export async function waitUntil(done: () => boolean, timeoutMs: number, everyMs = 20): Promise<boolean> {
  const stopAt = performance.now() + timeoutMs;
  while (performance.now() < stopAt) {
    if (done()) return true;
    await sleep(everyMs);
  }
  return done();
}

/** Summarises errors as "n× message" lines, most frequent first. */
export function errorSummary(errors: { error: string }[], limit = 5): string[] {
  const counts = new Map<string, number>();
  for (const { error } of errors) counts.set(error, (counts.get(error) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([message, n]) => `${n}× ${message}`);
}
