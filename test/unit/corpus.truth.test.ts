import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { CORPUS, corpusSuite } from '../corpus/corpusFiles';
import { join } from 'node:path';
import { decodeText } from '../../src/core/text/decode';
import { TRUTH_A } from '../corpus/truthA';
import { TRUTH_B } from './../corpus/truthB';
import type { CorpusTruth } from '../corpus/truthTypes';
import { truthDifferences } from '../corpus/truthCheck';

/**
 * The real checklists in ../shared/corpus against hand-written ground truth (test/corpus/truthA.ts
 * and truthB.ts), counted by reading each file under the format rules. These numbers do not move
 * with the parser: a failure here is a disagreement
 * between the tool and a careful reader.
 */

const TRUTH: Record<string, CorpusTruth> = { ...TRUTH_A, ...TRUTH_B };

/** Every way the analysis of corpus file `file` differs from its truth, one message each. */
function differences(file: string, truth: CorpusTruth): string[] {
  return truthDifferences(file, decodeText(readFileSync(join(CORPUS, file))).text, truth);
}

describe('corpus ground truth (hand-counted)', function () {
  this.timeout(120_000);
  const { files, skipWhenAbsent } = corpusSuite();
  before(skipWhenAbsent);

  it('has a hand-counted entry for every corpus file', () => {
    const missing = files.filter((f) => TRUTH[f] === undefined);
    assert.deepEqual(missing, [], `corpus files with no entry in TRUTH_A or TRUTH_B: ${missing.join(', ')}`);
  });

  for (const file of files) {
    it(`${file} matches its ground truth`, function () {
      const truth = TRUTH[file];
      if (truth === undefined) assert.fail(`${file}: no entry in TRUTH_A or TRUTH_B`);
      const diff = differences(file, truth);
      assert.deepEqual(diff, [], `\n${diff.join('\n')}`);
    });
  }
});
