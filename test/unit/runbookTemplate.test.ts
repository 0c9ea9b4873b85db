import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../src/core/config/types';
import { allItems } from '../../src/core/model/walk';
import { runbookFileName, runbookTarget, runbookText } from '../../src/core/templates/runbook';
import { analyze } from './helpers/model';

const CHECKLIST = `# Service

## Reliability

- [ ] Rollback rehearsed ([runbook](docs/runbooks/rollback.md))
- [ ] Failover drill ([runbook](docs/runbooks/failover.md)) ([runbook](docs/runbooks/restore.md))
- [ ] Backups tested ([evidence](docs/evidence/backup.md)) @dba
- [ ] Escalation ([runbook](https://wiki.example.com/escalation))
- [ ] Outside ([runbook](../../../etc/runbook.md))
`;

/** Items of CHECKLIST at `services/api/PRODUCTION_READINESS.md`; only `docs/runbooks/restore.md` exists. */
function items(config = {}) {
  const { checklist } = analyze(CHECKLIST, config, {
    path: 'services/api/PRODUCTION_READINESS.md',
    exists: (p) => p === 'services/api/docs/runbooks/restore.md',
  });
  const byText = (prefix: string) => {
    const item = allItems(checklist).find((i) => i.text.startsWith(prefix));
    assert.ok(item, `no item "${prefix}"`);
    return item;
  };
  return byText;
}

describe('runbook template', () => {
  const item = items();
  const config = { ...defaultConfig(), baseDir: 'services/api' };

  it('creates the missing file an item links as its runbook, without linking again', () => {
    assert.deepEqual(runbookTarget(item('Rollback rehearsed'), config), {
      kind: 'file',
      path: 'services/api/docs/runbooks/rollback.md',
      link: false,
    });
  });

  it('picks the missing one of several runbook links, or the one named by its destination', () => {
    const failover = item('Failover drill');
    assert.deepEqual(runbookTarget(failover, config), { kind: 'file', path: 'services/api/docs/runbooks/failover.md', link: false });
    assert.deepEqual(runbookTarget(failover, config, 'docs/runbooks/restore.md'), {
      kind: 'file',
      path: 'services/api/docs/runbooks/restore.md',
      link: false,
    });
    // A destination no longer in the item: the usual choice.
    assert.deepEqual(runbookTarget(failover, config, 'docs/runbooks/gone.md'), {
      kind: 'file',
      path: 'services/api/docs/runbooks/failover.md',
      link: false,
    });
  });

  it('without a runbook in the workspace, names <first runbook folder>/<slug of the label>.md in the config folder, to be linked', () => {
    assert.deepEqual(runbookTarget(item('Backups tested'), config), {
      kind: 'file',
      path: 'services/api/docs/runbooks/backups-tested.md',
      link: true,
    });
    // External and outside runbook links are not files of the workspace to create.
    assert.deepEqual(runbookTarget(item('Escalation'), config), {
      kind: 'file',
      path: 'services/api/docs/runbooks/escalation.md',
      link: true,
    });
    assert.deepEqual(runbookTarget(item('Outside'), config), { kind: 'file', path: 'services/api/docs/runbooks/outside.md', link: true });
  });

  it('uses the first runbook folder as the config writes it, a default one when there is none, and refuses one outside', () => {
    const backups = item('Backups tested');
    const runbooks = (dirs: string[]) => ({ dirs, links: [] });
    assert.deepEqual(runbookTarget(backups, { baseDir: '', runbooks: runbooks(['ops/playbooks/', 'runbooks']) }), {
      kind: 'file',
      path: 'ops/playbooks/backups-tested.md',
      link: true,
    });
    assert.deepEqual(runbookTarget(backups, { baseDir: 'svc', runbooks: runbooks([]) }), {
      kind: 'file',
      path: 'svc/docs/runbooks/backups-tested.md',
      link: true,
    });
    assert.deepEqual(runbookTarget(backups, { baseDir: 'svc', runbooks: runbooks(['../shared/runbooks']) }), {
      kind: 'file',
      path: 'shared/runbooks/backups-tested.md',
      link: true,
    });
    assert.deepEqual(runbookTarget(backups, { baseDir: '', runbooks: runbooks(['../runbooks']) }), { kind: 'outside', dir: '../runbooks' });
  });

  it('names the file after the slug of the label, runbook.md when the label has no letter or digit', () => {
    assert.equal(runbookFileName('Rollback rehearsed (critical)'), 'rollback-rehearsed-critical.md');
    assert.equal(runbookFileName("TLS 1.2+ enforced at the edge's LB"), 'tls-1-2-enforced-at-the-edges-lb.md');
    assert.equal(runbookFileName('✅ 🚀'), 'runbook.md');
    assert.equal(runbookFileName('回滚演练'), '回滚演练.md');
  });

  it('writes a heading with the label, a link back to the checklist and the sections, the owner under Contacts', () => {
    const text = runbookText({
      label: 'Backups tested',
      owner: 'dba',
      checklistPath: 'services/api/PRODUCTION_READINESS.md',
      runbookPath: 'services/api/docs/runbooks/backups-tested.md',
    });
    assert.equal(
      text,
      [
        '# Runbook: Backups tested',
        '',
        'For the checklist item "Backups tested" in [services/api/PRODUCTION_READINESS.md](../../PRODUCTION_READINESS.md).',
        '',
        '## When to use',
        '',
        'The alert, symptom or request that calls for this runbook.',
        '',
        '## Steps',
        '',
        '1. The first command or action, exactly as it is typed.',
        '',
        '## Verify',
        '',
        'How to tell it worked: the dashboard, query or check to look at.',
        '',
        '## Rollback',
        '',
        'How to undo the steps if they made things worse.',
        '',
        '## Contacts',
        '',
        '- Owner: @dba',
        '- Escalation: who to call when the owner cannot be reached.',
        '',
      ].join('\n'),
    );
  });

  it('writes CRLF when asked, and no owner when the item has none', () => {
    const text = runbookText({
      label: 'Rollback',
      checklistPath: 'PRODUCTION_READINESS.md',
      runbookPath: 'docs/runbooks/rollback.md',
      eol: '\r\n',
    });
    assert.ok(
      text.startsWith(
        '# Runbook: Rollback\r\n\r\nFor the checklist item "Rollback" in [PRODUCTION_READINESS.md](../../PRODUCTION_READINESS.md).\r\n',
      ),
    );
    assert.ok(text.endsWith('\r\n- Owner:\r\n- Escalation: who to call when the owner cannot be reached.\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'a bare LF');
  });
});
