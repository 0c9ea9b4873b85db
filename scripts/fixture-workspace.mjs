// Prepares a test workspace: copies the fixture folder and, when it has a `large/` folder,
// writes a generated checklist over 1 MB there (too big to keep in git, cheap to rebuild).
import { cp, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Number of sections and items per section of the generated checklist (about 1.1 MB). */
export const LARGE_SHAPE = { sections: 140, tasks: 60, rows: 20 };

/** Copies `fixture` to `destination` and generates `large/PRODUCTION_READINESS.md` when `large/` exists. */
export async function prepareWorkspace(fixture, destination) {
  await cp(fixture, destination, { recursive: true });
  const large = join(destination, 'large');
  if (existsSync(large)) await writeFile(join(large, 'PRODUCTION_READINESS.md'), largeChecklist());
}

/** A deterministic checklist mixing task lists (every third done) and status tables. */
export function largeChecklist({ sections, tasks, rows } = LARGE_SHAPE) {
  const out = ['# Generated platform readiness', ''];
  for (let s = 1; s <= sections; s++) {
    out.push(`## Area ${s}`, '');
    for (let t = 1; t <= tasks; t++) {
      const box = t % 3 === 0 ? 'x' : ' ';
      out.push(
        `- [${box}] Area ${s} check ${t}: verify the service behaves under condition ${t} @team${s % 7} ([evidence](../docs/evidence/tls-scan.md))`,
      );
    }
    out.push('', '| Check | Status | Owner |', '|---|---|---|');
    for (let r = 1; r <= rows; r++) out.push(`| Area ${s} table check ${r} | ${r % 2 === 0 ? '✅' : '☐'} | @team${r % 5} |`);
    out.push('');
  }
  return out.join('\n');
}
