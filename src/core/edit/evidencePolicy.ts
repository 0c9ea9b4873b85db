/**
 * The evidence policy for edits: with `evidence.required` set, an item that needs evidence is
 * not marked done while it links no existing evidence file. Every surface that sets a state (the
 * editor's checkbox, commands and quick fix, the CLI's `set`) asks here, so none of them is a
 * back door, and all of them refuse in the same words.
 */
import type { ReadinessConfig } from '../config/types';
import type { ReadinessItem, SettableState } from '../model/types';
import { hasEvidence, needsEvidence } from '../analyze/rules';

/**
 * The refusal, with `{0}` for the item's clean `label`. The editor passes this same string to
 * `vscode.l10n.t` (a unit test checks the bundle holds it), so it is translated there and read
 * as is in the CLI.
 */
export const EVIDENCE_REFUSAL = 'Evidence is required before "{0}" can be marked done: link an existing evidence file first.';

/**
 * True when setting `item` to `state` is refused because the config requires evidence for it
 * and none of its evidence links points to a file that exists. Only a change to done is ever
 * refused (an item already done, or set to any other state, passes). `item` must come from an
 * analysis whose links were checked: a link whose existence is unknown is not evidence.
 */
export function refusesDone(config: ReadinessConfig, item: ReadinessItem, state: SettableState): boolean {
  if (state !== 'done' || item.state === 'done') return false;
  return needsEvidence(config, item) && !hasEvidence(item.evidence, true);
}

/** The refusal message for an item's `label` (the English text of `EVIDENCE_REFUSAL`, for the CLI and tests). */
export function evidenceRefusalMessage(itemLabel: string): string {
  return EVIDENCE_REFUSAL.replace('{0}', itemLabel);
}
