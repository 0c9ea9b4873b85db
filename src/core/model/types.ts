/**
 * The readiness model: plain data built from a checklist's Markdown, shared by the CLI,
 * the extension and tests. Lines and columns are 1-based; offsets are UTF-16 code-unit
 * offsets into the analysed text.
 */

/** The state of one checklist item. `untracked` items are shown but not counted. */
export type ItemState = 'done' | 'open' | 'in-progress' | 'n/a' | 'untracked';

/**
 * A state an item can be set to, and the state a status token (a box, a glyph, a word …)
 * expresses: every state but `untracked`, which is where items start, not a target.
 */
export type SettableState = Exclude<ItemState, 'untracked'>;

/** Every settable state, in the order commands and help list them. */
export const SETTABLE_STATES: readonly SettableState[] = ['done', 'open', 'in-progress', 'n/a'];

/** How a status token is written, so a replacement can be written the same way: `✅`, `Done`, `:white_check_mark:`, `[x]`, `&#9745;`. */
export type TokenFamily = 'glyph' | 'word' | 'shortcode' | 'box' | 'entity';

/** How the item is written: a task list box, a status-table row, or a bullet (glyph or bold label). */
export type ItemKind = 'task' | 'table' | 'bullet';

/** Finding severity, as the CLI and the editor show it. */
export type Severity = 'error' | 'warning' | 'info';

/** A 1-based position in the text. */
export interface Position {
  line: number;
  column: number;
}

/** A half-open range of offsets into the text. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** A located span: offsets plus the 1-based positions of both ends. */
export interface Span extends OffsetRange {
  startPosition: Position;
  endPosition: Position;
}

/** A replacement of `text.slice(start, end)` by `newText`. */
export interface TextEdit extends OffsetRange {
  newText: string;
}

/** A link found in an item's text. */
export interface LinkRef {
  /** The link destination as written (decoded by the Markdown parser). */
  target: string;
  /** Workspace-relative POSIX path the target resolves to; null for external URLs or targets outside the workspace. */
  resolved: string | null;
  /** Whether the target exists; null until checked (external links are never checked). */
  exists: boolean | null;
  /** True when the destination points outside the workspace (absolute path, `..` escape, `file:` URL, other schemes that read local data). */
  outside: boolean;
  /** The link node's span in the text. */
  span: Span;
}

/** Where an item's status marker sits, so that `setState` can rewrite exactly it. */
export interface StatusMarker {
  /**
   * `box`: the character inside `[ ]`; `cell`: a status token inside a table cell; `glyph`: a status
   * glyph or word in a bullet or heading; `html`: an `<input type="checkbox">` tag, checked or not;
   * `none`: untracked, `start` is where `[ ] ` is inserted.
   */
  style: 'box' | 'cell' | 'glyph' | 'html' | 'none';
  start: number;
  end: number;
  /** The marker text as written (`x`, ` `, `✅`, `Done`, `:white_check_mark:` …). */
  text: string;
}

/** Progress counts of a set of items. `percent` = done ÷ (done + open + in progress), floored; null when nothing is tracked. */
export interface Progress {
  done: number;
  open: number;
  inProgress: number;
  notApplicable: number;
  untracked: number;
  percent: number | null;
}

/** One checklist item. */
export interface ReadinessItem {
  id: string;
  /** True when the id comes from `<!-- id: … -->` or `{#…}` rather than a slug. */
  explicitId: boolean;
  /** Full source text: plain text of the item, markup and id markers removed, mojibake repaired. */
  text: string;
  /**
   * The one clean label every surface shows (messages, tree, hover, reports): `text` without the
   * `@owner`, the due date, critical tags and link labels that only name the link ("(evidence,
   * runbook)"). Empty only when `text` is; ids are still made from `text`.
   */
  label: string;
  state: ItemState;
  critical: boolean;
  kind: ItemKind;
  /** 1-based line and column of the item's start. */
  line: number;
  column: number;
  /** The whole item (list item or table row) in the text. */
  span: Span;
  marker: StatusMarker;
  owner: string | null;
  /** ISO date `YYYY-MM-DD`. */
  due: string | null;
  evidence: LinkRef[];
  runbooks: LinkRef[];
  /** External URLs mentioned by the item. */
  references: string[];
  children: ReadinessItem[];
  /** Titles of the enclosing categories, outermost first. */
  categoryPath: string[];
  /** Raw status value when a table cell held something we do not recognise. */
  unknownStatus?: string;
  /**
   * A task box GitHub does not show as a checkbox (`[]`, `[ x ]`, `[v]`, `[ ]Load`): `written` as
   * it stands from `[` to `]` (the marker is what is inside), and the `repair` that replaces it
   * (`[ ]` or `[x]`, with the space GitHub needs after it). Such an item counts as open.
   */
  malformedBox?: MalformedBox;
}

/** A task box written so that GitHub does not show it as one, and its repair. */
export interface MalformedBox {
  written: string;
  repair: string;
}

/** A category: a heading (or a bold paragraph heading a list) with its items and sub-categories. */
export interface ReadinessCategory {
  id: string;
  /** Cleaned title (markup, decorative emoji and trailing status glyphs removed; mojibake repaired). */
  title: string;
  /** Heading depth 1–6; bold-paragraph sub-categories get their parent's depth + 1 (max 7). */
  depth: number;
  line: number;
  span: Span;
  items: ReadinessItem[];
  categories: ReadinessCategory[];
  progress: Progress;
}

/** Front matter found at the top of a checklist. */
export interface FrontMatter {
  /** Parsed YAML value (null when it did not parse). */
  data: unknown;
  /** Span of the YAML body (without the `---` fences). */
  span: Span;
}

/** Status tokens a document already uses in tables and glyph bullets: family → state → token. */
export type UsedTokens = Partial<Record<TokenFamily, Partial<Record<SettableState, string>>>>;

/** A parsed checklist. */
export interface Checklist {
  /** The document title: a single leading H1, else the front matter `title`, else null. */
  title: string | null;
  frontMatter: FrontMatter | null;
  /** Items outside any category. */
  items: ReadinessItem[];
  categories: ReadinessCategory[];
  progress: Progress;
  /** Line ending the document mostly uses. */
  eol: '\n' | '\r\n' | '\r';
  /** Status tokens the document uses, so edits write states the way the document does. */
  usedTokens: UsedTokens;
}
