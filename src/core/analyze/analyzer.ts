/**
 * The analyzer: every analysis of a checklist goes through it, in the CLI, the extension (open
 * and closed files alike) and the report. One analyzer follows one document through its
 * versions (an editor buffer, a file on disk); its first parse is a cold analysis, and every
 * later one reuses what the edit left alone.
 *
 * The text is cut into sections at top-level ATX headings (`parse/sections.ts`). The boundaries
 * come from the Markdown parser itself, not from a line scan: after an edit, only the text from
 * the start of the first section the edit touches to the heading line of the first untouched
 * section is parsed again, and that heading line must come out of the parse as a top-level
 * heading — if an unclosed fence, HTML block or front matter swallowed it, the parse runs on to
 * the end of the text instead. Fenced code (any fence length and info string), HTML blocks,
 * setext headings and front matter are therefore handled exactly as the parser handles them.
 * Sections after the edit are reused as they are; their items are copied with shifted positions
 * when the checklist is assembled (`assemble.ts`), and their findings are reused (shifted) the
 * same way (`evaluate.ts`). A tick (a task box flipped, a status glyph swapped in a cell) parses
 * nothing: the section is patched (`tickPatch.ts`).
 *
 * The whole text is parsed when it may hold link reference or footnote definitions (they change
 * how links parse everywhere), when its front matter fence is not closed (a `---` anywhere could
 * close it), when the front matter's `readiness:` config changed, on the first analysis, and
 * when an edit added the checklist's first tracked item or removed its last one while a section
 * holds bullets whose item-ness depends on that (format rule 6, `parse/documentation.ts`).
 * "The whole text" is parsed in pieces of a few KB cut at heading lines (`coldParse.ts`), each
 * boundary checked as an edit's is, unless it may hold definitions: then remark gets it at once.
 * Whatever the history of edits, the result equals a whole-document parse and evaluation of the
 * same text: test/reference/ holds that naive evaluator, and property tests compare the two.
 */
import type { RootContent } from 'mdast';
import type { Analysis, AnalyzerOptions, EvaluateOptions, ParsedChecklist } from './analysis';
import { assembleChecklist, type Assembly } from './assemble';
import { AssemblyMemo } from './assemblyMemo';
import { COLD_PIECE_CHARS, parseInPieces, parseInPiecesSteps } from './coldParse';
import { evaluateSections } from './evaluate';
import { applyFrontMatterNode, type AppliedFrontMatter } from './frontMatter';
import { applySeverities } from './rules';
import { newSectionState, tickedState, type PlacedSection } from './sectionState';
import { patchTick } from './tickPatch';
import type { ReadinessConfig } from '../config/types';
import { emptyProgress, finishProgress } from '../model/progress';
import type { Finding } from '../model/ruleTable';
import type { Checklist } from '../model/types';
import { buildSection, definitionsOf, type SectionContext } from '../parse/buildSection';
import { documentVocabulary, legendOf, type LegendEntry } from '../parse/legend';
import { detachedSlice, parseMarkdown, shiftPositions } from '../parse/markdown';
import { NO_VOCABULARY, termKey, type StatusVocabulary } from '../parse/vocabulary';
import { mayHoldDefinitions, splitAtHeadings, startsWithFrontMatterFence } from '../parse/sections';
import { DEFAULT_LIMITS, exceededLimit, exceedsBudget, type LimitProblem } from '../text/limits';
import { dominantEol, LineIndex } from '../text/lineIndex';

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
export class ChecklistAnalyzer {
  private sections: PlacedSection[] = [];
  private assembly: Assembly | undefined;
  private memo = new AssemblyMemo();
  private applied: AppliedFrontMatter | undefined;
  private last: ParsedChecklist | undefined;
  private options: AnalyzerOptions;
  private optionsKey: string;
  private parsedChars = 0;
  /** Whether the last text may hold definitions (`mayHoldDefinitions`). */
  private definitions = false;
  /** Whether the last checklist had tracked items: sections are built assuming it still has (`ParseContext.tracked`). */
  private tracked = true;
  /** The blocks `parseSteps` parsed in pieces, for the whole parse of that text that follows at once. */
  private prepared: { text: string; blocks: RootContent[]; chars: number } | undefined;
  /** The vocabulary sections are built with (config `statuses:` and the document's legend), and its legend's key. */
  private vocabulary: StatusVocabulary = NO_VOCABULARY;
  private legendKey = '';

  constructor(options: AnalyzerOptions) {
    this.options = options;
    this.optionsKey = keyOf(options);
  }

