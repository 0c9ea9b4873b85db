/**
 * Pipe tables that GitHub shows as plain text because their delimiter row (`|---|---|`) has a
 * different number of cells than their header row. Their rows are still the checks the author
 * meant, so the table is read as it was meant to be: the paragraph's lines are parsed again with
 * the delimiter row repaired, and the table's positions mapped back onto the real text (status
 * cells are edited in place). The repair is also the `table-malformed` finding's fix.
 */
import type { Nodes, Paragraph, Table } from 'mdast';
import { parseMarkdown } from './markdown';

/** A malformed table's delimiter row, at absolute offsets, and the row that repairs it. */
export interface MalformedTable {
  /** Start of the delimiter row (its first character, indentation included). */
  start: number;
  /** End of the delimiter row, before its line break. */
  end: number;
  /** Cells in the header row. */
  headerCells: number;
  /** Cells in the delimiter row. */
  delimiterCells: number;
  /** The delimiter row with as many cells as the header, alignment and style kept. */
  repair: string;
}

/** A delimiter-like row: cells of dashes with optional alignment colons, separated by pipes. */
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * The table a paragraph holds when its lines are a pipe table with a delimiter row of the wrong
 * width: the table (positions in the real text) and where and how to repair the row; null when
 * the paragraph is not such a table. Lines before the header row are prose and are left out.
 */
export function readMalformedTable(
  text: string,
  paragraph: Paragraph,
  definitions: ReadonlyMap<string, string>,
): { table: Table; malformed: MalformedTable } | null {
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  if (start === undefined || end === undefined || !text.slice(start, end).includes('|')) return null;
  const lines = linesOf(text, start, end);
  // Inside a block quote a paragraph's later lines carry the quote's `>`: not read here.
  if (lines.slice(1).some((l) => /^[ \t]*>/.test(l.text))) return null;
  for (let h = 0; h + 1 < lines.length; h++) {
    const header = lines[h];
    const delimiter = lines[h + 1];
    if (!hasPipe(header.text) || !DELIMITER_ROW.test(delimiter.text)) continue;
    const headerCells = splitCells(header.text).length;
    const cells = splitCells(delimiter.text);
    if (headerCells === cells.length || headerCells < 1) continue;
    const repair = repairRow(delimiter.text, cells, headerCells);
    const table = parseRepaired(text, start, end, lines, h, repair, definitions);
    if (!table) return null;
    return {
      table,
      malformed: {
        start: delimiter.start,
        end: delimiter.start + delimiter.text.length,
        headerCells,
        delimiterCells: cells.length,
        repair,
      },
    };
  }
  return null;
}

interface Line {
  /** Absolute offset of the line's first character. */
  start: number;
  /** The line without its line break. */
  text: string;
}

function linesOf(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  const raw = text.slice(start, end);
  let from = 0;
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
    lines.push({ start: start + from, text: raw.slice(from, m.index) });
    from = m.index + m[0].length;
  }
  lines.push({ start: start + from, text: raw.slice(from) });
  return lines;
}

function hasPipe(line: string): boolean {
  return /(?:^|[^\\])\|/.test(line);
}

/** A row's cells between unescaped pipes, the optional outer pipes left off (cells untrimmed). */
function splitCells(line: string): string[] {
  let body = line.replace(/^[ \t]*/, '').replace(/[ \t]*$/, '');
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\' && i + 1 < body.length) {
      cell += body[i] + body[i + 1];
      i++;
    } else if (body[i] === '|') {
      cells.push(cell);
      cell = '';
    } else cell += body[i];
  }
  cells.push(cell);
  return cells;
}

/**
 * The delimiter row with `width` cells: its own cells (alignment kept) up to that width, then new
 * cells of its last cell's dashes without alignment colons, padded as its cells between pipes are;
 * its indentation and outer pipes kept.
 */
function repairRow(row: string, cells: readonly string[], width: number): string {
  const indent = /^[ \t]*/.exec(row)![0];
  const trimmed = row.trim();
  const lead = trimmed.startsWith('|') ? '|' : '';
  const trail = trimmed.length > 1 && trimmed.endsWith('|') ? '|' : '';
  const last = cells.length - 1;
  // Padding after a pipe and before one, from cells that have a pipe on that side.
  const left = /^[ \t]*/.exec(cells[lead ? 0 : 1] ?? '')![0];
  const right = /[ \t]*$/.exec(cells[trail ? last : last - 1] ?? '')![0];
  const fresh = `${left}${cells[last].trim().replace(/:/g, '') || '---'}${right}`;
  const kept = cells.slice(0, width);
  while (kept.length < width) kept.push(fresh);
  if (!trail) {
    // Without a closing pipe the row's last cell ends bare, and a former last cell gets padding.
    if (last < width - 1) kept[last] = kept[last].replace(/[ \t]*$/, right);
    kept[width - 1] = kept[width - 1].replace(/[ \t]*$/, '');
  }
  return `${indent}${lead}${kept.join('|')}${trail}`;
}

/** Parses the paragraph's lines with the delimiter row repaired and maps the table back onto the text. */
function parseRepaired(
  text: string,
  start: number,
  end: number,
  lines: readonly Line[],
  h: number,
  repair: string,
  definitions: ReadonlyMap<string, string>,
): Table | null {
  const delimiter = lines[h + 1];
  const rel = (offset: number) => offset - start;
  // Prose before the header becomes blank (same length, so offsets hold); the row gets its repair.
  const before = text.slice(start, lines[h].start).replace(/[^\r\n]/g, ' ');
  const head = text.slice(lines[h].start, delimiter.start);
  const rest = text.slice(delimiter.start + delimiter.text.length, end);
  let source = before + head + repair + rest;
  // The document's link definitions, so `[text][ref]` in a cell reads as the link it is.
  const defs = [...definitions].filter(([, url]) => !/[<>\s]/.test(url));
  if (defs.length > 0) source += `\n\n${defs.map(([id, url]) => `[${id.replace(/[[\]\\]/g, '\\$&')}]: <${url}>`).join('\n')}\n`;
  const table = parseMarkdown(source).children.find((c): c is Table => c.type === 'table');
  if (!table) return null;
  const repairedEnd = rel(delimiter.start) + repair.length;
  const delta = repair.length - delimiter.text.length;
  const map = (offset: number): number => start + (offset >= repairedEnd ? offset - delta : Math.min(offset, rel(delimiter.start)));
  const stack: Nodes[] = [table];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const p = node.position;
    if (p?.start.offset !== undefined) p.start.offset = map(p.start.offset);
    if (p?.end.offset !== undefined) p.end.offset = map(p.end.offset);
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
  return table;
}
