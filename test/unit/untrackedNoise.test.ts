import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChecklistAnalyzer } from '../../src/core/analyze/analyzer';
import { defaultConfig } from '../../src/core/config/types';
import type { ReadinessItem } from '../../src/core/model/types';
import { allItems } from '../../src/core/model/walk';
import { decodeText } from '../../src/core/text/decode';
import { referenceAnalyze } from '../reference/evaluate';
import { analyze, briefs } from './helpers/model';

/**
 * Format rule 6: `untracked-item` only where it helps. Beside tracked items, `Key: value`
 * metadata bullets, definition lists and bullets explaining a tracked item are documentation (no
 * item, no finding); in a checklist with no tracked items at all, bold-label and prose bullets
 * are untracked items.
 */
const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');

function untrackedLines(text: string): number[] {
  return analyze(text)
    .findings.filter((f) => f.rule === 'untracked-item')
    .map((f) => f.span.startPosition.line);
}

function itemsOnLines(items: readonly ReadinessItem[], from: number, to: number): ReadinessItem[] {
  return items.filter((i) => i.line >= from && i.line <= to);
}

const METADATA = [
  '# Launch',
  '',
  '- **Main repository:** [url]',
  '- **Product manager:** @[username]',
  '- **Active waiver:** none.',
  '- **Launch date:** 2026-03-01',
  '- **原因**：阶段时长太长',
  '- **traffic plan:** internal only / canary / partial / full',
  '',
];

