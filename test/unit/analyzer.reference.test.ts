import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeChecklist } from '../../src/core/analyze/analyze';
import type { LinkCheck } from '../../src/core/analyze/links';
import { defaultConfig, type ReadinessConfig } from '../../src/core/config/types';
import { decodeText } from '../../src/core/text/decode';
import { generateChecklist } from '../../bench/generate';
import { referenceAnalyze } from '../reference/evaluate';

/**
 * The one analysis path (a fresh analyzer's first parse, which splits the text into sections and
 * assembles them) against the reference evaluator (the whole text as one section, every rule over
 * every item): models and findings must be deep-equal. Edit sequences are covered by
 * incremental.property.test.ts.
 */
const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');
const RUNS = Number(process.env.READINESS_FUZZ_RUNS ?? 150);
const exists = (path: string): LinkCheck => (path.includes('missing') ? false : path.includes('link') ? 'outside' : path.length % 2 === 0);
const CONFIGS: Record<string, ReadinessConfig> = {
  default: defaultConfig(),
  strict: {
    ...defaultConfig(),
    critical: [{ category: '*Secur*' }, { item: '*rollback*' }],
    evidence: { required: 'all', dir: 'docs/evidence' },
    rules: { 'untracked-item': 'off', overdue: 'error' },
  },
  taught: { ...defaultConfig(), statuses: { Verify: 'done', '⚠️': 'in-progress', Unknown: 'n/a', '`Done`': 'open' } },
};

function assertSame(text: string, path: string, config: ReadinessConfig, checked: boolean): void {
  const options = { config, path, today: '2026-06-01', ...(checked ? { exists } : {}) };
  assert.deepStrictEqual(analyzeChecklist(text, options), referenceAnalyze(text, options), path);
}

describe('the analyzer equals the reference evaluator', () => {
  const corpus = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.md') && f !== 'MANIFEST.md') : [];

  it('on every checklist of the shared corpus, with and without link checks and under two configs', function () {
    if (corpus.length === 0) this.skip();
    this.timeout(120_000);
    for (const file of corpus) {
      const text = decodeText(readFileSync(join(CORPUS, file))).text;
      for (const config of Object.values(CONFIGS)) {
        assertSame(text, `svc/${file}`, config, true);
        assertSame(text, file, config, false);
      }
    }
  });

  it('on generated checklists of 100 and 1,000 items', function () {
    this.timeout(120_000);
    for (const items of [100, 1_000]) assertSame(generateChecklist(items), 'PRODUCTION_READINESS.md', CONFIGS.strict, true);
  });

  it('on random documents', function () {
    this.timeout(30_000 + RUNS * 100);
    const line = fc.constantFrom(
      '# Title',
      '## Security',
      '### Critical path',
      '## Ops ✅',
      '- [ ] Rollback tested',
      '- [x] Backups [evidence](docs/evidence/a.md)',
      '  - [~] Nested',
      '* [-] N/A item {#dup}',
      '- ✅ Done glyph',
      '☐ Bare box line',
      '[ ] Bare box',
      '[x] Bare done box',
      '- ⚠️ Warned bullet',
      '1. 📝 Noted step',
      '| Item | Status | Notes |',
      '|---|:---:|',
      '#### Missing file ❌',
      '### Reported ✅',
      '- **Owner:** someone',
      '- plain prose bullet',
      '- **Runbooks** - exist for all alerts',
      '| Check | Status |',
      '|---|---|',
      '| TLS | ✅ |',
      '| Keys | Unknown |',
      '```',
      '~~~',
      '<div>',
      '</div>',
      '[ev]: docs/evidence/missing.md',
      '- [ ] Uses [ev]',
      '- [ ] Outside [x](../y.md)',
      'Setext',
      '===',
      '---',
      '**Group:**',
      '> - [ ] quoted',
      'âœ… legacy',
      '',
      '',
      '',
      '- [ ] Due @ops due: 2020-01-01',
      '<!-- id: dup -->',
      '- [ ] Again {#dup}',
      '## Status Legend',
      '- `Verify`: checked in the console',
      '- `Done`: finished',
      '| Keys | `Verify` |',
      '| Plan | pass / fail |',
    );
    const doc = fc.tuple(
      fc.constantFrom(
        '',
        '---\ntitle: T\n---\n',
        '---\nreadiness:\n  critical:\n    - category: Ops\n---\n',
        '---\nreadiness:\n  statuses:\n    Keys: done\n    Verify: n/a\n---\n',
        '\uFEFF',
      ),
      fc.array(line, { maxLength: 40 }),
      fc.constantFrom('\n', '\r\n'),
    );
    fc.assert(
      fc.property(doc, fc.boolean(), fc.constantFrom(CONFIGS.default, CONFIGS.taught), ([head, lines, eol], checked, config) =>
        assertSame((head + lines.join('\n') + '\n').replace(/\n/g, eol), 'a/PRODUCTION_READINESS.md', config, checked),
      ),
      { numRuns: RUNS },
    );
  });
});
