/**
 * Checks written inside a code block (format rule 7): code is never an item, but a fenced or
 * indented block whose lines start with status markers (`☐ x`, `- [ ] x`, `✓ x`) holds checks
 * nobody counts. Each such block is found once, with how many checks it holds and how many are
 * open; when the block is nothing but checks and short labels (`Pre-deployment:`), the fence
 * lines can be deleted for certain, which leaves bare glyph lines or a task list.
 */
import type { Code, RootContent } from 'mdast';
import { readLeadingGlyph } from './readStatus';
import { BOX_CLASS, boxState } from './taskBox';

/** A code block holding checks; offsets relative to the start of the section it is in. */
export interface CodeBlockChecks {
  /** The block's first line (the opening fence, or the first indented line): where the finding points. */
  start: number;
  lineEnd: number;
  /** Lines that start with a status marker. */
  checks: number;
  /** Of those, the ones whose marker says open. */
  open: number;
  /** The opening and closing fence lines with their line breaks, when deleting them is a certain fix. */
  fences: { start: number; end: number }[] | null;
}

/** After the quote markers and indentation of a line, an optional list marker. */
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const BOX = new RegExp(`^\\[(${BOX_CLASS.all})\\][ \\t]+\\S`);
/** A short label line that introduces checks: `Pre-deployment:`, `部署前：`. */
const LABEL = /^[^\s`[][^`]{0,38}[:：]$/;
const FENCE = /^(`{3,}|~{3,})/;

/** The code blocks of `blocks[from, to)` (nested in lists and quotes too) that hold checks. */
export function codeBlockChecks(text: string, blocks: readonly RootContent[], from: number, to: number, base: number): CodeBlockChecks[] {
  const found: CodeBlockChecks[] = [];
  const visit = (node: RootContent, topLevel: boolean): void => {
    if (node.type === 'code') {
      const checks = readCodeBlock(text, node, topLevel);
      if (checks)
        found.push({ ...checks, start: checks.start - base, lineEnd: checks.lineEnd - base, fences: relative(checks.fences, base) });
    } else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote' || node.type === 'footnoteDefinition') {
      for (const child of node.children) visit(child as RootContent, false);
    }
  };
  for (let i = from; i < to; i++) visit(blocks[i], true);
  return found;
}

function relative(fences: CodeBlockChecks['fences'], base: number): CodeBlockChecks['fences'] {
  return fences && fences.map((f) => ({ start: f.start - base, end: f.end - base }));
}

/** One line of the block's source: where it starts, ends (before its break) and ends with its break. */
interface Line {
  start: number;
  end: number;
  next: number;
}

function linesOf(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let at = from;
  while (at < to) {
    let end = at;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let next = end;
    if (text.charCodeAt(next) === 13) next++;
    if (text.charCodeAt(next) === 10) next++;
    lines.push({ start: at, end: Math.min(end, to), next });
    if (next === end) break;
    at = next;
  }
  return lines;
}

/** The block's checks at absolute offsets, or null when it holds none. */
function readCodeBlock(text: string, node: Code, topLevel: boolean): CodeBlockChecks | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  const lines = linesOf(text, start, end);
  if (lines.length === 0) return null;
  const strip = (line: Line): string => text.slice(line.start, line.end).replace(/^[ \t>]*/, '');
  const opening = FENCE.exec(strip(lines[0]));
  let body = lines;
  let closed = false;
  if (opening) {
    const last = lines[lines.length - 1];
    closed = lines.length > 1 && new RegExp(`^${opening[1][0] === '`' ? '`' : '~'}{${opening[1].length},}[ \\t]*$`).test(strip(last));
    body = lines.slice(1, closed ? -1 : undefined);
  }
  let checks = 0;
  let open = 0;
  let onlyChecks = true;
  for (const line of body) {
    const content = strip(line);
    if (content.trim() === '') continue;
    const state = checkState(content);
    if (state === null) {
      if (!LABEL.test(content.trim())) onlyChecks = false;
      continue;
    }
    checks++;
    if (state === 'open') open++;
  }
  if (checks === 0) return null;
  // Only a top-level fence whose lines keep their meaning once it is gone: no line indented into code.
  const certain =
    opening !== null && closed && topLevel && onlyChecks && body.every((l) => !/^(?: {4}|\t)/.test(text.slice(l.start, l.end)));
  return { start, lineEnd: lines[0].end, checks, open, fences: certain ? fenceEdits(lines) : null };
}

/** The state a check line's marker says: a box after an optional list marker, or a leading status glyph. */
function checkState(content: string): string | null {
  const rest = content.replace(LIST_MARKER, '');
  const box = BOX.exec(rest);
  if (box) return boxState(box[1]) ?? null;
  return readLeadingGlyph(rest)?.state ?? null;
}

/** Deletes the opening fence line and the closing one, each with one line break. */
function fenceEdits(lines: readonly Line[]): { start: number; end: number }[] {
  const first = lines[0];
  const last = lines[lines.length - 1];
  // A closing fence without a line break of its own (at the end of the text) takes the one before it.
  const closing = last.next > last.end ? { start: last.start, end: last.next } : { start: lines[lines.length - 2].end, end: last.end };
  return [{ start: first.start, end: first.next }, closing];
}
