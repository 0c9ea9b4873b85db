/**
 * Items of status tables: a table with a status column (by its header, or by the status tokens
 * its cells hold) yields one item per row, its text from the item column, its state from the
 * status cell (unknown words count as open with a finding), its priority and owner from theirs.
 */
import type { Table, TableCell } from 'mdast';
import { collectInline, collapseWhitespace } from './inlineText';
import { isIsoDate } from './itemMeta';
import type { StatusMarker } from '../model/types';
import { makeItem, noteToken, readThroughMojibake, repaired, type ItemSink, type ParseContext } from './parseContext';
import { readLeadingGlyph, readStatusCell, type StatusCell, type StatusToken } from './readStatus';
import { isCriticalPriority, isItemHeader, isPriorityHeader, isRequirementHeader, isStatusHeader } from './tableColumns';
import { BOX_CLASS } from './taskBox';
import type { StatusVocabulary } from './vocabulary';

/** A cell's raw Markdown between its pipes, with the offset where that content starts. */
interface RawCell {
  raw: string;
  offset: number;
  plain: string;
}

const OWNER_HEADER = /^(?:owner|owners|assignee|responsible|dri|who)$/i;
const DUE_HEADER = /^(?:due|due date|deadline|target date|eta)$/i;
const BOX_CELL = new RegExp(`^\\s*\\[${BOX_CLASS.all}\\]\\s*$`);

/** Adds the rows of a status table as items; tables without a status column add nothing. */
export function parseTable(ctx: ParseContext, table: Table, sink: ItemSink): void {
  const [header, ...body] = table.children;
  if (!header || body.length === 0) return;
  const headers = header.children.map((c) => cellOf(ctx, c).plain);
  const rows = body.map((row) => row.children.map((c) => cellOf(ctx, c)));
  const width = headers.length;
  const known = (text: string) => knownToken(text, ctx.vocabulary);
  const statusCol = findStatusColumn(headers, rows, known);
  if (statusCol < 0) return;
  const priorityCol = headers.findIndex(isPriorityHeader);
  const ownerCol = headers.findIndex((h) => OWNER_HEADER.test(h));
  const dueCol = headers.findIndex((h) => DUE_HEADER.test(h));
  const taken = [statusCol, priorityCol, ownerCol, dueCol];
  const textCol = findTextColumn(headers, rows, taken);
  if (textCol < 0) return;

  body.forEach((row, r) => {
    const cells = rows[r];
    // A row whose text cell is empty still reads as a check when another cell names it (a sign-off
    // table's Role when its Name is not filled in yet); only a blank row is no row.
    const rowTextCol = isWritten(cells[textCol]) ? textCol : cells.findIndex((c, i) => !taken.includes(i) && i < width && isWritten(c));
    if (rowTextCol < 0) return;
    const textCell = cells[rowTextCol];
    const statusCell = cells[statusCol];
    const rowStart = row.position?.start.offset ?? 0;
    const rowEnd = row.position?.end.offset ?? rowStart;
    const token = statusCell ? readThroughMojibake(statusCell.raw, known) : null;
    const status: StatusCell = token
      ? { kind: 'known', token }
      : statusCell
        ? readStatusCell(repaired(statusCell.raw), ctx.vocabulary)
        : { kind: 'empty' };
    let marker: StatusMarker;
    let state: 'done' | 'open' | 'in-progress' | 'n/a' = 'open';
    let unknownStatus: string | undefined;
    if (status.kind === 'known') {
      const start = statusCell.offset + status.token.start;
      marker = { style: 'cell', start, end: statusCell.offset + status.token.end, text: status.token.text };
      state = status.token.state;
      // Taught words are the document's own: ticking writes built-in ones.
      if (!status.token.taught) noteToken(ctx, status.token.family, status.token.state, status.token.text);
    } else if ((status.kind === 'unknown' || status.kind === 'options') && statusCell) {
      // The whole value is the marker: setting a state replaces it.
      const lead = statusCell.raw.length - statusCell.raw.trimStart().length;
      const start = statusCell.offset + lead;
      marker = { style: 'cell', start, end: start + statusCell.raw.trim().length, text: statusCell.raw.trim() };
      if (status.kind === 'unknown') unknownStatus = status.value;
    } else if (status.kind === 'empty' && status.placeholder && statusCell && repaired(statusCell.raw) === statusCell.raw) {
      // A lone dash stands in for the status: the edit replaces it.
      const p = status.placeholder;
      marker = { style: 'cell', start: statusCell.offset + p.start, end: statusCell.offset + p.end, text: p.text };
    } else {
      // Empty (or missing) status cell: an insertion point after the cell's first space.
      const at = statusCell ? statusCell.offset + Math.min(1, statusCell.raw.length) : rowEnd;
      marker = { style: 'cell', start: at, end: at, text: '' };
    }
    const cellNode = row.children[rowTextCol];
    const otherCells = row.children.filter((_, i) => i !== rowTextCol && i < width);
    const critical = priorityCol >= 0 && cells[priorityCol] !== undefined && isCriticalPriority(cells[priorityCol].raw);
    const owner = ownerCol >= 0 && cells[ownerCol] ? cells[ownerCol].plain.replace(/^@/, '') || null : null;
    const dueText = dueCol >= 0 && cells[dueCol] ? cells[dueCol].plain : '';
    sink.items.push(
      makeItem(ctx, {
        kind: 'table',
        state,
        marker,
        start: rowStart,
        end: rowEnd,
        textNodes: cellNode.children,
        // A placeholder that renders as nothing (`<add your own>`) is named as written.
        text: textCell.plain || textCell.raw.trim(),
        linkNodes: otherCells,
        // The status cell is left out: its 🔴 means "open", not "critical".
        raw: cells
          .filter((c) => c !== statusCell)
          .map((c) => c.raw)
          .join('|'),
        critical,
        ...(owner !== null ? { owner } : {}),
        ...(isIsoDate(dueText) ? { due: dueText } : {}),
        ...(unknownStatus !== undefined ? { unknownStatus } : {}),
      }),
    );
  });
}

