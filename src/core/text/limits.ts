/**
 * Limits that keep parsing bounded. micromark is linear on ordinary Markdown but quadratic or
 * recursive on a few shapes nobody writes by hand (50,000 nested block quotes overflow the
 * stack; thousands of emphasis delimiters in one paragraph take seconds), and even its linear
 * work is heavy per line, per block-quote marker and per inline delimiter (tens of microseconds
 * each, against about one per plain character). A linear scan finds those shapes first, so a
 * hostile file gets one located `too-large` finding instead of a hang: the local limits stop
 * the superlinear shapes, and the per-file budgets keep the linear work within what an ordinary
 * checklist of the maximum size costs.
 */

/** The limits, all configurable by callers. */
export interface AnalysisLimits {
  /** Longest text analysed, in characters (UTF-16 code units). */
  maxChars: number;
  /** Deepest block-quote nesting (`>` markers at the start of a line). */
  maxQuoteDepth: number;
  /** Widest leading indentation, in columns (tabs count 4): deeper list nesting is refused. */
  maxIndent: number;
  /** Most emphasis, link, strikethrough and HTML delimiters (`*`, `_`, `[`, `~`, `<`) in one paragraph, list item line or table row. */
  maxDelimitersPerBlock: number;
  /** Most cells in one table (lines starting with `|` in a row). */
  maxTableCells: number;
  /** Most lines per million characters of `maxChars` (budgets never go below those of one million). */
  linesPerMillion: number;
  /** Most block-quote markers (`>` at line starts, all lines together) per million characters of `maxChars`. */
  quoteMarkersPerMillion: number;
  /** Most delimiters (`*`, `_`, `[`, `~`, `<`, all blocks together) per million characters of `maxChars`. */
  delimitersPerMillion: number;
}

/** The defaults, documented in README.md ("Limits"). */
export const DEFAULT_LIMITS: Readonly<AnalysisLimits> = {
  maxChars: 2_000_000,
  maxQuoteDepth: 100,
  maxIndent: 200,
  maxDelimitersPerBlock: 500,
  maxTableCells: 20_000,
  linesPerMillion: 15_000,
  quoteMarkersPerMillion: 1_000,
  delimitersPerMillion: 30_000,
};

/** Why a text is refused, and where. */
export interface LimitProblem {
  message: string;
  /** Offset the finding points at. */
  offset: number;
}

