import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The shared corpus of real checklists, beside the project (never copied into it). */
export const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');

/**
 * The corpus's checklist files, sorted, and a mocha `before` hook that skips the suite (saying
 * why) when the corpus folder is absent.
 */
export function corpusSuite(): { files: string[]; skipWhenAbsent: (this: Mocha.Context) => void } {
  const present = existsSync(CORPUS);
  const files = present
    ? readdirSync(CORPUS)
        .filter((f) => f.endsWith('.md') && f !== 'MANIFEST.md')
        .sort()
    : [];
  return {
    files,
    skipWhenAbsent(this: Mocha.Context) {
      if (!present) {
        console.log(`    (skipped: corpus folder ${CORPUS} is absent; it is never copied into the project)`);
        this.skip();
      }
    },
  };
}