describe('untracked-item only where it helps', () => {
  it('treats Key: value metadata bullets beside tracked items as documentation', () => {
    const text = [...METADATA, '## Checks', '', '- [ ] Backups restored', ''].join('\n');
    const { checklist, findings } = analyze(text);
    assert.deepEqual(briefs(checklist), ['Backups restored [task, open]']);
    assert.deepEqual(
      findings.map((f) => f.rule),
      [],
    );
  });

  it('keeps Key: value lines that read as checks (no clear metadata among them) as untracked items', () => {
    const text = [
      '## Security',
      '',
      '- [x] TLS',
      '',
      '## Operations',
      '',
      '- **On-call rotation**: published in the wiki',
      '- **Escalation policy**: agreed with support',
      '',
      '## Decision scope',
      '',
      '- **Decision:** production release of the current artifact.',
      '- **Active waiver:** none.',
      '',
    ].join('\n');
    // "none." makes the last list metadata, "Decision:" with it; the Operations list has no such line.
    assert.deepEqual(untrackedLines(text), [7, 8]);
  });

  it('keeps the same bullets as untracked items in a checklist without tracked items', () => {
    const text = METADATA.join('\n');
    const { checklist } = analyze(text);
    assert.equal(checklist.progress.untracked, 6);
    assert.deepEqual(untrackedLines(text), [3, 4, 5, 6, 7, 8]);
  });

  it('lists prose bullets of a checklist without markers as untracked items, but not TOC links or fill-in fields', () => {
    const text = [
      '# Ops Readiness Checklist',
      '+ Backup employee laptops.',
      '+ A staging environment to test changes before they go live.',
      '+ [Pin dependencies](../pinning.md)',
      '+ **owner:**',
      '',
      '## Contents',
      '',
      '- [Backups](#backups)',
      '',
    ].join('\n');
    const { checklist } = analyze(text);
    assert.deepEqual(briefs(checklist), [
      'Backup employee laptops. [bullet, untracked]',
      'A staging environment to test changes before they go live. [bullet, untracked]',
      'Pin dependencies [bullet, untracked]',
    ]);
    assert.deepEqual(untrackedLines(text), [2, 3, 4]);
  });

  it('treats a definition list under a heading that defines terms as documentation', () => {
    const long =
      'the target level of a service level indicator over a window, agreed with the product owner and reviewed every quarter by the team';
    const text = [
      '# Readiness',
      '',
      '- [ ] SLOs defined',
      '',
      '## Glossary',
      '',
      `- **SLO**: ${long}`,
      '',
      '## Platform',
      '',
      `- **SLO**: ${long}`,
      '',
    ].join('\n');
    // Under "Platform" the same long bullet is not a short Key: value line, so it still looks like a check.
    assert.deepEqual(untrackedLines(text), [11]);
  });

  it('treats bold-label bullets nested under a tracked item as its explanation', () => {
    const text = [
      '## Secrets',
      '',
      '- [ ] Consider how to manage secrets',
      '  - **Environment Variables** - pass values with environment variables',
      '    - pros: simple to use',
      '  - **Secret Store** - centralized secret store',
      '',
    ].join('\n');
    const { checklist, findings } = analyze(text);
    assert.deepEqual(briefs(checklist), ['Consider how to manage secrets [task, open]']);
    assert.deepEqual(findings, []);
  });

  it('still reports bold-label bullets that are not metadata beside tracked items', () => {
    const text = [
      '## Must fix',
      '',
      '- [x] Auth',
      '',
      '### Incident response',
      '',
      '- **Stop traffic** - Use load balancer or CDN',
      '- **Assess impact** - Check monitoring dashboards',
      '',
    ].join('\n');
    assert.deepEqual(untrackedLines(text), [7, 8]);
    // Numbered, the same lines are the steps of a procedure: not items.
    assert.deepEqual(untrackedLines(text.replace('- **Stop', '1. **Stop').replace('- **Assess', '2. **Assess')), []);
  });

  it('follows the first tracked item in and the last one out across edits, like a whole-document analysis', () => {
    const options = { config: defaultConfig(), path: 'PRODUCTION_READINESS.md' };
    const analyzer = new ChecklistAnalyzer(options);
    const head = METADATA.join('\n');
    const versions = [
      `${head}## Checks\n\n- Backups restored\n`,
      `${head}## Checks\n\n- [ ] Backups restored\n`,
      `${head}## Checks\n\n- [x] Backups restored\n`,
      `${head}## Checks\n\n- Backups restored\n`,
      `${head}## Checks\n\n☐ Backups restored\n\n## More\n\n- prose\n`,
      `${head}## Checks\n\nBackups restored\n\n## More\n\n- prose\n`,
    ];
    const untracked = versions.map((text) => {
      const analysis = analyzer.analyze(text);
      assert.deepStrictEqual(analysis, referenceAnalyze(text, options), text);
      return analysis.checklist.progress.untracked;
    });
    // 6 metadata bullets and the prose bullet(s) while nothing is tracked; none while something is.
    assert.deepEqual(untracked, [7, 0, 0, 7, 0, 7]);
  });

  describe('on the shared corpus', () => {
    before(function () {
      if (!existsSync(CORPUS)) this.skip();
    });

    const read = (file: string) => decodeText(readFileSync(join(CORPUS, file))).text;
    const items = (file: string) => allItems(analyze(read(file)).checklist);

    it('24: the seven metadata bullets (lines 10-16) are not items', () => {
      assert.deepEqual(itemsOnLines(items('24_issue-template-frontmatter-ato-nested.md'), 10, 16), []);
      assert.deepEqual(untrackedLines(read('24_issue-template-frontmatter-ato-nested.md')), []);
    });

    it('17: the decision-scope bullets (lines 14-18) are not items', () => {
      assert.deepEqual(itemsOnLines(items('17_assessment-freetext-decision-column.md'), 14, 19), []);
      assert.deepEqual(untrackedLines(read('17_assessment-freetext-decision-column.md')), []);
    });

    it('25: the 原因/修复 bug notes (lines 180-191) and the numbered must-fix steps (643-647) are not items', () => {
      const file = '25_chinese-cjk-readiness-report.md';
      assert.deepEqual(itemsOnLines(items(file), 180, 191), []);
      assert.deepEqual(untrackedLines(read(file)), []);
    });

    it('07: "traffic plan:" (line 12) is not an item', () => {
      assert.deepEqual(itemsOnLines(items('07_launch-gate-status-options-table.md'), 9, 20), []);
    });

    it('08, 23, 29: prose-bullet checklists list their bullets as untracked items', () => {
      // 08: 17 `+` bullets. 23: 48 bullets (the intro says so; counted by reading). 29: 35 bullets
      // less the three `**基础设施**：` group labels whose checks are nested under them.
      for (const [file, count] of [
        ['08_ops-readiness-plus-bullets-leanpub.md', 17],
        ['23_frontmatter-bold-means-required.md', 48],
        ['29_utf8-bom-chinese-runbook-fullwidth.md', 32],
      ] as const) {
        const list = items(file);
        assert.equal(list.length, count, file);
        assert.ok(
          list.every((i) => i.state === 'untracked'),
          file,
        );
      }
    });
  });
});