/** The status token a status cell's raw text starts with, when it reads as a known status. */
export function knownToken(text: string, vocabulary?: StatusVocabulary): StatusToken | null {
  const cell = readStatusCell(text, vocabulary);
  return cell.kind === 'known' ? cell.token : null;
}

function cellOf(ctx: ParseContext, cell: TableCell): RawCell {
  let start = cell.position?.start.offset ?? 0;
  let end = cell.position?.end.offset ?? start;
  while (end > start && (ctx.text[end - 1] === ' ' || ctx.text[end - 1] === '\t')) end--;
  if (ctx.text[start] === '|') start++;
  if (end > start && ctx.text[end - 1] === '|' && ctx.text[end - 2] !== '\\') end--;
  const raw = ctx.text.slice(start, end);
  const plain = collapseWhitespace(repaired(cellText(raw, collectInline(cell.children).text)));
  return { raw, offset: start, plain };
}

/** Cell text with inline HTML reduced to its text; a `<details><summary>` gives its summary. */
function cellText(raw: string, text: string): string {
  const summary = /<summary[^>]*>([\s\S]*?)<\/summary>/i.exec(raw);
  if (summary) return decodeEntities(summary[1].replace(/<[^>]*>/g, '')).replace(/[*_`]/g, '');
  return text;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (whole, code: string) => {
    const c = code.toLowerCase();
    if (c.startsWith('#x')) return String.fromCodePoint(parseInt(c.slice(2), 16));
    if (c.startsWith('#')) return String.fromCodePoint(parseInt(c.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' } as Record<string, string>)[c] ?? whole;
  });
}

function findStatusColumn(headers: string[], rows: RawCell[][], known: (text: string) => StatusToken | null): number {
  // A header naming a status column is enough: rows are never lost because their words are
  // unknown (they count open, with a finding). Of several, the first whose cells read as statuses.
  const column = (i: number) => rows.map((r) => r[i]).filter((c): c is RawCell => c !== undefined && c.raw.trim() !== '');
  const named = headers.map((h, i) => (isStatusHeader(h) ? i : -1)).filter((i) => i >= 0);
  const withStatus = named.find((i) => rows.some((r) => holdsStatus(r[i], known)));
  if (withStatus !== undefined) return withStatus;
  // Named, but no cell holds a status: still a status column while its cells read like status
  // values (`Verify`, `Needs review`), not when they are links, pictures or sentences (a table
  // of boards whose column happens to be called "Status").
  const valueLike = named.find((i) => column(i).every((c) => looksLikeStatusValue(c)));
  if (valueLike !== undefined) return valueLike;
  const boxes = headers.findIndex((_, i) => {
    const cells = column(i);
    return cells.length > 0 && cells.every((c) => BOX_CELL.test(c.raw));
  });
  if (boxes >= 0) return boxes;
  // Whatever its header says, the one column of status glyphs is the status column (`| Control | Prod |`
  // with ✅/❌). Several such columns are a matrix (environments, levels) whose marks may mean
  // "required": no column is read then. Requirement headers (Required?, Level A) never count.
  const glyphColumns = headers
    .map((h, i) => i)
    .filter((i) => !isRequirementHeader(headers[i]) && !isItemHeader(headers[i]) && !isPriorityHeader(headers[i]))
    .filter((i) => {
      const cells = column(i);
      // Marks that are statuses anywhere (✅ ❌ ☐ 🔄), not traffic lights or thumbs (🟢 🔴 👍): a Health column is no checklist.
      return cells.length > 0 && cells.every((c) => readThroughMojibake(c.raw, (t) => readLeadingGlyph(t)) !== null);
    });
  if (glyphColumns.length === 1) return glyphColumns[0];
  if (headers.every((h) => h === '')) {
    return headers.findIndex((_, i) => {
      const cells = column(i);
      return cells.length > 0 && cells.every((c) => readThroughMojibake(c.raw, known) !== null);
    });
  }
  return -1;
}

/** A cell with something written in it, even what renders as nothing (`<add your own>`). */
function isWritten(cell: RawCell | undefined): cell is RawCell {
  return cell !== undefined && (cell.plain !== '' || cell.raw.trim() !== '');
}

/** A short value with no link, picture or sentence in it: what an unknown status word looks like. */
function looksLikeStatusValue(cell: RawCell): boolean {
  if (/\]\(|\]\[|<img|<br|https?:\/\//i.test(cell.raw)) return false;
  const words = cell.plain.split(/\s+/).filter((w) => w !== '');
  // A sentence ends in a full stop; `?` and `TBD?` are placeholders, not sentences.
  return words.length <= 4 && cell.plain.length <= 40 && !(words.length >= 3 && /[.!?。！？]$/.test(cell.plain));
}

function holdsStatus(cell: RawCell | undefined, known: (text: string) => StatusToken | null): boolean {
  if (!cell || cell.plain === '') return false;
  if (readThroughMojibake(cell.raw, known) !== null) return true;
  const options = cell.plain.split(/\s*\/\s*/);
  return options.length > 1 && options.some((o) => readStatusCell(o).kind === 'known');
}

/** Headers naming what a sign-off row is about, preferred over a person's Name. */
const SUBJECT_HEADER = /^(?:role|team|area|component|service|system|function|approver role|sign-?off)$/i;

function findTextColumn(headers: string[], rows: RawCell[][], taken: number[]): number {
  const named = headers.findIndex((h, i) => !taken.includes(i) && isItemHeader(h));
  // `Role | Name | Date | Go/No-Go`: the row is the role's sign-off; the name is who gives it.
  const subject = headers.findIndex((h, i) => !taken.includes(i) && SUBJECT_HEADER.test(h.trim()));
  if (named >= 0 && subject >= 0 && /^names?$/i.test(headers[named].trim())) return subject;
  if (named >= 0) return named;
  return headers.findIndex(
    (_, i) => !taken.includes(i) && rows.some((r) => r[i] !== undefined && r[i].plain !== '' && !/^[\d\s./%]+$/.test(r[i].plain)),
  );
}
