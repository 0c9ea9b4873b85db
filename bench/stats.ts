/** Small statistics and timing helpers for the benchmark. */

/** The value below which `p` (0–1) of the sorted samples lie (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** The median of the samples. */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds one call of `run` takes. */
export function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Runs the candidates in turn `rounds` times (so machine noise hits them alike); median milliseconds of each. */
export function interleaved(rounds: number, candidates: readonly (() => unknown)[]): number[] {
  const samples = candidates.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) candidates.forEach((run, i) => samples[i].push(time(run)));
  return samples.map(median);
}

/** Rounds for display. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Writes a progress line to stderr (stdout is kept for `--json`). */
export function progress(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}
