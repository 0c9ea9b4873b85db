import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defaultConfig } from '../../src/core/config/types';
import { ChecklistAnalyzer } from '../../src/core/analyze/analyzer';
import { allItems } from '../../src/core/model/walk';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function liveBytes(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A checklist of `sections` sections of ten long-texted items each. */
function checklist(sections: number): string {
  const lines = ['# Service readiness', ''];
  for (let s = 0; s < sections; s++) {
    lines.push(`## Area ${s}`, '');
    for (let i = 0; i < 10; i++) lines.push(`- [ ] Item ${s}.${i} with a text long enough to be shared ✅ [evidence](docs/e${s}-${i}.md)`);
    lines.push('');
  }
  return lines.join('\n');
}

describe('incremental analysis memory', () => {
  it('does not keep past versions of the text alive while typing', function () {
    this.timeout(120_000);
    // 600 sections ≈ 600 KB of UTF-16 per version: 150 kept versions would be 90 MB.
    let text = checklist(600);
    const analyzer = new ChecklistAnalyzer({ config: defaultConfig(), path: 'PRODUCTION_READINESS.md' });
    let analysis = analyzer.analyze(text);
    const before = liveBytes();
    for (let k = 0; k < 150; k++) {
      const items = allItems(analysis.checklist);
      // Type into a different section each time, so that every version is parsed somewhere.
      const item = items[(k * 37) % items.length];
      const at = item.span.start + 12;
      text = text.slice(0, at) + 'e' + text.slice(at);
      analysis = analyzer.analyze(text);
    }
    const grown = liveBytes() - before;
    assert.ok(grown < 20e6, `live heap grew by ${(grown / 1e6).toFixed(1)} MB over 150 edits`);
  });
});
