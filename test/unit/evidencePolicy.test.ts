import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvidenceRequirement } from '../../src/core/config/types';
import { EVIDENCE_REFUSAL, evidenceRefusalMessage, refusesDone } from '../../src/core/edit/evidencePolicy';
import type { SettableState } from '../../src/core/model/types';
import { allItems } from '../../src/core/model/walk';
import { analyze } from './helpers/model';

// One evidence policy for every surface that sets a state: the editor's checkbox, commands and
// quick fix and the CLI's `set` all ask `refusesDone`.

const CHECKLIST = `# Launch

## Security

- [ ] Pen test signed off
- [ ] Access review ([evidence](docs/evidence/access.md))
- [ ] Firewall reviewed ([evidence](docs/evidence/missing.md))
- [ ] Secrets audited ([evidence](../../outside.md))
- [ ] Vault runbook ([runbook](docs/runbooks/vault.md))
- [x] TLS scanned
- [~] Threat model written

## Docs

- [ ] Readme written
`;

const EXISTING = new Set(['docs/evidence/access.md', 'docs/runbooks/vault.md']);

/** The items (by text without link labels) that `refusesDone` refuses to set to `state`. */
function refused(required: EvidenceRequirement, state: SettableState, linksChecked = true): string[] {
  const analysis = analyze(
    CHECKLIST,
    { critical: [{ category: 'Security' }], evidence: { required, dir: 'docs/evidence' } },
    linksChecked ? { exists: (path) => EXISTING.has(path) } : {},
  );
  return allItems(analysis.checklist)
    .filter((item) => refusesDone(analysis.config, item, state))
    .map((item) => item.text.replace(/ \(.*$/, ''));
}

describe('evidence policy (refusesDone)', () => {
  it('refuses marking done a critical item without existing evidence under required: critical', () => {
    // Access review links a file that exists: it may be ticked. A missing file, a link outside
    // the workspace and a runbook are not evidence. Readme is not critical. TLS is already done.
    assert.deepEqual(refused('critical', 'done'), [
      'Pen test signed off',
      'Firewall reviewed',
      'Secrets audited',
      'Vault runbook',
      'Threat model written',
    ]);
  });

  it('refuses every item without existing evidence under required: all, and nothing under none', () => {
    assert.deepEqual(refused('all', 'done'), [
      'Pen test signed off',
      'Firewall reviewed',
      'Secrets audited',
      'Vault runbook',
      'Threat model written',
      'Readme written',
    ]);
    assert.deepEqual(refused('none', 'done'), []);
  });

  it('never refuses a state other than done', () => {
    for (const state of ['open', 'in-progress', 'n/a'] as const) assert.deepEqual(refused('all', state), [], state);
  });

  it('counts only links known to exist: unchecked links are not evidence', () => {
    assert.ok(refused('critical', 'done', false).includes('Access review'));
  });

  it('has one message, the key of the editor bundle too', () => {
    assert.equal(
      evidenceRefusalMessage('Pen test signed off'),
      'Evidence is required before "Pen test signed off" can be marked done: link an existing evidence file first.',
    );
    const bundle = JSON.parse(readFileSync(join(__dirname, '..', '..', 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    assert.ok(EVIDENCE_REFUSAL in bundle, 'the editor passes EVIDENCE_REFUSAL to vscode.l10n.t');
  });
});
