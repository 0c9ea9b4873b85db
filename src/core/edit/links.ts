/**
 * Edits of an item's links: adding an evidence or runbook link, pointing a link at another file
 * and removing a link, as plain text edits over the checklist text and its model. Markdown
 * syntax decides their bytes (where a link may go in a bullet or a table row, how a destination
 * with spaces or parentheses is written, which separator leaves with a removed link), so they
 * are computed here, where unit tests pin them byte for byte; the extension only asks for them
 * and turns their offsets into an editor edit.
 */
import type { LinkRef, OffsetRange, ReadinessItem, TextEdit } from '../model/types';

/** A trailing id marker (`<!-- id: … -->` or `{#…}`) on an item's first line, which a new link goes before. */
const TRAILING_ID = /\s*(?:<!--\s*id\s*:[^>]*-->|\{#[\w.:/-]+\})\s*$/i;

/**
 * The link destination from a checklist (workspace-relative path) to a workspace file: relative
 * to the checklist's folder, POSIX, with spaces and Markdown-significant characters
 * (`()<>[]|\` and more) percent-encoded, so it needs no `<…>` and no escapes.
 */
export function linkDestination(fromPath: string, toPath: string): string {
  const fromDir = fromPath.split('/').slice(0, -1);
  const to = toPath.split('/');
  let common = 0;
  while (common < fromDir.length && common < to.length - 1 && fromDir[common] === to[common]) common++;
  const segments = [...fromDir.slice(common).map(() => '..'), ...to.slice(common)];
  return segments.map(encodeSegment).join('/');
}

/**
 * The edit that adds ` ([label](destination))` to an item: at the end of its first line (of its
 * text cell, in a table row), before a trailing id marker. `destination` is written as given
 * (see `linkDestination`).
 */
export function insertLinkEdit(text: string, item: ReadinessItem, label: string, destination: string): TextEdit {
  const at = linkInsertOffset(text, item);
  return { start: at, end: at, newText: ` ([${label}](${destination}))` };
}

/** Replaces the destination of an inline link; a reference link becomes an inline link with the same text. */
export function relinkEdit(text: string, link: Pick<LinkRef, 'span'>, destination: string): TextEdit {
  const source = text.slice(link.span.start, link.span.end);
  const labelEnd = closingBracket(source);
  if (labelEnd > 0 && source[labelEnd + 1] === '(' && source.endsWith(')')) {
    const open = labelEnd + 2;
    const lead = source.slice(open).length - source.slice(open).trimStart().length;
    const destStart = open + lead;
    const rest = source.slice(destStart);
    const angle = rest.startsWith('<') ? rest.indexOf('>') : -1;
    const written = angle > 0 ? rest.slice(0, angle + 1) : (/^(?:[^\s()]|\([^\s()]*\))*/.exec(rest)?.[0] ?? '');
    return { start: link.span.start + destStart, end: link.span.start + destStart + written.length, newText: destination };
  }
  const label = labelEnd > 0 ? source.slice(1, labelEnd) : source;
  return { start: link.span.start, end: link.span.end, newText: `[${label}](${destination})` };
}

/** The edit that removes a link, with what only served it (see `linkRemovalRange`). */
export function removeLinkEdit(text: string, link: Pick<LinkRef, 'span'>): TextEdit {
  return { ...linkRemovalRange(text, link), newText: '' };
}

/** Where a new link goes: the end of the item's first line (its text cell, in a table), before a trailing id marker. */
function linkInsertOffset(text: string, item: ReadinessItem): number {
  const lineEnd = firstLineEnd(text, item);
  if (item.kind === 'table') return tableTextCellEnd(text, item, lineEnd);
  const line = text.slice(item.span.start, lineEnd);
  const idMarker = TRAILING_ID.exec(line);
  const end = idMarker ? idMarker.index : line.trimEnd().length;
  return item.span.start + end;
}

/** The end of the item's first line, before its line break (`\n`, `\r\n` or `\r`), within the item. */
function firstLineEnd(text: string, item: ReadinessItem): number {
  let i = item.span.start;
  while (i < item.span.end && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** End of the content of the first non-empty cell of a table row that is not the status cell. */
function tableTextCellEnd(text: string, item: ReadinessItem, lineEnd: number): number {
  const cells: OffsetRange[] = [];
  let start = item.span.start;
  for (let i = item.span.start; i <= lineEnd; i++) {
    if (i === lineEnd || (text[i] === '|' && text[i - 1] !== '\\')) {
      cells.push({ start, end: i });
      start = i + 1;
    }
  }
  const cell = cells.find((c) => text.slice(c.start, c.end).trim() !== '' && !(c.start <= item.marker.start && item.marker.start <= c.end));
  if (!cell) return lineEnd;
  return cell.start + text.slice(cell.start, cell.end).trimEnd().length;
}

/**
 * What removing a link deletes: the link, plus the parentheses wrapping only it and the space
 * before them (` ([evidence](x.md))`, as linking writes it), or the list separator next to it.
 */
function linkRemovalRange(text: string, link: Pick<LinkRef, 'span'>): OffsetRange {
  let { start, end } = link.span;
  if (text[start - 1] === '(' && text[end] === ')') {
    start--;
    end++;
    if (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
  } else if (text.startsWith(', ', end)) {
    end += 2;
  } else if (text.slice(start - 2, start) === ', ') {
    start -= 2;
  } else if (text[start - 1] === ' ') {
    start--;
  }
  return { start, end };
}

/** Index of the `]` closing a link's text, or -1. */
function closingBracket(source: string): number {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

function encodeSegment(segment: string): string {
  return segment.replace(/[\s%()<>[\]|\\`#?"]/gu, (c) => {
    const code = c.charCodeAt(0);
    return code < 128 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c);
  });
}
