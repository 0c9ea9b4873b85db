/**
 * Incremental analysis of one document that changes a little at a time (an editor buffer).
 *
 * The text is cut into sections at top-level ATX headings (`sections.ts`). The boundaries come
 * from the Markdown parser itself, not from a line scan: after an edit, only the text from the
 * start of the first section the edit touches to the heading line of the first untouched section
 * is parsed again, and that heading line must come out of the parse as a top-level heading — if
 * an unclosed fence, HTML block or front matter swallowed it, the parse runs on to the end of the
 * text instead. Fenced code (any fence length and info string), HTML blocks, setext headings and
 * front matter are therefore handled exactly as the parser handles them. Sections after the edit
 * are reused as they are; their items are copied with shifted positions when the checklist is
 * assembled (`assembleChecklist`), and their findings are reused (shifted) the same way.
 *
 * The whole text is parsed when it may hold link reference or footnote definitions (they change
 * how links parse everywhere), when its front matter fence is not closed (a `---` anywhere could
 * close it), when the front matter's `readiness:` config changed, and on the first analysis.
 * The result always equals `parseWithFrontMatter` + `evaluateChecklist` on the same text.
 */
import type { RootContent } from 'mdast';
import { applyFrontMatterNode, evaluateChecklist, linkChecker, refusedParse, type Analysis, type AnalyzeOptions, type AppliedFrontMatter, type ParsedChecklist } from './analyze';
import { assembleChecklist, type Assembly, type PlacedSection } from './assemble';
import { AssemblyMemo } from './assemblyMemo';
import { applySeverities, checkItem, mojibakeFindings, noItemsFinding, type RuleInputs } from './rules';
import type { ItemMemo } from './itemMemo';
import { DEFAULT_LIMITS, exceededLimit, type LimitProblem } from '../text/limits';
import { LineIndex } from '../text/lineIndex';
import { detachedSlice, parseMarkdown, shiftPositions } from '../parse/markdown';
import type { LinkRef, ReadinessItem } from '../model/types';
import { buildSection, definitionsOf, type SectionContext } from '../parse/buildSection';
import type { Finding } from '../model/ruleTable';
import { mayHoldDefinitions, splitAtHeadings, startsWithFrontMatterFence } from '../parse/sections';
import { shiftFinding } from './shift';
import { patchTick } from './tickPatch';
import { sameList } from './idClaims';

/** What the analyzer is set up with. */
export type IncrementalOptions = Pick<AnalyzeOptions, 'config' | 'path' | 'limits'>;

/** Where two versions of a text differ: `[from, previousTo)` became `[from, to)`. */
interface Edit {
  from: number;
  previousTo: number;
  to: number;
}

/**
 * Analyses successive versions of one document, re-parsing only the sections an edit touched.
 * Results are never changed afterwards (except link existence, which every evaluation sets).
 */
export class IncrementalAnalyzer {
  private sections: PlacedSection[] = [];
  private assembly: Assembly | undefined;
  private memo = new AssemblyMemo();
  private applied: AppliedFrontMatter | undefined;
  private last: ParsedChecklist | undefined;
  private options: IncrementalOptions;
  private optionsKey: string;
  private parsedChars = 0;
  /** Set when links of items this analyzer handed out were set by an evaluation it did not make. */
  private linksTouched = false;
  /** Whether the last text may hold definitions (`mayHoldDefinitions`). */
  private definitions = false;

  constructor(options: IncrementalOptions) {
    this.options = options;
    this.optionsKey = keyOf(options);
  }

  /** Sets the config, path and limits; cached sections are dropped when they differ. */
  configure(options: IncrementalOptions): void {
    const key = keyOf(options);
    this.options = options;
    if (key === this.optionsKey) return;
    this.optionsKey = key;
    this.reset();
  }

  /** How many characters the last `parse` ran the Markdown parser over (a region that turned out too short counts too). */
  get parsedLength(): number {
    return this.parsedChars;
  }

  /** Forgets every cached section. */
  reset(): void {
    this.sections = [];
    this.assembly = undefined;
    this.memo = new AssemblyMemo();
    this.applied = undefined;
    this.last = undefined;
  }

