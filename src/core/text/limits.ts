/**
 * Limits that keep parsing bounded. micromark is linear on ordinary Markdown but quadratic or
 * recursive on a few shapes nobody writes by hand (50,000 nested block quotes overflow the
 * stack; thousands of emphasis delimiters in one paragraph take seconds). A linear scan finds
 * those shapes first, so a hostile file gets one located `too-large` finding instead of a hang.
 */

/** The limits, all configurable by callers. */
export interface AnalysisLimits {
  /** Longest text analysed, in characters (UTF-16 code units). */
  maxChars: number;
  /** Deepest block-quote nesting (`>` markers at the start of a line). */
  maxQuoteDepth: number;
  /** Widest leading indentation, in columns (tabs count 4): deeper list nesting is refused. */
  maxIndent: number;
  /** Most emphasis and bracket delimiters (`*`, `_`, `[`) in one paragraph, list item line or table row. */
  maxDelimitersPerBlock: number;
  /** Most cells in one table (lines starting with `|` in a row). */
  maxTableCells: number;
}

/** The defaults, documented in README.md ("Limits"). */
export const DEFAULT_LIMITS: Readonly<AnalysisLimits> = {
  maxChars: 2_000_000,
  maxQuoteDepth: 100,
  maxIndent: 200,
  maxDelimitersPerBlock: 2_000,
  maxTableCells: 20_000,
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
  let lineStart = 0;
  let lineNumber = 1;
  let blockStart = 0;
  let delimiters = 0;
  let tableStart = -1;
  let tableCells = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const { indent, quotes, first } = lineShape(text, lineStart, lineEnd);
    if (quotes > limits.maxQuoteDepth) {
      return {
        message: `Block quotes nest ${quotes.toLocaleString('en-US')} deep at line ${lineNumber} (limit ${limits.maxQuoteDepth}); the file is not analysed`,
        offset: lineStart,
      };
    }
    if (indent > limits.maxIndent) {
      return {
        message: `Line ${lineNumber} is indented ${indent.toLocaleString('en-US')} columns (limit ${limits.maxIndent}); the file is not analysed`,
        offset: lineStart,
      };
    }
    if (first === lineEnd || (first === lineEnd - 1 && text[first] === '\r')) {
      blockStart = lineEnd + 1;
      delimiters = 0;
    } else {
      // List items, table rows and headings start inline content of their own.
      if (startsContainer(text, first, lineEnd)) {
        blockStart = lineStart;
        delimiters = 0;
      }
      delimiters += countDelimiters(text, first, lineEnd);
      if (delimiters > limits.maxDelimitersPerBlock) {
        return {
          message: `The paragraph at line ${lineNumberAt(text, blockStart)} has over ${limits.maxDelimitersPerBlock.toLocaleString('en-US')} emphasis or link delimiters; the file is not analysed`,
          offset: blockStart,
        };
      }
    }
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
    lineStart = lineEnd + 1;
    lineNumber++;
  }
  return null;
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

function startsContainer(text: string, first: number, end: number): boolean {
  const c = text[first];
  if (c === '|' || c === '#' || c === '-' || c === '*' || c === '+') return true;
  let i = first;
  while (i < end && i - first < 9 && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  return i > first && (text[i] === '.' || text[i] === ')');
}

function countDelimiters(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2a /* * */ || c === 0x5f /* _ */ || c === 0x5b /* [ */) n++;
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
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