  /** Sets the config, path and limits; cached sections are dropped when they differ. */
  configure(options: AnalyzerOptions): void {
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

  /** The last parse, which `evaluate` evaluates; undefined before the first. */
  get parsed(): ParsedChecklist | undefined {
    return this.last;
  }

  /** Forgets every cached section. */
  reset(): void {
    this.sections = [];
    this.assembly = undefined;
    this.memo = new AssemblyMemo();
    this.applied = undefined;
    this.last = undefined;
  }

  /** Parses the new version of the text (model and effective config, no link checks, no rules), reusing what the edit left alone. */
  parse(text: string): ParsedChecklist {
    this.parsedChars = 0;
    if (this.last && text === this.last.text) return this.last;
    const previous = this.assembly ? this.last : undefined;
    const edit = previous ? diff(previous.text, text) : undefined;
    const index = previous && edit ? LineIndex.afterEdit(previous.index, text, edit.from, edit.previousTo, edit.to) : new LineIndex(text);
    // A `]:` is in the new text when it was in the previous one or the edit made one: scan only the edit's surroundings.
    const definitions =
      previous && edit && !this.definitions
        ? mayHoldDefinitions(text.slice(Math.max(0, edit.from - 1), edit.to + 1))
        : mayHoldDefinitions(text);
    const whole =
      !previous ||
      !edit ||
      definitions ||
      this.definitions ||
      (startsWithFrontMatterFence(previous.text) && !this.sections[0]?.build.frontMatter);
    this.definitions = definitions;
    // Only the edited part is checked against the local limits: the per-file budgets need the whole text.
    if (!whole && exceedsBudget(text, this.options.limits)) return this.refuse(text, index, exceededLimit(text, this.options.limits)!);
    const updated = whole ? undefined : this.update(previous.text, text, index, edit);
    if (updated && 'message' in updated) return this.refuse(text, index, updated);
    let sections = updated;
    if (!sections) {
      const problem = exceededLimit(text, this.options.limits);
      if (problem) return this.refuse(text, index, problem);
      sections = this.parseWhole(text, index);
    } else if (this.mistaken(sections)) {
      // The edit added the first tracked item or removed the last: documentation bullets change sides.
      sections = this.parseWhole(text, index);
    } else if (legendKey(sections.flatMap((s) => s.build.legend)) !== this.legendKey) {
      // A legend's terms changed: every section reads its statuses with the new vocabulary.
      sections = this.parseWhole(text, index);
    }
    const applied = this.applied!;
    this.assembly = assembleChecklist(sections, {
      config: applied.config,
      index,
      frontMatterData: applied.frontMatterData,
      memo: this.memo,
    });
    this.sections = sections;
    this.last = {
      text,
      index,
      checklist: this.assembly.checklist,
      config: applied.config,
      configFindings: applied.configFindings,
      refused: null,
    };
    return this.last;
  }

  /**
   * Checks the links of the last parse and runs every rule over it (cheap next to parsing, so a
   * host can parse, check links asynchronously, then evaluate). Findings of sections that did
   * not change are reused, moved ones get moved copies.
   */
  evaluate(options: EvaluateOptions = {}): Analysis {
    const parsed = this.last;
    if (!parsed) throw new Error('ChecklistAnalyzer.evaluate: nothing was parsed yet');
    const { checklist, config } = parsed;
    if (parsed.refused || !this.assembly)
      return { checklist, findings: applySeverities(parsed.refused ? [parsed.refused] : [], config), config };
    return { checklist, findings: applySeverities(evaluateSections(this.sections, this.assembly, parsed, options), config), config };
  }

  /**
   * `parse`, in steps: when the text is parsed whole (a cold parse: the first one, or after a
   * reset or a new config), the generator yields between the pieces of `parseInPieces`, so a host
   * can give its thread back in between (the editor's first scan); then it parses as `parse` does
   * and returns the same result. Until the last step the analyzer is left as it was: a `parse`
   * of another text meanwhile is safe, and a generator dropped halfway changes nothing. A text
   * that may hold definitions is parsed at once, as `parse` does. `pieceChars`: see `parseInPieces`.
   */
  *parseSteps(text: string, pieceChars = COLD_PIECE_CHARS): Generator<void, ParsedChecklist> {
    if (!this.assembly && !mayHoldDefinitions(text) && !exceededLimit(text, this.options.limits)) {
      let chars = 0;
      const blocks = yield* parseInPiecesSteps(
        text,
        (from, to) => {
          chars += to - from;
          return parseRange(text, from, to);
        },
        pieceChars,
      );
      // The analyzer may have parsed another text meanwhile: `parse` decides afresh, and takes these blocks only for a whole parse of this text.
      this.prepared = { text, blocks, chars };
    }
    try {
      return this.parse(text);
    } finally {
      this.prepared = undefined;
    }
  }

  /** Parses and evaluates the new version of the text. */
  analyze(text: string, options: EvaluateOptions = {}): Analysis {
    this.parse(text);
    return this.evaluate(options);
  }

  private refuse(text: string, index: LineIndex, problem: LimitProblem): ParsedChecklist {
    this.reset();
    this.last = refusedParse(text, index, this.options.config, problem);
    return this.last;
  }

  /** Parses the whole text into sections (and reads its front matter config). */
  private parseWhole(text: string, index: LineIndex): PlacedSection[] {
    // Definitions cross every section boundary: only then is remark given the whole text at once.
    const prepared = this.prepared?.text === text ? this.prepared : undefined;
    this.prepared = undefined;
    if (prepared) this.parsedChars += prepared.chars;
    const blocks =
      prepared?.blocks ??
      (mayHoldDefinitions(text) ? this.parseAll(text) : parseInPieces(text, (from, to) => this.parseRange(text, from, to)));
    this.applied = this.frontMatter(blocks[0], text, index);
    const legend = legendOf(text, blocks, 0, blocks.length).entries;
    this.vocabulary = documentVocabulary(this.applied.config, legend);
    this.legendKey = legendKey(legend);
    const definitions = definitionsOf(blocks);
    const sections = this.buildSections(text, index, blocks, 0, text.length, definitions);
    return this.mistaken(sections) ? this.buildSections(text, index, blocks, 0, text.length, definitions) : sections;
  }

  /**
   * Whether some section was built assuming the wrong answer to "does the checklist have tracked
   * items?" (format rule 6); sets the right answer for the next build.
   */
  private mistaken(sections: readonly PlacedSection[]): boolean {
    const tracked = sections.some((s) => s.build.trackedItems > 0);
    const wrong = sections.some((s) => s.build.tracked !== null && s.build.tracked !== tracked);
    this.tracked = tracked;
    return wrong;
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
    return [
      ...old.slice(0, first),
      ...rebuilt,
      ...moved.map((s) => ({ build: s.build, state: s.state, offset: s.offset + delta, line: s.line + lineDelta })),
    ];
  }

  /** The sections after an item was ticked (a task box or a status glyph replaced in place), when it was. */
  private tick(previous: string, text: string, edit: Edit): PlacedSection[] | undefined {
    // Taught words may stand where built-in ones do: a patch reads built-in tokens only.
    if (edit.previousTo !== edit.to || this.vocabulary.entries.length > 0) return undefined;
    const s = lastAtOrBefore(this.sections, edit.from);
    const placed = this.sections[s];
    const ticked = patchTick(placed.build, previous, text, edit.from, edit.to - edit.from);
    if (!ticked) return undefined;
    const sections = [...this.sections];
    sections[s] = { ...placed, build: ticked.build, state: tickedState(placed.state, ticked.target) };
    return sections;
  }

  /**
   * The limit the text exceeds, checking only `text[from, to)` besides its length: the other
   * sections passed before, and the checks start afresh at every heading line — when lines end
   * in `\n`: `exceededLimit` reads a lone `\r` as no line break, so such texts are checked whole.
   */
  private exceeded(text: string, from: number, to: number): LimitProblem | null {
    const limits = this.options.limits;
    if (text.length <= (limits ?? DEFAULT_LIMITS).maxChars && !hasLoneCr(text) && exceededLimit(text.slice(from, to), limits) === null)
      return null;
    return exceededLimit(text, limits);
  }

  private parseAll(text: string): RootContent[] {
    this.parsedChars += text.length;
    return parseMarkdown(text).children;
  }

  /** Parses `text[from, to)` with positions in the whole text. */
  private parseRange(text: string, from: number, to: number): RootContent[] {
    this.parsedChars += to - from;
    return parseRange(text, from, to);
  }

  private buildSections(
    text: string,
    index: LineIndex,
    blocks: readonly RootContent[],
    from: number,
    to: number,
    definitions: Map<string, string>,
  ): PlacedSection[] {
    const ctx: SectionContext = {
      text,
      index,
      path: this.options.path,
      config: this.applied!.config,
      definitions,
      tracked: this.tracked,
      vocabulary: this.vocabulary,
    };
    const starts = splitAtHeadings(text, blocks, from);
    return starts.map((start, s) => {
      const end = s + 1 < starts.length ? starts[s + 1] : { block: blocks.length, offset: to };
      const at = { offset: start.offset, line: index.positionAt(start.offset).line };
      const build = buildSection(ctx, blocks, start.block, end.block, at, end.offset);
      return { build, state: newSectionState(build), ...at };
    });
  }

  /** The effective config: the analyzer's config with the front matter's `readiness:` applied. */
  private frontMatter(node: RootContent | undefined, text: string, index: LineIndex): AppliedFrontMatter {
    return applyFrontMatterNode(this.options.config, node, text, index);
  }
}

/** Parses `text[from, to)` into top-level blocks with positions in the whole text. */
function parseRange(text: string, from: number, to: number): RootContent[] {
  const tree = parseMarkdown(detachedSlice(text, from, to));
  if (from > 0) shiftPositions(tree.children, from);
  return tree.children;
}

/** An empty model for a text over the limits, carrying the one `too-large` finding. */
export function refusedParse(text: string, index: LineIndex, config: ReadinessConfig, problem: LimitProblem): ParsedChecklist {
  const checklist: Checklist = {
    title: null,
    frontMatter: null,
    items: [],
    categories: [],
    progress: finishProgress(emptyProgress()),
    eol: dominantEol(text),
    usedTokens: {},
  };
  const refused: Finding = {
    rule: 'too-large',
    severity: 'error',
    message: problem.message,
    span: index.span(problem.offset, problem.offset),
  };
  return { text, index, checklist, config, configFindings: [], refused };
}

/** What of a document's legend entries the vocabulary depends on: their terms, in order. */
function legendKey(entries: readonly LegendEntry[]): string {
  return entries.map((e) => termKey(e.term)).join('\u0000');
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