  /** `parseWithFrontMatter` for the new version of the text, reusing what the edit left alone. */
  parse(text: string): ParsedChecklist {
    this.parsedChars = 0;
    if (this.last && text === this.last.text) return this.last;
    const previous = this.last;
    const edit = previous ? diff(previous.text, text) : undefined;
    const index = previous && edit ? LineIndex.afterEdit(previous.index, text, edit.from, edit.previousTo, edit.to) : new LineIndex(text);
    // A `]:` is in the new text when it was in the previous one or the edit made one: scan only the edit's surroundings.
    const definitions = previous && edit && !this.definitions ? mayHoldDefinitions(text.slice(Math.max(0, edit.from - 1), edit.to + 1)) : mayHoldDefinitions(text);
    const whole = !previous || !edit || definitions || this.definitions || (startsWithFrontMatterFence(previous.text) && !this.sections[0]?.build.frontMatter);
    this.definitions = definitions;
    const updated = whole ? undefined : this.update(previous.text, text, index, edit);
    if (updated && 'message' in updated) return this.refuse(text, index, updated);
    let sections = updated;
    if (!sections) {
      const problem = exceededLimit(text, this.options.limits);
      if (problem) return this.refuse(text, index, problem);
      sections = this.parseWhole(text, index);
    }
    const applied = this.applied!;
    this.assembly = assembleChecklist(sections, { config: applied.config, index, frontMatterData: applied.frontMatterData, memo: this.memo });
    this.sections = sections;
    this.last = { text, index, checklist: this.assembly.checklist, config: applied.config, configFindings: applied.configFindings, refused: null };
    return this.last;
  }

  /**
   * `evaluateChecklist` for the last parse: findings of sections that did not change are reused
   * (moved ones get moved copies). Any other parse is evaluated from scratch.
   */
  evaluate(parsed: ParsedChecklist, options: Pick<AnalyzeOptions, 'exists' | 'existsVersion' | 'today'>): Analysis {
    const assembly = this.assembly;
    if (parsed !== this.last || !assembly) {
      // It sets the links of items it may share with the last parse: they must be asked about again.
      this.linksTouched = true;
      return evaluateChecklist(parsed, options);
    }
    const checked = options.exists !== undefined;
    const existsVersion = checked && !this.linksTouched ? options.existsVersion : undefined;
    this.linksTouched = false;
    const { checklist, config, text, index } = parsed;
    // What every section's cached findings depend on besides the section (see `sectionFindings`).
    const key = `${options.today ?? ''}\u0000${checked}`;
    const inputs = { text, index, config, today: options.today, linksChecked: checked, key, existsVersion };
    const check = options.exists ? linkChecker(options.exists) : uncheck;
    const p = checklist.progress;
    const empty = p.done + p.open + p.inProgress + p.notApplicable + p.untracked === 0;
    const all: Finding[] = [];
    this.sections.forEach((placed, s) => {
      const list = sectionFindings(placed, assembly, s, inputs, check, s === 0 ? { config: parsed.configFindings, empty } : undefined);
      for (const f of list) all.push(f);
    });
    return { checklist, findings: Object.keys(config.rules).length === 0 ? all : applySeverities(all, config), config };
  }

  /** Parses and evaluates (`analyzeChecklist` for the new version of the text). */
  analyze(text: string, options: Pick<AnalyzeOptions, 'exists' | 'existsVersion' | 'today'> = {}): Analysis {
    return this.evaluate(this.parse(text), options);
  }

  private refuse(text: string, index: LineIndex, problem: LimitProblem): ParsedChecklist {
    this.reset();
    return refusedParse(text, index, this.options.config, problem);
  }

  /** Parses the whole text into sections (and reads its front matter config). */
  private parseWhole(text: string, index: LineIndex): PlacedSection[] {
    const tree = parseMarkdown(text);
    this.parsedChars += text.length;
    this.applied = this.frontMatter(tree.children[0], text, index);
    return this.buildSections(text, index, tree.children, 0, text.length, definitionsOf(tree.children));
  }

