import { strict as assert } from 'node:assert';
import { allItems } from '../../src/core/model/walk';
import { textWithoutMeta } from '../../src/core/parse/itemMeta';
import { analyze, briefs, outline } from './helpers/model';

describe('parseChecklist', () => {
  describe('categories', () => {
    it('treats a single leading H1 as the title and nests headings by level', () => {
      const { checklist } = analyze('# Launch\n\n## Security\n\n- [x] TLS\n\n### Secrets\n\n- [ ] Rotate keys\n\n## Ops\n\n- [ ] Pager\n');
      assert.equal(checklist.title, 'Launch');
      assert.deepEqual(outline(checklist.categories), ['Security 1/2', '  Secrets 0/1', 'Ops 0/1']);
      assert.deepEqual(checklist.categories[0].categories[0].items[0].categoryPath, ['Security', 'Secrets']);
    });

    it('makes every H1 a category when there are several', () => {
      const { checklist } = analyze('# One\n\n- [ ] a\n\n# Two\n\n- [x] b\n');
      assert.equal(checklist.title, null);
      assert.deepEqual(outline(checklist.categories), ['One 0/1', 'Two 1/1']);
    });

    it('cleans heading labels: emoji, markup, trailing status glyphs', () => {
      const { checklist } = analyze('# T\n\n## :wrench: **Maintainability**\n\n- [ ] a\n\n### 3. Security ✅\n\n- [ ] b\n');
      assert.deepEqual(outline(checklist.categories), ['Maintainability 0/2', '  3. Security 0/1']);
    });

    it('takes the title from front matter when there is no H1', () => {
      const { checklist } = analyze('---\ntitle: Go-live gate\n---\n\n## A\n\n- [ ] x\n');
      assert.equal(checklist.title, 'Go-live gate');
    });

    it('groups a list under a bold paragraph as a sub-category', () => {
      const { checklist } = analyze(
        '## Deploy\n\n**Pre-Deployment:**\n- [ ] Freeze\n- [x] Tag\n\n**Post-Deployment:**\n- [ ] Smoke test\n',
      );
      assert.deepEqual(outline(checklist.categories), ['Deploy 1/3', '  Pre-Deployment 1/2', '  Post-Deployment 0/1']);
    });
  });

  describe('task items', () => {
    it('reads every box and marker style, nested tasks as children', () => {
      const md = [
        '## A',
        '',
        '- [ ] open',
        '* [x] done',
        '+ [X] done upper',
        '1. [ ] ordered',
        '2) [x] paren',
        '- [~] wip',
        '- [/] wip slash',
        '- [-] not needed',
        '- [ ] parent',
        '  - [x] child',
        '',
      ].join('\n');
      const { checklist } = analyze(md);
      assert.deepEqual(briefs(checklist), [
        'open [task, open]',
        'done [task, done]',
        'done upper [task, done]',
        'ordered [task, open]',
        'paren [task, done]',
        'wip [task, in-progress]',
        'wip slash [task, in-progress]',
        'not needed [task, n/a]',
        'parent [task, open]',
        'child [task, done]',
      ]);
      const parent = checklist.categories[0].items.find((i) => i.text === 'parent')!;
      assert.equal(parent.children.length, 1);
      assert.deepEqual(checklist.progress, { done: 4, open: 3, inProgress: 2, notApplicable: 1, untracked: 0, percent: 44 });
    });

    it('never reads tasks from code, inline code, HTML comments or quoted code', () => {
      const md = [
        '## A',
        '',
        '```',
        '- [ ] fenced',
        '```',
        '',
        '~~~md',
        '- [x] tilde',
        '~~~',
        '',
        '    - [ ] indented code',
        '',
        'Text `- [ ] inline` here',
        '',
        '<!--',
        '- [ ] commented',
        '-->',
        '',
        '> ```',
        '> - [ ] quoted code',
        '> ```',
        '',
        '- [ ] real',
        '',
      ].join('\n');
      assert.deepEqual(briefs(analyze(md).checklist), ['real [task, open]']);
    });

    it('reads tasks in block quotes and items nested under plain bullets', () => {
      const md = '## A\n\n> - [ ] quoted task\n\n- Common\n  - [ ] nested under plain\n';
      assert.deepEqual(briefs(analyze(md).checklist), ['quoted task [task, open]', 'nested under plain [task, open]']);
    });
  });

  describe('status tables', () => {
    it('reads 🔴 in the status column as open, and in a priority column as critical', () => {
      const md = ['| Check | Status | Priority |', '|---|---|---|', '| Dashboards | 🔴 | low |', '| Backups | 🟢 | 🔴 |', ''].join('\n');
      assert.deepEqual(briefs(analyze(md).checklist), ['Dashboards [table, open]', 'Backups [table, done, critical]']);
    });

    it('maps glyphs and words to states, wrapping and shortcodes included', () => {
      const md = [
        '## Gate',
        '',
        '| Check | Status | Notes |',
        '|---|---|---|',
        '| Backups | ✅ | |',
        '| TLS | **Done** | |',
        '| Load test | `In progress` | |',
        '| Pen test | :x: | |',
        '| Legacy | N/A | |',
        '| Alerts | ✅ Excellent | |',
        '| Runbook | | |',
        '| Chaos | &#9745; | |',
        '| | ✅ | empty text row |',
        '| | | |',
        '',
      ].join('\n');
      const { checklist } = analyze(md);
      assert.deepEqual(briefs(checklist), [
        'Backups [table, done]',
        'TLS [table, done]',
        'Load test [table, in-progress]',
        'Pen test [table, open]',
        'Legacy [table, n/a]',
        'Alerts [table, done]',
        'Runbook [table, open]',
        'Chaos [table, done]',
        // A row with a status is a check even when its Check cell is empty: another cell names it.
        'empty text row [table, done]',
      ]);
    });

    it('counts an unfilled option list as open without a finding', () => {
      const { checklist, findings } = analyze('| Gate | Status | Notes |\n|---|---|---|\n| Security | pass / fail / follow-up | |\n');
      assert.deepEqual(briefs(checklist), ['Security [table, open]']);
      assert.deepEqual(
        findings.filter((f) => f.rule === 'unknown-status'),
        [],
      );
    });

    it('reports an unknown status as open with a finding', () => {
      const { checklist, findings } = analyze('| Gate | Status | Notes |\n|---|---|---|\n| Security | Verify | |\n');
      assert.deepEqual(briefs(checklist), ['Security [table, open]']);
      const unknown = findings.filter((f) => f.rule === 'unknown-status');
      assert.equal(unknown.length, 1);
      assert.equal(unknown[0].span.startPosition.line, 3);
      assert.equal(unknown[0].span.startPosition.column, 14);
    });

    it('ignores tables without a status column', () => {
      const { checklist } = analyze('| Name | Level | Comment |\n|---|---|---|\n| Backups | Critical 🔴 | x |\n');
      assert.equal(allItems(checklist).length, 0);
    });

    it('finds the status column in a table with empty headers and box cells', () => {
      const md = '| | |\n|---|---|\n| Backups | ✅ |\n| Alerts | ❌ |\n\n| Task | X |\n|---|---|\n| Deploy | [x] |\n| Rollback | [ ] |\n';
      assert.deepEqual(briefs(analyze(md).checklist), [
        'Backups [table, done]',
        'Alerts [table, open]',
        'Deploy [table, done]',
        'Rollback [table, open]',
      ]);
    });

    it('uses priority, owner and due columns and reduces HTML in cells', () => {
      const md =
        '| Deliverable | Priority | Owner | Due | Done? |\n|---|---|---|---|---|\n| <details><summary>DR drill</summary>steps</details> | P0 | @ana | 2026-03-01 | ☐ |\n| Docs | Low | bob | soon | ☑ |\n';
      assert.deepEqual(briefs(analyze(md).checklist), [
        'DR drill [table, open, critical, @ana, due 2026-03-01]',
        'Docs [table, done, @bob]',
      ]);
    });
  });

  describe('glyph bullets, bare glyph lines and untracked items', () => {
    it('reads glyph bullets and bare glyph lines', () => {
      const md = '## A\n\n- ✅ Backups verified\n- ☐ Load test\n\n☐ Bare one\n☐ Bare two\n✅ Bare done\n';
      assert.deepEqual(briefs(analyze(md).checklist), [
        'Backups verified [bullet, done]',
        'Load test [bullet, open]',
        'Bare one [bullet, open]',
        'Bare two [bullet, open]',
        'Bare done [bullet, done]',
      ]);
    });

    it('does not count a ✅ enumeration introduced by a sentence', () => {
      const md = 'The new guide covers everything including:\n- ✅ Core features\n- ✅ Admin setup\n';
      assert.equal(allItems(analyze(md).checklist).length, 0);
    });

    it('makes bold-label and prose bullets in a checklist without tracked items untracked items', () => {
      const md = '## Platform\n\n- **CI/CD pipelines**: GitHub Actions\n- **owner:**\n- plain text\n';
      const { checklist, findings } = analyze(md);
      // The empty fill-in field is not a check.
      assert.deepEqual(briefs(checklist), ['CI/CD pipelines: GitHub Actions [bullet, untracked]', 'plain text [bullet, untracked]']);
      assert.equal(checklist.progress.percent, null);
      assert.equal(checklist.progress.untracked, 2);
      assert.deepEqual(
        findings.map((f) => f.rule),
        ['untracked-item', 'untracked-item'],
      );
    });
  });

  describe('criticality, owners, due dates, ids', () => {
    it('reads inline critical markers and critical headings', () => {
      const md = [
        '## A',
        '',
        '- [ ] TLS (critical)',
        '- [ ] Keys [critical]',
        '- [ ] Logs #critical',
        '- [ ] **critical** DR',
        '- [ ] 🔴 Auth',
        '- [ ] (R) Signoff',
        '- [ ] Normal',
        '',
        '## Critical Rules',
        '',
        '- [ ] Under critical heading',
        '',
      ].join('\n');
      const crit = briefs(analyze(md).checklist).filter((b) => b.includes('critical'));
      assert.equal(crit.length, 7);
      assert.ok(!crit.some((b) => b.startsWith('Normal')));
    });

    it('applies config selectors by category, item glob and id', () => {
      const md = '## 3. Security ✅\n\n- [ ] TLS\n\n## Ops\n\n- [ ] Rollback tested\n- [ ] Pager <!-- id: ops-pager -->\n- [ ] Logs\n';
      const { checklist } = analyze(md, { critical: [{ category: 'security' }, { item: 'rollback*' }, { id: 'ops-pager' }] });
      assert.deepEqual(briefs(checklist), [
        'TLS [task, open, critical]',
        'Rollback tested [task, open, critical]',
        'Pager [task, open, critical]',
        'Logs [task, open]',
      ]);
    });

    it('reads owners and due dates', () => {
      const md =
        '- [ ] Backups @sre-team due: 2026-03-01\n- [ ] DR 📅 2026-04-02 @ana\n- [ ] Mail ops@example.com\n- [ ] Bad date due: 2026-02-30\n';
      assert.deepEqual(briefs(analyze(md).checklist), [
        'Backups @sre-team due: 2026-03-01 [task, open, @sre-team, due 2026-03-01]',
        'DR 📅 2026-04-02 @ana [task, open, @ana, due 2026-04-02]',
        'Mail ops@example.com [task, open]',
        'Bad date due: 2026-02-30 [task, open]',
      ]);
    });

    it('takes explicit ids, makes stable slugs, reports duplicates', () => {
      const md =
        '## Security\n\n- [ ] TLS everywhere <!-- id: sec-tls -->\n- [x] Keys rotated {#sec-keys}\n- [ ] Audit\n- [ ] Audit\n- [ ] Again <!-- id: sec-tls -->\n';
      const { checklist, findings } = analyze(md);
      assert.deepEqual(
        allItems(checklist).map((i) => [i.id, i.text]),
        [
          ['sec-tls', 'TLS everywhere'],
          ['sec-keys', 'Keys rotated'],
          ['security/audit', 'Audit'],
          ['security/audit~2', 'Audit'],
          ['sec-tls', 'Again'],
        ],
      );
      assert.deepEqual(
        findings.filter((f) => f.rule === 'duplicate-id').map((f) => f.span.startPosition.line),
        [7],
      );
      const ticked = analyze(md.replace('- [ ] Audit', '- [x] Audit')).checklist;
      assert.equal(allItems(ticked)[2].id, 'security/audit');
    });
  });

  describe('evidence and runbooks', () => {
    it('classifies links and checks existence through the injected function', () => {
      const md =
        '## Ops\n\n- [x] Rollback tested [report](docs/evidence/rollback.md) [runbook](docs/runbooks/rollback.md) [playbook](ops/pb.md) [wiki](https://wiki.example.com/x) [gone](missing.md)\n';
      const existing = new Set(['docs/evidence/rollback.md', 'docs/runbooks/rollback.md']);
      const { checklist, findings } = analyze(md, {}, { path: 'PRODUCTION_READINESS.md', exists: (p) => existing.has(p) });
      const item = allItems(checklist)[0];
      assert.deepEqual(
        item.evidence.map((e) => [e.resolved, e.exists]),
        [
          ['docs/evidence/rollback.md', true],
          ['missing.md', false],
        ],
      );
      assert.deepEqual(
        item.runbooks.map((e) => [e.resolved, e.exists]),
        [
          ['docs/runbooks/rollback.md', true],
          ['ops/pb.md', false],
        ],
      );
      assert.deepEqual(item.references, ['https://wiki.example.com/x']);
      assert.deepEqual(
        findings.map((f) => f.rule),
        ['evidence-broken', 'evidence-broken'],
      );
    });

    it('resolves links from the checklist folder and flags links outside the workspace', () => {
      const md =
        '- [x] A [e](../evidence/a.md) [x](../../../../etc/passwd) [y](/etc/passwd) [z](file:///etc/passwd) [w](C:\\Windows\\win.ini) [v](%2e%2e/%2e%2e/%2e%2e/x) [c](command:workbench.action.x)\n';
      const { checklist, findings } = analyze(md, {}, { path: 'docs/checklists/PRODUCTION_READINESS.md', exists: () => true });
      const item = allItems(checklist)[0];
      assert.equal(item.evidence[0].resolved, 'docs/evidence/a.md');
      assert.equal(item.evidence.filter((e) => e.outside).length, 6);
      assert.equal(findings.filter((f) => f.rule === 'link-outside-workspace').length, 6);
    });

    it('never follows a target the exists check says resolves outside (a symbolic link pointing out)', () => {
      const md = '- [x] Audit (critical) [log](evidence/audit.md)\n';
      const outside = analyze(md, { evidence: { required: 'critical', dir: 'evidence' } }, { exists: () => 'outside' });
      const link = allItems(outside.checklist)[0].evidence[0];
      assert.deepEqual([link.outside, link.exists], [true, false]);
      assert.deepEqual(
        outside.findings.map((f) => f.rule),
        ['evidence-missing', 'link-outside-workspace'],
      );
    });

    it('requires evidence per config and resolves reference-style links', () => {
      const md = '- [x] Backups (critical) [proof][b]\n- [x] DR (critical)\n- [x] Docs\n\n[b]: evidence/backups.md\n';
      const { findings } = analyze(
        md,
        { evidence: { required: 'critical', dir: 'docs/evidence' } },
        { exists: (p) => p === 'evidence/backups.md' },
      );
      assert.deepEqual(
        findings.map((f) => [f.rule, f.span.startPosition.line]),
        [['evidence-missing', 2]],
      );
    });

    it('adds runbooks from config keyword links', () => {
      const md = '- [ ] Database failover drill\n';
      const { checklist } = analyze(md, { runbooks: { dirs: ['runbooks'], links: [{ match: 'failover', path: 'runbooks/failover.md' }] } });
      assert.deepEqual(
        allItems(checklist)[0].runbooks.map((r) => r.resolved),
        ['runbooks/failover.md'],
      );
    });

    it('resolves config keyword links from the config file folder and reports them on the item line', () => {
      const md = '# Api\n\n## Data\n\n- [ ] Database failover drill\n';
      const config = {
        baseDir: 'services/api',
        runbooks: { dirs: ['runbooks'], links: [{ match: 'failover', path: 'runbooks/failover.md' }] },
      };
      const { checklist, findings } = analyze(md, config, { path: 'services/api/docs/PRODUCTION_READINESS.md', exists: () => false });
      assert.deepEqual(
        allItems(checklist)[0].runbooks.map((r) => r.resolved),
        ['services/api/runbooks/failover.md'],
      );
      assert.deepEqual(
        findings.filter((f) => f.rule === 'evidence-broken').map((f) => f.span.startPosition.line),
        [5],
      );
    });
  });

  describe('findings', () => {
    it('raises critical-open, overdue, no-items and honours rule settings', () => {
      const md = '- [ ] Backups (critical) due: 2026-01-01\n- [~] DR (critical)\n- [x] Done due: 2020-01-01\n';
      const { findings } = analyze(md, {}, { today: '2026-06-01' });
      assert.deepEqual(
        findings.map((f) => `${f.rule}:${f.severity}:${f.span.startPosition.line}`),
        ['critical-open:error:1', 'overdue:warning:1', 'critical-open:error:2'],
      );
      const tuned = analyze(md, { rules: { overdue: 'off', 'critical-open': 'warning' } }, { today: '2026-06-01' });
      assert.deepEqual(
        tuned.findings.map((f) => `${f.rule}:${f.severity}`),
        ['critical-open:warning', 'critical-open:warning'],
      );
      const empty = analyze('Just prose.\n');
      assert.deepEqual(
        empty.findings.map((f) => `${f.rule}:${f.severity}:${f.span.startPosition.line}:${f.span.startPosition.column}`),
        ['no-items:info:1:1'],
      );
    });

    it('repairs mojibake in the model and offers the fix', () => {
      const md = '## ðŸ“‹ Checks\n\n| Check | Status |\n|---|---|\n| Backups | âœ… |\n';
      const { checklist, findings } = analyze(md);
      assert.deepEqual(outline(checklist.categories), ['Checks 1/1']);
      const moji = findings.filter((f) => f.rule === 'mojibake');
      assert.equal(moji.length, 2);
      assert.deepEqual(
        moji.map((f) => f.fix?.[0].newText),
        ['📋', '✅'],
      );
    });
  });
});

describe('textWithoutMeta', () => {
  const cases: [string, string | null, string | null, string][] = [
    ['Secrets rotated (runbook) @security due: 2030-01-15', 'security', '2030-01-15', 'Secrets rotated (runbook)'],
    ['Load test @perf, due 2027-01-20.', 'perf', '2027-01-20', 'Load test.'],
    ['Backups 📅 2026-03-01 (@dba)', 'dba', '2026-03-01', 'Backups'],
    ['Mail ops@example.com about @sre', 'sre', null, 'Mail ops@example.com about'],
    ['@sre', 'sre', null, '@sre'],
    ['No metadata here', null, null, 'No metadata here'],
  ];
  for (const [text, owner, due, expected] of cases) {
    it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => assert.equal(textWithoutMeta(text, owner, due), expected));
  }
});
