import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChecklistAnalyzer } from '../../src/core/analyze/analyzer';
import { defaultConfig } from '../../src/core/config/types';
import { applyEdits } from '../../src/core/edit/setState';
import type { Finding } from '../../src/core/model/ruleTable';
import { allItems } from '../../src/core/model/walk';
import { decodeText } from '../../src/core/text/decode';
import { referenceAnalyze } from '../reference/evaluate';
import { analyze, briefs } from './helpers/model';

/** Format rule 7: checks inside a code block are code, never items, and get one finding per block. */
const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');

function codeFindings(text: string): Finding[] {
  return analyze(text).findings.filter((f) => f.rule === 'checks-in-code-block');
}

/** Line, message head and whether a fix is offered, per finding. */
function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.span.startPosition.line}: ${/holds ([^)]*\))/.exec(f.message)?.[1]}${f.fix ? ' fix' : ''}`);
}

function corpusText(file: string): string {
  return decodeText(readFileSync(join(CORPUS, file))).text;
}

describe('checks-in-code-block', () => {
  const doc = [
    '# Deploy',
    '',
    '- [x] Tagged',
    '',
    '```',
    'Pre-deployment:',
    '☐ Create Procfile',
    '✅ Update CORS',
    '',
    'Post:',
    '- [ ] Smoke test',
    '```',
    '',
    'Done.',
    '',
  ];

  it('reports a fenced block of checks once, on its opening line, and never makes items of it', () => {
    const text = doc.join('\n');
    const { checklist, findings } = analyze(text);
    assert.deepEqual(briefs(checklist), ['Tagged [task, done]']);
    const found = findings.filter((f) => f.rule === 'checks-in-code-block');
    assert.deepEqual(summary(found), ['5: 3 checks (2 open) fix']);
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].span.startPosition.column, 1);
    assert.equal(found[0].span.endPosition.line, 5);
    assert.match(found[0].message, /not counted/);
    assert.match(found[0].message, /take them out of the code block/);
  });

  it('fixes by deleting exactly the two fence lines (LF), after which the checks are items', () => {
    const text = doc.join('\n');
    const [finding] = codeFindings(text);
    const fixed = applyEdits(text, finding.fix!);
    assert.equal(
      fixed,
      '# Deploy\n\n- [x] Tagged\n\nPre-deployment:\n☐ Create Procfile\n✅ Update CORS\n\nPost:\n- [ ] Smoke test\n\nDone.\n',
    );
    const after = analyze(fixed);
    assert.deepEqual(briefs(after.checklist), [
      'Tagged [task, done]',
      'Create Procfile [bullet, open]',
      'Update CORS [bullet, done]',
      'Smoke test [task, open]',
    ]);
    assert.deepEqual(codeFindings(fixed), []);
  });

  it('fixes by deleting exactly the two fence lines (CRLF)', () => {
    const text = doc.join('\r\n');
    const [finding] = codeFindings(text);
    assert.equal(
      applyEdits(text, finding.fix!),
      '# Deploy\r\n\r\n- [x] Tagged\r\n\r\nPre-deployment:\r\n☐ Create Procfile\r\n✅ Update CORS\r\n\r\nPost:\r\n- [ ] Smoke test\r\n\r\nDone.\r\n',
    );
  });

  it('takes the line break before a closing fence that ends the text', () => {
    const text = '## A\n\n~~~\n[ ] Restore drill\n[x] Backups\n~~~';
    const [finding] = codeFindings(text);
    assert.deepEqual(summary([finding]), ['3: 2 checks (1 open) fix']);
    assert.equal(applyEdits(text, finding.fix!), '## A\n\n[ ] Restore drill\n[x] Backups');
  });

  it('does not take code lines that merely contain a glyph for checks', () => {
    const text = '## Build\n\n```bash\necho "✅ done"\n// ❌ CRITICAL\n# ✅ comment\nstatus=☐\n```\n';
    assert.deepEqual(codeFindings(text), []);
  });

  it('reports without a fix when removing the fences would change more than the checks', () => {
    const text = [
      '## Gate',
      '',
      '```markdown',
      '## Day of deploy',
      '- [ ] Merge',
      '```',
      '',
      '```',
      '☐ Rollback plan',
      'Signed: ________  Date: ____',
      '```',
      '',
      '- Steps',
      '  ```',
      '  - [x] Nested in a list',
      '  ```',
      '',
      '```',
      '✓ Unclosed fence',
      '',
    ].join('\n');
    assert.deepEqual(summary(codeFindings(text)), [
      '3: 1 check (1 open)',
      '8: 1 check (1 open)',
      '14: 1 check (0 open)',
      '18: 1 check (0 open)',
    ]);
  });

  it('reports an indented code block of checks, without a fix', () => {
    const text = 'Final checklist:\n\n    ☐ Load test\n    - [x] Backups\n    Write instructions\n';
    assert.deepEqual(summary(codeFindings(text)), ['3: 2 checks (1 open)']);
  });

  it('gives the same findings after edits as a whole-document analysis, a fence spanning headings included', () => {
    const options = { config: defaultConfig(), path: 'PRODUCTION_READINESS.md' };
    const analyzer = new ChecklistAnalyzer(options);
    const versions = [
      '# T\n\n## A\n\n- [ ] a\n\n## B\n\n☐ b\n\n## C\n\n- [x] c\n',
      '# T\n\n## A\n\n- [ ] a\n\n```\n## B\n\n☐ b\n\n## C\n\n- [x] c\n',
      '# T\n\n## A\n\n- [ ] a\n\n```\n## B\n\n☐ b\n```\n\n## C\n\n- [x] c\n',
      '# T\n\n## A\n\n- [ ] a\n\n```\n## B\n\n☐ b\n- [ ] b2\n```\n\n## C\n\n- [x] c\n',
      '# T\n\n## A\n\n- [ ] a\n\n```\n☐ b\n- [ ] b2\n```\n\n## C\n\n- [x] c\n',
      '# T\n\n## A\n\n- [ ] a\n\n## B\n\n☐ b\n- [ ] b2\n```\n\n## C\n\n- [x] c\n',
    ];
    for (const text of versions) {
      assert.deepStrictEqual(analyzer.analyze(text), referenceAnalyze(text, options), text);
    }
    assert.deepEqual(summary(codeFindings(versions[4])), ['7: 2 checks (2 open) fix']);
  });

  describe('on the shared corpus', () => {
    before(function () {
      if (!existsSync(CORPUS)) this.skip();
    });

    it('21: the deployment checklist (lines 253-291) and the sign-off (374-385) in fences', () => {
      const text = corpusText('21_bare-ballot-box-lines-score-table.md');
      // Read: 28 ☐ lines under five "Stage:" labels; 8 ☐ lines and a "Signed:" line.
      assert.deepEqual(summary(codeFindings(text)), ['253: 28 checks (28 open) fix', '374: 8 checks (8 open)']);
      const before = analyze(text).checklist.progress;
      const [first] = codeFindings(text);
      const fixed = applyEdits(text, first.fix!);
      // Exactly the two fence lines go.
      assert.equal(fixed.length, text.length - 8);
      assert.equal(fixed.split('\n')[252], 'Pre-deployment:');
      const after = analyze(fixed).checklist.progress;
      assert.equal(after.open, before.open + 28);
      assert.equal(after.done, before.done);
    });

    it('25: the ```markdown deployment-day checklist near line 729 (headings inside: no fix)', () => {
      const text = corpusText('25_chinese-cjk-readiness-report.md');
      assert.deepEqual(summary(codeFindings(text)), ['725: 20 checks (20 open)']);
    });

    it('40: every gate in a bash fence, and no items from them', () => {
      const text = corpusText('40_checkmarks-inside-bash-fences-cursor-rules.md');
      const found = summary(codeFindings(text));
      assert.ok(found.includes('14: 5 checks (0 open)'), found.join('\n'));
      assert.ok(found.includes('25: 6 checks (0 open)'), found.join('\n'));
      assert.ok(found.length >= 5);
      assert.equal(allItems(analyze(text).checklist).length, 0);
    });
  });
});