  /**
   * Re-parses the sections the edit touched. Undefined when the whole text must be parsed
   * instead; the limit it exceeds when it is refused.
   */
  private update(previous: string, text: string, index: LineIndex, edit: Edit): PlacedSection[] | LimitProblem | undefined {
    const old = this.sections;
    const ticked = this.tick(previous, text, edit);
    if (ticked) return ticked;
    const delta = text.length - previous.length;
    // The first section whose text, or whose heading line, the edit may have changed.
    let first = lastAtOrBefore(old, edit.from);
    while (first > 0 && lineEnd(previous, old[first].offset) >= edit.from) first--;
    // The first section after the edit: its text, its heading line and the line break before it are unchanged.
    let next = first + 1;
    while (next < old.length && old[next].offset <= edit.previousTo) next++;
    const from = old[first].offset;
    let blocks: RootContent[] | undefined;
    let to = text.length;
    if (next < old.length) {
      const heading = old[next].offset + delta;
      to = lineEnd(text, heading, true);
      const problem = this.exceeded(text, from, to);
      if (problem) return problem;
      const parsed = this.parseRange(text, from, to);
      const last = parsed[parsed.length - 1];
      const closed = last?.type === 'heading' && last.position?.start.offset === heading;
      const frontMatterOpen = from === 0 && startsWithFrontMatterFence(text) && parsed[0]?.type !== 'yaml';
      if (closed && !frontMatterOpen) {
        blocks = parsed.slice(0, -1);
        to = heading;
      } else {
        next = old.length;
        to = text.length;
      }
    }
    if (!blocks) {
      const problem = this.exceeded(text, from, to);
      if (problem) return problem;
      blocks = this.parseRange(text, from, to);
    }
    if (from === 0) {
      const applied = this.frontMatter(blocks[0], text, index);
      if (keyOf(applied.config) !== keyOf(this.applied!.config)) return undefined;
      // The same config object, so that caches keyed by it stay valid.
      this.applied = { ...applied, config: this.applied!.config };
    }
    const rebuilt = this.buildSections(text, index, blocks, from, to, new Map());
    const moved = old.slice(next);
    const lineDelta = moved.length > 0 ? index.positionAt(moved[0].offset + delta).line - moved[0].line : 0;
    return [...old.slice(0, first), ...rebuilt, ...moved.map((s) => ({ build: s.build, offset: s.offset + delta, line: s.line + lineDelta }))];
  }

  /** The sections after an item was ticked (a task box or a status glyph replaced in place), when it was. */
  private tick(previous: string, text: string, edit: Edit): PlacedSection[] | undefined {
    if (edit.previousTo !== edit.to) return undefined;
    const s = lastAtOrBefore(this.sections, edit.from);
    const placed = this.sections[s];
    const build = patchTick(placed.build, previous, text, edit.from, edit.to - edit.from);
    if (!build) return undefined;
    const sections = [...this.sections];
    sections[s] = { ...placed, build };
    return sections;
  }

  /**
   * The limit the text exceeds, checking only `text[from, to)` besides its length: the other
   * sections passed before, and the checks start afresh at every heading line — when lines end
   * in `\n`: `exceededLimit` reads a lone `\r` as no line break, so such texts are checked whole.
   */
  private exceeded(text: string, from: number, to: number): LimitProblem | null {
    const limits = this.options.limits;
    if (text.length <= (limits ?? DEFAULT_LIMITS).maxChars && !hasLoneCr(text) && exceededLimit(text.slice(from, to), limits) === null) return null;
    return exceededLimit(text, limits);
  }

  /** Parses `text[from, to)` with positions in the whole text. */
  private parseRange(text: string, from: number, to: number): RootContent[] {
    const tree = parseMarkdown(detachedSlice(text, from, to));
    this.parsedChars += to - from;
    if (from > 0) shiftPositions(tree.children, from);
    return tree.children;
  }

  private buildSections(text: string, index: LineIndex, blocks: readonly RootContent[], from: number, to: number, definitions: Map<string, string>): PlacedSection[] {
    const ctx: SectionContext = { text, index, path: this.options.path, config: this.applied!.config, definitions };
    const starts = splitAtHeadings(text, blocks, from);
    return starts.map((start, s) => {
      const end = s + 1 < starts.length ? starts[s + 1] : { block: blocks.length, offset: to };
      const at = { offset: start.offset, line: index.positionAt(start.offset).line };
      return { build: buildSection(ctx, blocks, start.block, end.block, at, end.offset), ...at };
    });
  }

