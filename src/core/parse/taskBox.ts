/**
 * Task boxes, the one table of what the character inside `[ ]` means. GFM reads only `[ ]`,
 * `[x]` and `[X]` as a task box (it sets the list item's `checked`); this extension also reads
 * `[~]`, `[/]` (in progress) and `[-]` (not applicable), which the Markdown parser leaves as
 * paragraph text. The list, table, status-token and tick-patch readers and the edits that write
 * a box all ask this module, so a new box character is added here once. An HTML checkbox
 * (`<input type="checkbox" checked>`) is a box too, with two states.
 */
import type { MalformedBox, SettableState } from '../model/types';

/** Every box character and the state it means; the first character of a state is the one written for it. */
const BOX_STATES: readonly (readonly [char: string, state: SettableState, gfm: boolean])[] = [
  [' ', 'open', true],
  ['x', 'done', true],
  ['X', 'done', true],
  ['~', 'in-progress', false],
  ['/', 'in-progress', false],
  ['-', 'n/a', false],
];

const STATE_OF: ReadonlyMap<string, SettableState> = new Map(BOX_STATES.map(([char, state]) => [char, state]));
const GFM_CHARS = BOX_STATES.filter(([, , gfm]) => gfm).map(([char]) => char);
const EXTENDED_CHARS = BOX_STATES.filter(([, , gfm]) => !gfm).map(([char]) => char);
const WRITTEN = new Map<SettableState, string>();
for (const [char, state] of BOX_STATES) if (!WRITTEN.has(state)) WRITTEN.set(state, char);

const charClass = (chars: readonly string[]): string => `[${chars.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]`;

/** Regular-expression character classes (sources, for building patterns) of the box characters. */
export const BOX_CLASS = {
  /** Any box character. */
  all: charClass(BOX_STATES.map(([char]) => char)),
  /** What GFM reads as a task box: ` `, `x`, `X`. */
  gfm: charClass(GFM_CHARS),
  /** The boxes only this extension reads: `~`, `/`, `-`. */
  extended: charClass(EXTENDED_CHARS),
} as const;

/** The state a box character means; undefined when it is not a box character. */
export function boxState(char: string): SettableState | undefined {
  return STATE_OF.get(char);
}

/** True when GFM itself reads `[char]` as a task box (so ticking it only flips `checked`). */
export function isGfmBoxChar(char: string): boolean {
  return GFM_CHARS.includes(char);
}

/**
 * The character to write in a box for `state`: the one of `used` (a box token the document
 * already writes, `[X]`) when it means that state, so `X` stays `X` and `/` stays `/`; else the
 * default (`x`, ` `, `~`, `-`).
 */
export function boxCharFor(state: SettableState, used?: string): string {
  const char = used !== undefined && used.length === 3 && used[0] === '[' && used[2] === ']' ? used[1] : undefined;
  return char !== undefined && boxState(char) === state ? char : WRITTEN.get(state)!;
}

/** A box token, `[x]`, for a box character. */
export function boxToken(char: string): string {
  return `[${char}]`;
}

/** An HTML checkbox at the start of a line or item (`<input type="checkbox" checked>`), then text. */
export const HTML_CHECKBOX = /^([ \t]*)(<input\b(?=[^<>]*\btype\s*=\s*["']?checkbox\b)[^<>]*>)[ \t]*(?=\S)/i;

/** Whether an HTML checkbox tag is checked (a `checked` attribute, with or without a value). */
export function htmlChecked(tag: string): boolean {
  return /\schecked(?=[\s=/>])/i.test(tag);
}

/** The tag with its `checked` attribute added or removed, every other byte kept. */
export function withHtmlChecked(tag: string, checked: boolean): string {
  if (htmlChecked(tag) === checked) return tag;
  if (!checked) return tag.replace(/\s+checked(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?(?=[\s/>])/i, '');
  return tag.replace(/\s*\/?>$/, (end) => ` checked${end}`);
}

/**
 * A box GitHub does not read as one at the start of an item: empty (`[]`), padded (`[ x ]`), a
 * mark it does not know (`[v]`, `[✓]` with no space after), no space before the text
 * (`[ ]Load`), or escaped (`\[ \]`, as a Google Docs export writes it). Not a link (`[x](…)`, `[v][ref]`) and not a reference definition (`[x]:`).
 */
const MALFORMED_BOX = /^\\?\[([ \t]*(?:[xXvV✓✔]\uFE0F?)?[ \t]*)\\?\](?![([:])/u;
/** Marks inside a malformed box that mean ticked. */
const TICKED_MARK = /[xXvV✓✔]/u;
/** Where a malformed box's inside starts, from the box's start: after `[`, or after `\[` (escaped by a Google Docs export). */
export function malformedBoxLead(box: MalformedBox): number {
  return box.written.startsWith('\\') ? 2 : 1;
}

/** The inside of a malformed box as written (the item's marker text). */
export function malformedBoxInside(box: MalformedBox): string {
  return box.written.slice(malformedBoxLead(box), box.written.endsWith('\\]') ? -2 : -1);
}

/**
 * The malformed box that starts a list item's raw paragraph, and its repair: `[x]` when it holds a
 * mark, `[ ]` when empty, with a space after it when the text follows at once. Null when the
 * paragraph does not start with one, or nothing follows it.
 */
export function malformedBoxAt(raw: string): MalformedBox | null {
  const m = MALFORMED_BOX.exec(raw);
  if (!m) return null;
  const after = raw.slice(m[0].length);
  if (after.trim() === '') return null;
  const repair = `[${TICKED_MARK.test(m[1]) ? 'x' : ' '}]${/^[ \t]/.test(after) ? '' : ' '}`;
  return { written: m[0], repair };
}