/** The first limit the text exceeds, or null. Linear in the text's length. */
export function exceededLimit(text: string, limits: AnalysisLimits = DEFAULT_LIMITS): LimitProblem | null {
  if (text.length > limits.maxChars) {
    return {
      message: `The file has ${text.length.toLocaleString('en-US')} characters; files over ${limits.maxChars.toLocaleString('en-US')} are not analysed`,
      offset: 0,
    };
  }
  const { lines: maxLines, quoteMarkers: maxQuoteMarkers, delimiters: maxDelimiters } = budgets(limits);
  let lineStart = 0;
  let lineNumber = 1;
  let blockStart = 0;
  let delimiters = 0;
  let tableStart = -1;
  let tableCells = 0;
  let quoteMarkers = 0;
  let allDelimiters = 0;
  // The previous line's quote depth and table cells (0 when blank or a heading), to recognise a delimiter row under its header.
  let previousQuotes = 0;
  let previousCells = 0;
  // The list item (content column, ordered) and the table (quotes, indent) the current lines may belong to.
  let item: { content: number; ordered: boolean } | null = null;
  let table: { quotes: number; indent: number } | null = null;
  while (lineStart <= text.length) {
    const lineEnd = breakAt(text, lineStart);
    const next = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
    const { indent, quotes, first } = lineShape(text, lineStart, lineEnd);
    if (quotes > limits.maxQuoteDepth) {
      return problemAt(
        lineStart,
        `Block quotes nest ${quotes.toLocaleString('en-US')} deep at line ${lineNumber} (limit ${limits.maxQuoteDepth}); the file is not analysed`,
      );
    }
    if (indent > limits.maxIndent) {
      return problemAt(
        lineStart,
        `Line ${lineNumber} is indented ${indent.toLocaleString('en-US')} columns (limit ${limits.maxIndent}); the file is not analysed`,
      );
    }
    const blank = first === lineEnd;
    const lineDelimiters = blank ? 0 : countDelimiters(text, first, lineEnd);
    if (blank) {
      blockStart = next;
      delimiters = 0;
      item = null;
      table = null;
    } else {
      const cells = pipeCells(text, first, lineEnd);
      if (
        table &&
        (quotes !== table.quotes || indent < table.indent || indent >= table.indent + 4 || cells === 0 || startsBlock(text, first))
      ) {
        table = null;
      }
      const marker = table ? null : listMarker(text, first, lineEnd);
      // A line left of the item's content that starts no item ends it (or is a lazy line): nothing nested is assumed after it.
      if (item && !marker && indent < item.content) item = null;
      const nested = indent <= (item ? item.content : 0) + 3;
      let fresh = false;
      if (table) fresh = true;
      else if (
        cells > 0 &&
        isDelimiterRow(text, first, lineEnd) &&
        previousQuotes === quotes &&
        previousCells === cells &&
        (!item || indent >= item.content)
      ) {
        table = { quotes, indent };
        fresh = true;
      } else if (marker && nested && (!marker.ordered || marker.one || (item?.ordered === true && indent < item.content))) {
        // A list item starts inline content of its own; an ordered one interrupts a paragraph only from 1.
        item = { content: indent + marker.width, ordered: marker.ordered };
        fresh = true;
      } else if (nested && isHeading(text, first, lineEnd)) fresh = true;
      if (fresh) {
        blockStart = lineStart;
        delimiters = 0;
      }
      delimiters += lineDelimiters;
      if (delimiters > limits.maxDelimitersPerBlock) {
        return {
          message: `The paragraph at line ${lineNumberAt(text, blockStart)} has over ${limits.maxDelimitersPerBlock.toLocaleString('en-US')} emphasis, link or HTML delimiters; the file is not analysed`,
          offset: blockStart,
        };
      }
      previousCells = isHeading(text, first, lineEnd) ? 0 : cells;
    }
    if (blank) previousCells = 0;
    previousQuotes = quotes;
    if (text[first] === '|') {
      if (tableStart < 0) tableStart = lineStart;
      tableCells += countChar(text, first, lineEnd, '|');
      if (tableCells > limits.maxTableCells) {
        return {
          message: `The table at line ${lineNumberAt(text, tableStart)} has over ${limits.maxTableCells.toLocaleString('en-US')} cells; the file is not analysed`,
          offset: tableStart,
        };
      }
    } else {
      tableStart = -1;
      tableCells = 0;
    }
    quoteMarkers += quotes;
    if (quoteMarkers > maxQuoteMarkers) {
      return problemAt(
        lineStart,
        `Line ${lineNumber} brings the file over ${maxQuoteMarkers.toLocaleString('en-US')} block-quote markers (\`>\`), which make parsing slow; the file is not analysed`,
      );
    }
    allDelimiters += lineDelimiters;
    if (allDelimiters > maxDelimiters) {
      return problemAt(
        lineStart,
        `Line ${lineNumber} brings the file over ${maxDelimiters.toLocaleString('en-US')} emphasis, link or HTML delimiters (\`*\` \`_\` \`[\` \`~\` \`<\`), which make parsing slow; the file is not analysed`,
      );
    }
    if (lineNumber > maxLines) {
      return problemAt(
        lineStart,
        `The file has over ${maxLines.toLocaleString('en-US')} lines (line ${lineNumber}), which make parsing slow; the file is not analysed`,
      );
    }
    lineStart = next;
    lineNumber++;
  }
  return null;
}

/** The per-file budgets (lines, block-quote markers, delimiters) for the limits: never below those of one million characters. */
function budgets(limits: AnalysisLimits): { lines: number; quoteMarkers: number; delimiters: number } {
  const millions = Math.max(1, limits.maxChars / 1_000_000);
  return {
    lines: Math.floor(limits.linesPerMillion * millions),
    quoteMarkers: Math.floor(limits.quoteMarkersPerMillion * millions),
    delimiters: Math.floor(limits.delimitersPerMillion * millions),
  };
}

/**
 * Whether the text exceeds a per-file budget, which `exceededLimit` then reports (it counts the
 * same way): a caller that checks only an edited part of a text checks the budgets with this.
 */
