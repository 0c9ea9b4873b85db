import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { CORPUS, corpusSuite } from '../corpus/corpusFiles';
import { join } from 'node:path';
import { analyzeChecklist } from '../../src/core/analyze/analyze';
import { defaultConfig } from '../../src/core/config/types';
import { decodeText } from '../../src/core/text/decode';
import { validateReport } from '../../src/core/config/generated/validators';
import { buildReport } from '../../src/core/report/jsonReport';

/**
 * Real checklists from public repositories live beside the project (../shared/corpus) and are
 * never copied into it. Their counts are hand-written ground truth (test/corpus/truth*.ts, checked
 * by corpus.truth.test.ts); this suite checks that every file analyses into a valid report and
 * that the negative samples track nothing.
 */

function trackedCount(text: string, path: string): number {
  const { checklist } = analyzeChecklist(text, { config: defaultConfig(), path, exists: () => false });
  const p = checklist.progress;
  return p.done + p.open + p.inProgress + p.notApplicable;
}

describe('corpus of real checklists', function () {
  this.timeout(120_000);
  const { files, skipWhenAbsent } = corpusSuite();
  before(skipWhenAbsent);

  it('analyses every file into a JSON report that validates against the schema', () => {
    for (const file of files) {
      const decoded = decodeText(readFileSync(join(CORPUS, file)));
      const analysis = analyzeChecklist(decoded.text, { config: defaultConfig(), path: file, exists: () => false });
      const report = buildReport([{ path: file, analysis }]);
      assert.ok(validateReport(report), `${file}: ${JSON.stringify(validateReport.errors)}`);
      assert.equal(report.files.length, 1, file);
    }
  });

  it('tracks nothing in the negative samples (prose may still show as untracked items)', () => {
    const negatives = files.filter((f) => /^(09|28|39)_/.test(f));
    assert.equal(negatives.length, 3);
    for (const file of negatives) {
      const text = decodeText(readFileSync(join(CORPUS, file))).text;
      assert.equal(trackedCount(text, file), 0, file);
    }
  });
});
