import { strict as assert } from 'node:assert';
import { checkItem, itemRuleKey, type RuleInputs } from '../../src/core/analyze/rules';
import { defaultConfig, type ReadinessConfig } from '../../src/core/config/types';
import type { ItemState, LinkRef, ReadinessItem } from '../../src/core/model/types';
import { allItems } from '../../src/core/model/walk';
import { LineIndex } from '../../src/core/text/lineIndex';
import { analyze } from './helpers/model';

/**
 * The cache contract of the item rules: the analyzer reuses an item's findings while
 * `itemRuleKey` is unchanged, so any two situations with the same key must give the same
 * findings. Each input that can change while the item's text does not is varied here, alone and
 * combined; a rule that starts reading something new without adding it to the key breaks this.
 */
const TEXT =
  '## Ops\n\n- [ ] Rollback tested @ops due: 2026-03-01 [evidence](docs/evidence/r.md) [runbook](docs/runbooks/r.md) {#rollback}\n';

function variants(): { item: ReadinessItem; inputs: RuleInputs; duplicateOf: ReadinessItem | undefined; label: string }[] {
  const out: ReturnType<typeof variants> = [];
  const index = new LineIndex(TEXT);
  // Config is not in the key: a new config starts the analyzer afresh.
  const config: ReadinessConfig = { ...defaultConfig(), evidence: { required: 'all', dir: 'docs/evidence' } };
  const base = allItems(analyze(TEXT, config).checklist)[0];
  const states: ItemState[] = ['done', 'open', 'in-progress', 'n/a', 'untracked'];
  const links: Pick<LinkRef, 'exists' | 'outside'>[] = [
    { exists: null, outside: false },
    { exists: true, outside: false },
    { exists: false, outside: false },
    { exists: false, outside: true },
  ];
  for (const state of states) {
    for (const critical of [false, true]) {
      for (const id of ['rollback', 'other']) {
        for (const dup of [undefined, 3, 9]) {
          for (const today of [undefined, '2026-01-01', '2026-06-01']) {
            for (const linksChecked of [false, true]) {
              for (const link of links) {
                const item: ReadinessItem = {
                  ...base,
                  state,
                  critical,
                  id,
                  evidence: base.evidence.map((l) => ({ ...l, ...link })),
                  runbooks: base.runbooks.map((l) => ({ ...l, ...link })),
                };
                const duplicateOf = dup === undefined ? undefined : { ...base, line: dup };
                out.push({
                  item,
                  inputs: { text: TEXT, index, config, today, linksChecked },
                  duplicateOf,
                  label: JSON.stringify({ state, critical, id, dup, today, linksChecked, link }),
                });
              }
            }
          }
        }
      }
    }
  }
  return out;
}

describe('itemRuleKey (the item rules cache contract)', () => {
  it('is the same only where checkItem gives the same findings', () => {
    const seen = new Map<string, { findings: string; label: string }>();
    let distinct = 0;
    for (const v of variants()) {
      const findings: Parameters<typeof checkItem>[3] = [];
      checkItem(v.item, v.inputs, v.duplicateOf, findings);
      const key = itemRuleKey(v.item, v.inputs, v.duplicateOf);
      const shown = JSON.stringify(findings);
      const before = seen.get(key);
      if (before) assert.equal(shown, before.findings, `same key for ${before.label} and ${v.label}`);
      else {
        seen.set(key, { findings: shown, label: v.label });
        distinct++;
      }
    }
    // Every varied input is in the key: no two variants share one.
    assert.equal(distinct, 5 * 2 * 2 * 3 * 3 * 2 * 4);
  });
});