  /** The effective config: the analyzer's config with the front matter's `readiness:` applied. */
  private frontMatter(node: RootContent | undefined, text: string, index: LineIndex): AppliedFrontMatter {
    return applyFrontMatterNode(this.options.config, node, text, index);
  }
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
  inputs: RuleInputs & { key: string; existsVersion: number | undefined },
  check: (link: LinkRef) => void,
  head: { config: Finding[]; empty: boolean } | undefined,
): Finding[] {
  const { build } = placed;
  let duplicates = '';
  if (assembly.duplicates.size > 0) {
    build.items.forEach((item, k) => {
      const first = assembly.duplicates.get(item);
      if (first) duplicates += `${k}:${first.line},`;
    });
  }
  const key = duplicates === '' && !head ? inputs.key : `${inputs.key}\u0000${duplicates}\u0000${head ? `${head.empty}` : ''}`;
  const { existsVersion } = inputs;
  const cached = build.findings?.version === build.version && build.findings.key === key ? build.findings : undefined;
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
    build.findings = { ...cached, existsVersion, offset: placed.offset, line: placed.line, list: cached.list.map((f) => shiftFinding(f, d)) };
    return build.findings.list;
  }
  const list: Finding[] = head ? [...head.config] : [];
  for (const { event } of assembly.walks[s]) {
    for (let k = event.first, end = event.first + event.count; k < end; k++) {
      const item = build.items[k];
      for (const f of itemFindings(item, build.memos[k], inputs, assembly.duplicates.get(item))) list.push(f);
    }
  }
  if (head?.empty) list.push(noItemsFinding(inputs.index));
  for (const f of mojibakeFindings(build.mojibake, inputs.index)) list.push(f);
  list.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  build.findings = { version: build.version, key, links: [...links], existsVersion, offset: placed.offset, line: placed.line, list };
  return list;
}

/** Link states of the section at hand (`sectionFindings` runs for one section at a time). */
const scratchLinks: number[] = [];

/** The findings of one item, from its memo when nothing they depend on changed. */
function itemFindings(item: ReadinessItem, memo: ItemMemo, inputs: RuleInputs, duplicateOf: ReadinessItem | undefined): Finding[] {
  const links = linkStates(item);
  const dup = duplicateOf?.line;
  const cached = memo.findings;
  if (
    cached &&
    cached.id === item.id &&
    cached.critical === item.critical &&
    cached.duplicateOf === dup &&
    cached.today === inputs.today &&
    cached.linksChecked === inputs.linksChecked &&
    cached.links === links
  ) {
    if (cached.offset === item.span.start && cached.line === item.line) return cached.findings;
    const d = { offset: item.span.start - cached.offset, line: item.line - cached.line };
    const findings = cached.findings.map((f) => shiftFinding(f, d));
    memo.findings = { ...cached, offset: item.span.start, line: item.line, findings };
    return findings;
  }
  const findings: Finding[] = [];
  checkItem(item, inputs, duplicateOf, findings);
  memo.findings = { id: item.id, critical: item.critical, duplicateOf: dup, today: inputs.today, linksChecked: inputs.linksChecked, links, offset: item.span.start, line: item.line, findings };
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

const END_OF_LINKS = 6;

/** A link's existence and outside flags as one number below `END_OF_LINKS`. */
function linkState(link: LinkRef): number {
  return (link.exists === null ? 0 : link.exists ? 1 : 2) + (link.outside ? 3 : 0);
}

/** The states of an item's links, as a string (one character per link, `|` between the lists). */
function linkStates(item: ReadinessItem): string {
  let states = '';
  for (let i = 0; i < item.evidence.length; i++) states += linkState(item.evidence[i]);
  states += '|';
  for (let i = 0; i < item.runbooks.length; i++) states += linkState(item.runbooks[i]);
  return states;
}

/** A link as a parse leaves it, for an evaluation that does not check links. */
function uncheck(link: LinkRef): void {
  if (link.resolved === null) return;
  link.exists = null;
  link.outside = false;
}

function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

function keyOf(value: unknown): string {
  return JSON.stringify(value);
}

/** The changed range between two texts (common prefix and suffix left out); undefined when equal. */
function diff(previous: string, text: string): Edit | undefined {
  const from = commonPrefix(previous, text);
  if (from === previous.length && from === text.length) return undefined;
  const suffix = commonSuffix(previous, text, Math.min(previous.length, text.length) - from);
  return { from, previousTo: previous.length - suffix, to: text.length - suffix };
}

// Strings compare natively far faster than a character loop: narrow down by blocks first.
const BLOCK = 1024;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= n && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + BLOCK <= max && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** Index of the last section starting at or before `offset` (0 when none). */
function lastAtOrBefore(sections: readonly PlacedSection[], offset: number): number {
  let lo = 0;
  let hi = sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sections[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Where the line at `offset` ends: before its line break, or after it with `withBreak`. */
function lineEnd(text: string, offset: number, withBreak = false): number {
  let i = offset;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  if (!withBreak) return i;
  if (text.charCodeAt(i) === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  return text.charCodeAt(i) === 10 ? i + 1 : i;
}
