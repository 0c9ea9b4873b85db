import { appendFileSync } from 'node:fs';

/**
 * Appends a line to the runner's progress file (`<READINESS_TEST_RESULTS>.progress`), or prints it
 * when there is none. The web build of the suites uses progress.web.ts instead.
 */
export function appendProgressLine(line: string): void {
  const file = process.env.READINESS_TEST_RESULTS;
  if (file) appendFileSync(`${file}.progress`, `${line}\n`);
  else console.log(line);
}
