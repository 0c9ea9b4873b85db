import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeChecklist } from '../../src/core/analyze/analyze';
import { defaultConfig } from '../../src/core/config/types';
import { decodeText } from '../../src/core/text/decode';
import { validateReport } from '../../src/core/config/generated/validators';
import { buildReport } from '../../src/core/report/jsonReport';
import { allItems } from '../../src/core/model/walk';

/**
 * Real checklists from public repositories live beside the project (../shared/corpus) and are
 * never copied into it. Per-file counts are a reviewed snapshot: when the parser changes them,
 * read the files whose numbers moved, then refresh with READINESS_UPDATE_SNAPSHOT=1.
 */
const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');
const SNAPSHOT = join(__dirname, '..', 'snapshots', 'corpus-counts.json');

interface Counts {
  items: number;
  done: number;
  open: number;
  inProgress: number;
  notApplicable: number;
  untracked: number;
  critical: number;
  categories: number;
  title: string | null;
  findings: Record<string, number>;
}

function countsOf(text: string, path: string): Counts {
  const { checklist, findings } = analyzeChecklist(text, { config: defaultConfig(), path, exists: () => false });
  const items = allItems(checklist);
  const byRule: Record<string, number> = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  let categories = 0;
  const stack = [...checklist.categories];
  while (stack.length > 0) {
    categories++;
    stack.push(...stack.pop()!.categories);
  }
  const p = checklist.progress;
  return {
    items: items.length,
    done: p.done,
    open: p.open,
    inProgress: p.inProgress,
    notApplicable: p.notApplicable,
    untracked: p.untracked,
    critical: items.filter((i) => i.critical).length,
    categories,
    title: checklist.title,
    findings: byRule,
  };
}

describe('corpus of real checklists', function () {
  this.timeout(120_000);
  const present = existsSync(CORPUS);
  const files = present
    ? readdirSync(CORPUS)
        .filter((f) => f.endsWith('.md') && f !== 'MANIFEST.md')
        .sort()
    : [];

  before(function () {
    if (!present) {
      console.log(`    (skipped: corpus folder ${CORPUS} is absent; it is never copied into the project)`);
      this.skip();
    }
  });

  it('parses every file, validates its JSON report and matches the reviewed counts', () => {
    const actual: Record<string, Counts> = {};
    for (const file of files) {
      const decoded = decodeText(readFileSync(join(CORPUS, file)));
      const analysis = analyzeChecklist(decoded.text, { config: defaultConfig(), path: file, exists: () => false });
      const report = buildReport([{ path: file, analysis }]);
      assert.ok(validateReport(report), `${file}: ${JSON.stringify(validateReport.errors)}`);
      actual[file] = countsOf(decoded.text, file);
    }
    if (process.env.READINESS_UPDATE_SNAPSHOT === '1') writeFileSync(SNAPSHOT, JSON.stringify(actual, null, 2) + '\n');
    const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Record<string, Counts>;
    assert.deepEqual(actual, expected);
  });

  it('finds nothing in the negative samples', () => {
    for (const file of files.filter((f) => /^(09|28|39)_/.test(f))) {
      const text = decodeText(readFileSync(join(CORPUS, file))).text;
      assert.equal(countsOf(text, file).items, 0, file);
    }
  });
});
