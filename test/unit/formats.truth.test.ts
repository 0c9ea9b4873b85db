import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeChecklist } from '../../src/core/analyze/analyze';
import { defaultConfig } from '../../src/core/config/types';
import { decodeText } from '../../src/core/text/decode';
import { referenceAnalyze } from '../reference/evaluate';
import { truthDifferences } from '../corpus/truthCheck';
import { FORMATS_TRUTH } from '../fixtures/formats/TRUTH';

/**
 * Checklists written for the formats the shared corpus does not hold (test/fixtures/formats),
 * against ground truth counted by reading each file under the format rules
 * (test/fixtures/formats/TRUTH.ts). A failure is a disagreement between the tool and a careful
 * reader; the truth never moves to match the tool.
 */

const DIR = join(__dirname, '..', 'fixtures', 'formats');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort();

describe('format fixtures ground truth (hand-counted)', function () {
  this.timeout(120_000);

  it('has a hand-counted entry for every fixture, and a fixture for every entry', () => {
    assert.ok(FILES.length >= 14, `expected at least 14 fixtures in ${DIR}, found ${FILES.length}`);
    assert.deepEqual(
      FILES.filter((f) => FORMATS_TRUTH[f] === undefined),
      [],
      'fixtures with no entry in FORMATS_TRUTH',
    );
    assert.deepEqual(
      Object.keys(FORMATS_TRUTH).filter((f) => !FILES.includes(f)),
      [],
      'FORMATS_TRUTH entries with no fixture',
    );
  });

  it('keeps the CRLF fixtures in CRLF and the BOM fixture with its BOM (an editor or formatter must not normalise them)', () => {
    const bytes = readFileSync(join(DIR, '09_crlf-orders-consumer-prr.md'), 'latin1');
    assert.equal(bytes.split('\n').length, bytes.split('\r\n').length, 'every line of fixture 09 ends in CRLF');
    const withBom = readFileSync(join(DIR, '29_utf8-bom-front-matter-statuses.md'), 'latin1');
    assert.ok(withBom.startsWith('\u00ef\u00bb\u00bf'), 'fixture 29 starts with a UTF-8 BOM');
    assert.equal(withBom.split('\n').length, withBom.split('\r\n').length, 'every line of fixture 29 ends in CRLF');
  });

  it('gives the same analysis on the sectioned path as the whole-document reference, on every fixture', () => {
    for (const file of FILES) {
      const text = decodeText(readFileSync(join(DIR, file))).text;
      const options = { config: defaultConfig(), path: file, today: '2026-12-01' };
      assert.deepStrictEqual(analyzeChecklist(text, options), referenceAnalyze(text, options), file);
    }
  });

  for (const file of FILES) {
    it(`${file} matches its ground truth`, function () {
      const truth = FORMATS_TRUTH[file];
      if (truth === undefined) assert.fail(`${file}: no entry in FORMATS_TRUTH`);
      const text = decodeText(readFileSync(join(DIR, file))).text;
      const diff = truthDifferences(file, text, truth);
      assert.deepEqual(diff, [], `\n${diff.join('\n')}`);
    });
  }
});
