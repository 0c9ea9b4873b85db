import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { validateReport } from '../../src/core/config/generated/validators';
import { analyzeChecklist } from '../../src/core/analyze/analyze';
import { parseConfigText } from '../../src/core/config/config';
import { defaultConfig } from '../../src/core/config/types';
import { buildReport } from '../../src/core/report/jsonReport';
import { RULE_IDS } from '../../src/core/model/ruleTable';

const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'readiness-report.schema.json'), 'utf8'));

type Json = Record<string, unknown>;

function progress(done: number, open: number, percent: number | null = Math.floor((done * 100) / (done + open || 1))): Json {
  return { done, open, inProgress: 0, notApplicable: 0, untracked: 0, percent };
}

function item(id: string, extra: Json = {}): Json {
  return {
    id,
    text: id,
    label: id,
    state: 'open',
    critical: false,
    line: 3,
    kind: 'task',
    owner: null,
    due: null,
    evidence: [],
    runbooks: [],
    children: [],
    ...extra,
  };
}

/** A report using every construct: nested categories and items, links, nulls, an itemId. */
function validReport(): Json {
  return {
    version: 1,
    files: [
      {
        path: 'PRODUCTION_READINESS.md',
        title: 'Payments',
        progress: progress(1, 2),
        items: [item('loose', { state: 'untracked', kind: 'bullet' })],
        categories: [
          {
            id: 'ops',
            title: 'Ops',
            line: 5,
            progress: progress(1, 2),
            items: [
              item('rollback', {
                state: 'done',
                critical: true,
                kind: 'table',
                owner: '@sre',
                due: '2024-12-31',
                evidence: [{ target: 'docs/evidence/rollback.md', exists: true }],
                runbooks: [{ target: 'runbooks/rollback.md', exists: false }],
                children: [item('rollback-drill', { state: 'in-progress' }), item('rollback-doc', { state: 'n/a' })],
              }),
            ],
            categories: [
              { id: 'ops-db', title: 'Database', line: 9, progress: progress(0, 0, null), items: [item('backups')], categories: [] },
            ],
          },
        ],
        findings: [
          {
            rule: 'critical-open',
            severity: 'error',
            message: 'Critical item is open',
            line: 6,
            column: 3,
            endLine: 6,
            endColumn: 20,
            itemId: 'rollback',
          },
          { rule: 'no-items', severity: 'info', message: 'No items', line: 1, column: 1, endLine: 1, endColumn: 1 },
        ],
      },
      { path: '.readiness.yml', title: null, progress: progress(0, 0, null), items: [], categories: [], findings: [] },
    ],
    summary: { files: 2, progress: progress(1, 2), findings: { error: 1, warning: 0, info: 1 } },
  };
}

/** Applies `edit` to a fresh valid report and returns whether it still validates. */
function validAfter(edit: (r: Json & { files: Json[] }) => void): boolean {
  const report = validReport() as Json & { files: Json[] };
  edit(report);
  return validateReport(report);
}

const file = (r: { files: Json[] }) => r.files[0] as Json & { categories: Json[]; findings: Json[]; items: Json[]; progress: Json };
const deepItem = (r: { files: Json[] }) =>
  (file(r).categories[0] as { items: Json[] }).items[0] as Json & { children: Json[]; evidence: Json[] };

