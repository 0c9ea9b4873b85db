/** The web worker has no files to append to: scripts/run-web-integration.mjs reads these console lines. */
export function appendProgressLine(line: string): void {
  console.log(`[readiness-progress] ${line}`);
}