export function exceedsBudget(text: string, limits: AnalysisLimits = DEFAULT_LIMITS): boolean {
  const budget = budgets(limits);
  // One pass without allocations (the analyzer runs it on every edit); it counts what the line scan counts.
  let lines = 1;
  let quoteMarkers = 0;
  let delimiters = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      lines++;
      lineStart = true;
    } else if (lineStart && c === 0x3e /* > */) quoteMarkers++;
    else if (c !== 0x20 && c !== 0x09 && c !== 13) {
      lineStart = false;
      if (c === 0x2a /* * */ || c === 0x5f /* _ */ || c === 0x5b /* [ */ || c === 0x7e /* ~ */ || c === 0x3c /* < */) delimiters++;
    }
  }
  return lines > budget.lines || quoteMarkers > budget.quoteMarkers || delimiters > budget.delimiters;
}

function problemAt(offset: number, message: string): LimitProblem {
  return { message, offset };
}

/** Where the line starting at `start` ends: at its `\n`, `\r\n` or lone `\r` (as micromark reads them), or the text's end. */
export function breakAt(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
    i++;
  }
  return i;
}

/** Leading indentation (columns), block-quote depth, and the offset of the first other character. */
function lineShape(text: string, start: number, end: number): { indent: number; quotes: number; first: number } {
  let indent = 0;
  let quotes = 0;
  let i = start;
  let widest = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) indent++;
    else if (c === 0x09) indent += 4 - (indent % 4);
    else if (c === 0x3e /* > */) {
      quotes++;
      widest = Math.max(widest, indent);
      indent = 0;
    } else break;
  }
  return { indent: Math.max(widest, indent), quotes, first: i };
}

/** A list marker with content after it (an empty item cannot interrupt a paragraph): its width with the space, and whether it is ordered and numbered 1. */
function listMarker(text: string, first: number, end: number): { width: number; ordered: boolean; one: boolean } | null {
  const c = text[first];
  let i = first;
  let ordered = false;
  if (c === '-' || c === '*' || c === '+') i++;
  else {
    while (i < end && i - first < 9 && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    if (i === first || (text[i] !== '.' && text[i] !== ')')) return null;
    ordered = true;
    i++;
  }
  if (text[i] !== ' ' && text[i] !== '\t') return null;
  let content = i;
  while (content < end && (text[content] === ' ' || text[content] === '\t')) content++;
  if (content === end) return null;
  return { width: i + 1 - first, ordered, one: ordered && Number(text.slice(first, i - 1)) === 1 };
}

function isHeading(text: string, first: number, end: number): boolean {
  let i = first;
  while (i < end && text[i] === '#') i++;
  return i > first && i - first <= 6 && (i === end || text[i] === ' ' || text[i] === '\t');
}

/** Whether the line may start a block that ends a table (and so never continues it as a row). */
function startsBlock(text: string, first: number): boolean {
  const c = text.charCodeAt(first);
  return '<`~#-*+_='.includes(text[first]) || (c >= 0x30 && c <= 0x39);
}

/** A GFM table delimiter row: cells of `-` with optional `:` at either end, separated by `|`. */
function isDelimiterRow(text: string, first: number, end: number): boolean {
  let dashes = 0;
  for (let i = first; i < end; i++) {
    const c = text[i];
    if (c === '-') dashes++;
    else if (c !== '|' && c !== ':' && c !== ' ' && c !== '\t') return false;
  }
  return dashes > 0;
}

/** How many cells a table row would have (pipes not escaped with `\`, leading and trailing ones excluded); 0 without a pipe. */
function pipeCells(text: string, first: number, end: number): number {
  let pipes = 0;
  for (let i = first; i < end; i++) if (text[i] === '|' && text[i - 1] !== '\\') pipes++;
  if (pipes === 0) return 0;
  let last = end - 1;
  while (last > first && (text[last] === ' ' || text[last] === '\t')) last--;
  return pipes + 1 - (text[first] === '|' ? 1 : 0) - (text[last] === '|' && last > first ? 1 : 0);
}

function countDelimiters(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2a /* * */ || c === 0x5f /* _ */ || c === 0x5b /* [ */ || c === 0x7e /* ~ */ || c === 0x3c /* < */) n++;
  }
  return n;
}

function countChar(text: string, start: number, end: number, char: string): number {
  let n = 0;
  for (let i = start; i < end; i++) if (text[i] === char) n++;
  return n;
}

function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}
