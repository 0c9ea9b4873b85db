/**
 * What the analyzer keeps about one section between analyses, beside the section's parse
 * (`SectionBuild`, which holds only what the section's text says). The parse is shared by every
 * analysis while the section's text is unchanged; this state records what the analyses did with
 * it: per-item memos, whether its items were handed out (and so are copied, never changed), and
 * its last findings with what they were computed from.
 */
import type { Finding } from '../model/ruleTable';
import type { SectionBuild } from '../parse/sections';
import { newMemo, type ItemMemo } from './itemMemo';

/** The analyzer's state of one section. */
export interface SectionState {
  /** What is remembered about each item of `build.items` (copies made when the section moves share it). */
  memos: ItemMemo[];
  /** True once the items were handed out in a checklist: from then on they are copied, never changed. */
  shared: boolean;
  /** Set by an assembly that found an item's id, critical flag or category path changed. */
  dirty: boolean;
  /** Counts the times the section's items were set or copied. */
  version: number;
  /** The section's sorted findings from the last evaluation, and what they were computed from. */
  findings?: SectionFindings;
}

/** A section's findings, in document order, and what they depend on besides the config. */
export interface SectionFindings {
  version: number;
  key: string;
  /** The `existsVersion` the links were last checked under (undefined: none given). */
  existsVersion: number | undefined;
  /** Existence and outside flags of the links of the items that have links, one number per link and an end mark per list. */
  links: number[];
  /** Where the section started. */
  offset: number;
  line: number;
  list: Finding[];
}

/** A section's parse, the analyzer's state of it, and where it now starts: offset and 1-based line. */
export interface PlacedSection {
  build: SectionBuild;
  state: SectionState;
  offset: number;
  line: number;
}

/** The state of a section just parsed. */
export function newSectionState(build: SectionBuild): SectionState {
  return { memos: build.items.map(newMemo), shared: false, dirty: false, version: 0 };
}

/**
 * The state of a section whose item `target` was ticked by a patch (`patchTick`): a new version
 * whose items were not handed out yet; the ticked item's findings are forgotten (they depended
 * on its state, which its memo does not record).
 */
export function tickedState(state: SectionState, target: number): SectionState {
  state.memos[target].findings = undefined;
  return { memos: state.memos, shared: false, dirty: false, version: state.version + 1 };
}