describe('report schema', () => {
  it('is a valid draft-07 schema that compiles in strict mode', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.match(schema.$id, /^https:\/\/.*readiness-report\.schema\.json$/);
    const ajv = new Ajv({ strict: true });
    assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
    ajv.compile(schema);
  });

  it('lists exactly the rule ids as finding rules', () => {
    assert.deepEqual(schema.definitions.finding.properties.rule.enum, [...RULE_IDS]);
  });

  it('accepts a complete report', () => {
    assert.equal(validateReport(validReport()), true, JSON.stringify(validateReport.errors));
  });

  it('accepts what the analysis pipeline and buildReport produce', () => {
    const text = [
      '---',
      'readiness:',
      '  rules: {overdue: eror}',
      '---',
      '',
      '# Payments',
      '',
      '## Operations',
      '',
      '- [x] Rollback tested, owner: @sre, due: 2020-01-01 ([evidence](docs/evidence/rollback.md), [runbook](runbooks/rollback.md))',
      '  - [ ] Rollback drill',
      '- [ ] Backups restored',
      '- **Paging**: on-call rota published',
      '',
      '### Database',
      '',
      '| Item | Status |',
      '|---|---|',
      '| Backups verified | ✅ |',
      '',
    ].join('\n');
    const analysis = analyzeChecklist(text, {
      config: defaultConfig(),
      path: 'PRODUCTION_READINESS.md',
      exists: (p) => p === 'docs/evidence/rollback.md',
      today: '2024-06-01',
    });
    const report = buildReport([
      { path: 'PRODUCTION_READINESS.md', analysis },
      { path: '.readiness.yml', analysis: { checklist: null, findings: parseConfigText('evidence: {required: some}\n').findings } },
    ]);
    assert.ok(report.files[0].categories.length > 0);
    assert.ok(report.files[0].findings.some((f) => f.rule === 'config-invalid'));
    assert.equal(report.files[1].findings.length, 1);
    assert.equal(validateReport(JSON.parse(JSON.stringify(report))), true, JSON.stringify(validateReport.errors));
  });

  const invalid: [name: string, edit: (r: Json & { files: Json[] }) => void][] = [
    ['missing version', (r) => delete r.version],
    ['version 2', (r) => (r.version = 2)],
    ['missing summary', (r) => delete r.summary],
    ['extra top-level property', (r) => (r.generatedAt = 'now')],
    ['percent 101', (r) => (file(r).progress.percent = 101)],
    ['percent -1', (r) => (file(r).progress.percent = -1)],
    ['fractional percent', (r) => (file(r).progress.percent = 33.3)],
    ['negative count', (r) => (file(r).progress.done = -1)],
    ['missing progress count', (r) => delete file(r).progress.untracked],
    ['extra property in a file', (r) => (file(r).checklist = {})],
    ['missing findings in a file', (r) => delete (file(r) as Json).findings],
    ['title not a string', (r) => (file(r).title = 5)],
    ['unknown item state', (r) => (deepItem(r).state = 'blocked')],
    ['unknown item kind', (r) => (deepItem(r).kind = 'heading')],
    ['item critical not boolean', (r) => (deepItem(r).critical = 'yes')],
    ['extra property in an item', (r) => (deepItem(r).span = {})],
    ['extra property in a nested child', (r) => (deepItem(r).children[0].explicitId = true)],
    ['unknown state in a nested child', (r) => (deepItem(r).children[0].state = 'todo')],
    ['due not a date', (r) => (deepItem(r).due = '31/12/2024')],
    ['due month 13', (r) => (deepItem(r).due = '2024-13-01')],
    ['owner not a string', (r) => (deepItem(r).owner = 42)],
    ['line 0', (r) => (deepItem(r).line = 0)],
    ['link exists null', (r) => (deepItem(r).evidence[0].exists = null)],
    ['extra property in a link', (r) => (deepItem(r).evidence[0].resolved = 'x')],
    ['extra property in a category', (r) => (file(r).categories[0].depth = 2)],
    ['nested category without items', (r) => delete (file(r).categories[0] as { categories: Json[] }).categories[0].items],
    ['unknown finding rule', (r) => (file(r).findings[0].rule = 'made-up')],
    ['unknown finding severity', (r) => (file(r).findings[0].severity = 'fatal')],
    ['finding column 0', (r) => (file(r).findings[0].column = 0)],
    ['finding line fractional', (r) => (file(r).findings[0].line = 1.5)],
    ['finding without endColumn', (r) => delete file(r).findings[0].endColumn],
    ['finding itemId null', (r) => (file(r).findings[0].itemId = null)],
    ['extra property in a finding', (r) => (file(r).findings[0].fix = [])],
    ['extra property in summary counts', (r) => ((r.summary as { findings: Json }).findings.hint = 0)],
    ['summary files negative', (r) => ((r.summary as Json).files = -1)],
  ];
  for (const [name, edit] of invalid) {
    it(`rejects ${name}`, () => assert.equal(validAfter(edit), false));
  }
});
