import { strict as assert } from 'node:assert';
import { createPaint, shouldColor } from '../../src/cli/ansi';
import { formatText } from '../../src/core/report/textReport';
import type { Finding } from '../../src/core/model/ruleTable';
import { analyze } from './helpers/model';

const plain = createPaint(false);

function configFinding(line: number): Finding {
  return {
    rule: 'config-invalid',
    severity: 'error',
    message: 'bad value',
    span: { start: 0, end: 1, startPosition: { line, column: 3 }, endPosition: { line, column: 4 } },
  };
}

describe('formatText', () => {
  it('prints a config file with findings but no progress bar', () => {
    const out = formatText(
      [{ path: '.readiness.yml', analysis: { checklist: null, findings: [configFinding(2), configFinding(10)] } }],
      plain,
    );
    assert.equal(
      out,
      [
        '.readiness.yml',
        '   2:3  error    bad value  config-invalid',
        '  10:3  error    bad value  config-invalid',
        '',
        '✖ 2 problems (2 errors, 0 warnings, 0 infos)',
        '',
      ].join('\n'),
    );
  });

  it('shows progress, top-level categories with items, and a clean summary', () => {
    const analysis = analyze('# T\n\n## Intro\n\nProse only.\n\n## Ops\n\n- [x] a\n- [ ] b (critical)\n- [-] c\n\n### Deep\n\n- [~] d\n');
    const out = formatText([{ path: 'PRODUCTION_READINESS.md', analysis: { ...analysis, findings: [] } }], plain);
    assert.equal(
      out,
      [
        'PRODUCTION_READINESS.md',
        '  ███░░░░░░░  33%  1/3 done · 1 in progress · 1 critical open · 1 n/a',
        '  Ops  ███░░░░░░░  33%  1/3',
        '',
        '✔ no problems',
        '',
      ].join('\n'),
    );
  });

  it('aligns columns by terminal width: CJK and full-width characters take two columns', () => {
    // Titles: "運用" is 4 columns, "Deploy" 6, "本番（Critical）" 4 + 2 + 8 + 2 = 16 (full-width brackets).
    const analysis = analyze('# T\n\n## 運用\n\n- [ ] a\n\n## Deploy\n\n- [ ] b\n\n## 本番（Critical）\n\n- [x] c\n');
    const out = formatText([{ path: 'P.md', analysis: { ...analysis, findings: [] } }], plain);
    const rows = out.split('\n').slice(2, 5);
    assert.deepEqual(rows, [
      `  運用${' '.repeat(12)}  ░░░░░░░░░░   0%  0/1`,
      `  Deploy${' '.repeat(10)}  ░░░░░░░░░░   0%  0/1`,
      '  本番（Critical）  ██████████ 100%  1/1',
    ]);
  });

  it('aligns finding messages with wide characters and cuts long titles on whole characters', () => {
    const analysis = analyze(`# T\n\n## ${'長'.repeat(30)}\n\n- [ ] 日本語の項目 (critical)\n- [ ] ab (critical)\n`);
    const out = formatText([{ path: 'P.md', analysis }], plain);
    // 30 wide characters are 60 columns: cut to 19 characters (38 columns) and "…", within the 40-column limit.
    assert.match(out, new RegExp(`^  ${'長'.repeat(19)}…  ░`, 'm'));
    const findings = out.split('\n').filter((l) => l.includes('critical-open'));
    // '"日本語の項目" is critical and open' is 6 wide characters: 4 columns more than '"ab" is critical and open'.
    assert.equal(findings.length, 2);
    const [wide, narrow] = findings[0].includes('日本語') ? findings : [findings[1], findings[0]];
    assert.ok(wide.includes('"日本語の項目" is critical and open  critical-open'), wide);
    assert.ok(narrow.includes(`"ab" is critical and open${' '.repeat(2 + 10)}critical-open`), narrow);
  });

  it('says when nothing is tracked', () => {
    const analysis = analyze('');
    const out = formatText([{ path: 'EMPTY.md', analysis }], plain);
    assert.match(out, /^ {2}░{10} {4}– {2}no tracked items$/m);
    assert.match(out, /^✖ 1 problem \(0 errors, 0 warnings, 1 info\)$/m);
  });
});

describe('shouldColor', () => {
  it('colours a terminal unless --no-color or NO_COLOR; FORCE_COLOR forces it elsewhere', () => {
    assert.equal(shouldColor({ noColorFlag: false, env: {}, isTTY: true }), true);
    assert.equal(shouldColor({ noColorFlag: false, env: {}, isTTY: false }), false);
    assert.equal(shouldColor({ noColorFlag: true, env: {}, isTTY: true }), false);
    assert.equal(shouldColor({ noColorFlag: false, env: { NO_COLOR: '1' }, isTTY: true }), false);
    assert.equal(shouldColor({ noColorFlag: false, env: { NO_COLOR: '' }, isTTY: true }), true);
    assert.equal(shouldColor({ noColorFlag: false, env: { FORCE_COLOR: '1' }, isTTY: false }), true);
    assert.equal(shouldColor({ noColorFlag: false, env: { FORCE_COLOR: '0' }, isTTY: true }), false);
  });
});
