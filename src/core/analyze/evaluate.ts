/**
 * The evaluation of an assembled checklist: link checks and every rule, section by section. A
 * section's findings are kept in its state (`SectionState.findings`) and reused while nothing
 * they depend on changed; a section that only moved gets moved copies; within a section whose
 * findings must be computed again, each item's findings are reused while its `itemRuleKey` holds.
 *
 * What a section's findings depend on besides its items (the section key below): today's date,
 * whether links are checked, which of its items repeat an explicit id (and where the first one
 * is), and for the first section the front matter's config findings and whether the checklist
 * has no items at all. Its mojibake runs come from its own text.
 */
import { sameList } from './idClaims';
import type { ParsedChecklist, EvaluateOptions } from './analysis';
import type { Assembly } from './assemble';
import type { ItemMemo } from './itemMemo';
import { END_OF_LINKS, linkChecker, linkState, uncheckLink } from './links';
import {
  checkItem,
  codeBlockFindings,
  itemRuleKey,
  legendFindings,
  mojibakeFindings,
  noItemsFinding,
  tableMalformedFindings,
  type RuleInputs,
} from './rules';
import type { PlacedSection } from './sectionState';
import { shiftFinding } from './shift';
import type { Finding } from '../model/ruleTable';
import type { LinkRef, ReadinessItem } from '../model/types';

/** Inputs of the rules, with the section key and the `existsVersion` of this evaluation. */
interface SectionInputs extends RuleInputs {
  key: string;
  existsVersion: number | undefined;
}

/** The findings of an assembled parse, in document order, with default severities. */
export function evaluateSections(
  sections: readonly PlacedSection[],
  assembly: Assembly,
  parsed: ParsedChecklist,
  options: EvaluateOptions,
): Finding[] {
  const checked = options.exists !== undefined;
  const { text, index, config, checklist } = parsed;
  const inputs: SectionInputs = {
    text,
    index,
    config,
    today: options.today,
    linksChecked: checked,
    key: `${options.today ?? ''}\u0000${checked}`,
    existsVersion: checked ? options.existsVersion : undefined,
  };
  const check = options.exists ? linkChecker(options.exists) : uncheckLink;
  const p = checklist.progress;
  const empty = p.done + p.open + p.inProgress + p.notApplicable + p.untracked === 0;
  const all: Finding[] = [];
  sections.forEach((placed, s) => {
    const list = sectionFindings(placed, assembly, s, inputs, check, s === 0 ? { config: parsed.configFindings, empty } : undefined);
    for (const f of list) all.push(f);
  });
  return all;
}

/**
 * One section's findings in document order: reused when nothing they depend on changed, moved
 * copies when only the section's place changed. The first section also holds the front matter
 * findings, and `no-items` when the checklist is empty.
 */
function sectionFindings(
  placed: PlacedSection,
  assembly: Assembly,
  s: number,
  inputs: SectionInputs,
  check: (link: LinkRef) => void,
  head: { config: Finding[]; empty: boolean } | undefined,
): Finding[] {
  const { build, state } = placed;
  let duplicates = '';
  if (assembly.duplicates.size > 0) {
    build.items.forEach((item, k) => {
      const first = assembly.duplicates.get(item);
      if (first) duplicates += `${k}:${first.line},`;
    });
  }
  // A heading's item is placed or left out by the heading after it, which may be in the next section.
  if (build.events.some((e) => e.kind === 'items' && e.fromHeading)) duplicates += `\u0001${assembly.walks[s].length}`;
  const key = duplicates === '' && !head ? inputs.key : `${inputs.key}\u0000${duplicates}\u0000${head ? `${head.empty}` : ''}`;
  const { existsVersion } = inputs;
  const cached = state.findings?.version === state.version && state.findings.key === key ? state.findings : undefined;
  const still = cached?.offset === placed.offset && cached.line === placed.line;
  // The same links (not moved, so not copied) with the same answers: nothing to ask again.
  if (still && existsVersion !== undefined && cached.existsVersion === existsVersion) return cached.list;
  const links = scratchLinks;
  links.length = 0;
  for (const k of build.linked) {
    const item = build.items[k];
    checkLinks(item.evidence, check, links);
    checkLinks(item.runbooks, check, links);
  }
  if (cached && sameList(cached.links, links)) {
    if (still) {
      cached.existsVersion = existsVersion;
      return cached.list;
    }
    const d = { offset: placed.offset - cached.offset, line: placed.line - cached.line };
    state.findings = {
      ...cached,
      existsVersion,
      offset: placed.offset,
      line: placed.line,
      list: cached.list.map((f) => shiftFinding(f, d)),
    };
    return state.findings.list;
  }
  const list: Finding[] = head ? [...head.config] : [];
  for (const { event } of assembly.walks[s]) {
    for (let k = event.first, end = event.first + event.count; k < end; k++) {
      const item = build.items[k];
      for (const f of itemFindings(item, state.memos[k], inputs, assembly.duplicates.get(item))) list.push(f);
    }
  }
  if (head?.empty) list.push(noItemsFinding(inputs.index));
  for (const f of mojibakeFindings(build.mojibake, inputs.index)) list.push(f);
  for (const f of codeBlockFindings(build.codeChecks, placed.offset, inputs.index)) list.push(f);
  for (const f of tableMalformedFindings(build.malformedTables, inputs.index)) list.push(f);
  for (const f of legendFindings(build.legend, placed.offset, inputs)) list.push(f);
  list.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  state.findings = { version: state.version, key, links: [...links], existsVersion, offset: placed.offset, line: placed.line, list };
  return list;
}

/** Link states of the section at hand (`sectionFindings` runs for one section at a time). */
const scratchLinks: number[] = [];

/** The findings of one item, from its memo while its `itemRuleKey` is unchanged. */
function itemFindings(item: ReadinessItem, memo: ItemMemo, inputs: RuleInputs, duplicateOf: ReadinessItem | undefined): Finding[] {
  const key = itemRuleKey(item, inputs, duplicateOf);
  const cached = memo.findings;
  if (cached?.key === key) {
    if (cached.offset === item.span.start && cached.line === item.line) return cached.findings;
    const d = { offset: item.span.start - cached.offset, line: item.line - cached.line };
    const findings = cached.findings.map((f) => shiftFinding(f, d));
    memo.findings = { key, offset: item.span.start, line: item.line, findings };
    return findings;
  }
  const findings: Finding[] = [];
  checkItem(item, inputs, duplicateOf, findings);
  memo.findings = { key, offset: item.span.start, line: item.line, findings };
  return findings;
}

/** Checks links and appends their states (`linkState`), then an end mark. */
function checkLinks(links: readonly LinkRef[], check: (link: LinkRef) => void, states: number[]): void {
  for (let i = 0; i < links.length; i++) {
    check(links[i]);
    states.push(linkState(links[i]));
  }
  states.push(END_OF_LINKS);
}
