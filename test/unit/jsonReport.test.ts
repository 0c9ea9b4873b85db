import { strict as assert } from 'node:assert';
import { buildReport, countBySeverity } from '../../src/core/report/jsonReport';
import type { Checklist, LinkRef, Progress, ReadinessCategory, ReadinessItem, Span } from '../../src/core/model/types';
import type { Finding } from '../../src/core/model/ruleTable';

function span(line: number, column: number, endLine = line, endColumn = column + 1): Span {
  return { start: 0, end: 1, startPosition: { line, column }, endPosition: { line: endLine, column: endColumn } };
}

function progress(done: number, open: number, inProgress = 0, notApplicable = 0, untracked = 0): Progress {
  const tracked = done + open + inProgress;
  return { done, open, inProgress, notApplicable, untracked, percent: tracked ? Math.floor((done * 100) / tracked) : null };
}

function link(target: string, exists: boolean | null): LinkRef {
  return { target, resolved: target, exists, outside: false, span: span(1, 1) };
}

function item(id: string, line: number, extra: Partial<ReadinessItem> = {}): ReadinessItem {
  return {
    id,
    explicitId: false,
    text: id,
    label: id,
    state: 'open',
    critical: false,
    kind: 'task',
    line,
    column: 1,
    span: span(line, 1),
    marker: { style: 'box', start: 3, end: 4, text: ' ' },
    owner: null,
    due: null,
    evidence: [],
    runbooks: [],
    references: [],
    children: [],
    categoryPath: [],
    ...extra,
  };
}

function category(id: string, line: number, items: ReadinessItem[], p: Progress, categories: ReadinessCategory[] = []): ReadinessCategory {
  return { id, title: id.toUpperCase(), depth: 2, line, span: span(line, 1), items, categories, progress: p };
}

function finding(rule: Finding['rule'], severity: Finding['severity'], line: number, itemId?: string): Finding {
  const f: Finding = { rule, severity, message: `${rule} at ${line}`, span: span(line, 3, line, 9) };
  if (itemId) f.itemId = itemId;
  return f;
}

const checklist: Checklist = {
  title: 'Service readiness',
  frontMatter: null,
  items: [item('loose', 3, { state: 'untracked', kind: 'bullet' })],
  categories: [
    category(
      'ops',
      5,
      [
        item('rollback-tested', 6, {
          state: 'done',
          critical: true,
          owner: '@ops',
          due: '2024-05-01',
          evidence: [link('docs/evidence/rollback.md', true), link('docs/evidence/gone.md', null)],
          runbooks: [link('runbooks/rollback.md', false)],
          children: [item('child', 7, { state: 'in-progress', kind: 'task' })],
        }),
      ],
      progress(1, 0, 1),
      [category('ops-db', 9, [item('backups', 10, { kind: 'table', state: 'n/a' })], progress(0, 0, 0, 1))],
    ),
  ],
  progress: progress(1, 0, 1, 1, 1),
  eol: '\n',
  usedTokens: {},
};

describe('buildReport', () => {
  it('projects a checklist into the report shape', () => {
    const report = buildReport([
      {
        path: 'svc/PRODUCTION_READINESS.md',
        analysis: { checklist, findings: [finding('overdue', 'warning', 7, 'child'), finding('no-items', 'info', 1)] },
      },
    ]);
    assert.equal(report.version, 1);
    const [file] = report.files;
    assert.equal(file.path, 'svc/PRODUCTION_READINESS.md');
    assert.equal(file.title, 'Service readiness');
    assert.deepEqual(
      file.items.map((i) => [i.id, i.state, i.kind]),
      [['loose', 'untracked', 'bullet']],
    );
    const [ops] = file.categories;
    assert.deepEqual({ id: ops.id, title: ops.title, line: ops.line }, { id: 'ops', title: 'OPS', line: 5 });
    assert.deepEqual(ops.items[0], {
      id: 'rollback-tested',
      text: 'rollback-tested',
      label: 'rollback-tested',
      state: 'done',
      critical: true,
      line: 6,
      kind: 'task',
      owner: '@ops',
      due: '2024-05-01',
      evidence: [
        { target: 'docs/evidence/rollback.md', exists: true },
        { target: 'docs/evidence/gone.md', exists: false },
      ],
      runbooks: [{ target: 'runbooks/rollback.md', exists: false }],
      children: [
        {
          id: 'child',
          text: 'child',
          label: 'child',
          state: 'in-progress',
          critical: false,
          line: 7,
          kind: 'task',
          owner: null,
          due: null,
          evidence: [],
          runbooks: [],
          children: [],
        },
      ],
    });
    assert.equal(ops.categories[0].items[0].state, 'n/a');
    assert.equal(ops.categories[0].categories.length, 0);
  });

  it('sorts findings by position and keeps itemId only when there is one', () => {
    const report = buildReport([
      { path: 'a.md', analysis: { checklist, findings: [finding('overdue', 'warning', 7, 'child'), finding('no-items', 'info', 1)] } },
    ]);
    assert.deepEqual(report.files[0].findings, [
      { rule: 'no-items', severity: 'info', message: 'no-items at 1', line: 1, column: 3, endLine: 1, endColumn: 9 },
      { rule: 'overdue', severity: 'warning', message: 'overdue at 7', line: 7, column: 3, endLine: 7, endColumn: 9, itemId: 'child' },
    ]);
    assert.ok(!('itemId' in report.files[0].findings[0]));
  });

  it('carries a config file as a file with findings and no items', () => {
    const report = buildReport([
      { path: '.readiness.yml', analysis: { checklist: null, findings: [finding('config-invalid', 'error', 2)] } },
    ]);
    assert.deepEqual(report.files[0], {
      path: '.readiness.yml',
      title: null,
      progress: { done: 0, open: 0, inProgress: 0, notApplicable: 0, untracked: 0, percent: null },
      items: [],
      categories: [],
      findings: [
        { rule: 'config-invalid', severity: 'error', message: 'config-invalid at 2', line: 2, column: 3, endLine: 2, endColumn: 9 },
      ],
    });
    assert.equal(report.summary.progress.percent, null);
  });

  it('floors the summed percent', () => {
    const third: Checklist = { ...checklist, progress: progress(1, 2) };
    assert.equal(buildReport([{ path: 'a.md', analysis: { checklist: third, findings: [] } }]).summary.progress.percent, 33);
  });

  it('sums progress and counts findings over files', () => {
    const other: Checklist = { ...checklist, progress: progress(2, 1, 0, 0, 3) };
    const report = buildReport([
      { path: 'a.md', analysis: { checklist, findings: [finding('critical-open', 'error', 1), finding('overdue', 'warning', 2)] } },
      { path: 'b.md', analysis: { checklist: other, findings: [finding('critical-open', 'error', 4)] } },
      { path: '.readiness.yml', analysis: { checklist: null, findings: [] } },
    ]);
    assert.deepEqual(report.summary, {
      files: 3,
      progress: { done: 3, open: 1, inProgress: 1, notApplicable: 1, untracked: 4, percent: 60 },
      findings: { error: 2, warning: 1, info: 0 },
    });
  });

  it('produces plain JSON data (no shared references into the model)', () => {
    const report = buildReport([{ path: 'a.md', analysis: { checklist, findings: [] } }]);
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
    report.files[0].progress.done = 99;
    assert.equal(checklist.progress.done, 1);
  });
});

describe('countBySeverity', () => {
  it('counts every severity, zero included', () => {
    assert.deepEqual(countBySeverity([{ severity: 'info' }, { severity: 'info' }]), { error: 0, warning: 0, info: 2 });
  });
});
