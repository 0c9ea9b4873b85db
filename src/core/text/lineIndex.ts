/**
 * Offsets ↔ 1-based lines and columns of one text, and its line endings. Built once per version
 * of a document (and updated after an edit from the previous one), so every span in the model is
 * located without scanning the text again.
 */
import type { Position, Span } from '../model/types';

/**
 * Converts between UTF-16 offsets and 1-based line/column positions. Line breaks are
 * `\r\n`, `\n` or a lone `\r`, as CommonMark (and micromark) count them.
 */
export class LineIndex {
  private readonly starts: number[];

  /** `starts` is only for `afterEdit`, which already knows the line starts. */
  constructor(
    readonly text: string,
    starts?: number[],
  ) {
    if (starts) {
      this.starts = starts;
    } else {
      this.starts = [0];
      scanLines(text, 0, text.length, this.starts);
    }
  }

  /**
   * The index of `text`, which differs from `previous.text` only in `[from, to)` (formerly
   * `[from, previousTo)`): line starts before and after the edit are copied (and shifted)
   * instead of being searched for again.
   */
  static afterEdit(previous: LineIndex, text: string, from: number, previousTo: number, to: number): LineIndex {
    const old = previous.starts;
    // Rescan from the start of the line holding `from - 1`: a `\r` there may now pair with a `\n`.
    const first = Math.max(0, upperBound(old, from - 1) - 1);
    const starts = old.slice(0, first + 1);
    const scanned = scanLines(text, old[first], Math.min(text.length, to + 1), starts);
    const delta = to - previousTo;
    for (let k = upperBound(old, scanned - delta); k < old.length; k++) starts.push(old[k] + delta);
    return new LineIndex(text, starts);
  }

  /** Number of lines (a trailing line break opens one more, empty line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The 1-based position of an offset (clamped to the text). */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }

  /** The offset of a 1-based position (clamped to its line). */
  offsetAt(position: Position): number {
    const line = Math.max(1, Math.min(position.line, this.starts.length));
    const start = this.starts[line - 1];
    const end = line < this.starts.length ? this.starts[line] : this.text.length;
    return Math.min(start + Math.max(0, position.column - 1), end);
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[Math.max(1, Math.min(line, this.starts.length)) - 1];
  }

  /** Offset where a 1-based line's content ends (before its line break). */
  lineEnd(line: number): number {
    const l = Math.max(1, Math.min(line, this.starts.length));
    if (l === this.starts.length) return this.text.length;
    let end = this.starts[l];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** A located span for [start, end). */
  span(start: number, end: number): Span {
    return { start, end, startPosition: this.positionAt(start), endPosition: this.positionAt(end) };
  }
}

/**
 * Appends to `starts` the line starts after line breaks that begin in `text[from, end)`; returns
 * the offset where scanning stopped (after a `\r\n` that straddles `end`).
 */
function scanLines(text: string, from: number, end: number, starts: number[]): number {
  let i = from;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      starts.push(i + 1);
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return i;
}

/** The number of values in the sorted array that are at most `value`. */
function upperBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Line breaks counted by kind. */
export interface EolCounts {
  lf: number;
  crlf: number;
  cr: number;
}

/** Counts the line breaks of `text[start, end)` (a `\r\n` counts once). */
export function countEols(text: string, start: number, end: number): EolCounts {
  const counts: EolCounts = { lf: 0, crlf: 0, cr: 0 };
  for (let i = text.indexOf('\r', start); i >= 0 && i < end; i = text.indexOf('\r', i + 1)) {
    if (i + 1 < end && text.charCodeAt(i + 1) === 10) counts.crlf++;
    else counts.cr++;
  }
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) counts.lf++;
  counts.lf -= counts.crlf;
  return counts;
}

/** The line break that most of the counted ones are (LF when there are none). */
export function eolOf(counts: EolCounts): '\n' | '\r\n' | '\r' {
  const { lf, crlf, cr } = counts;
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** The line ending a text mostly uses (LF when it has none). */
export function dominantEol(text: string): '\n' | '\r\n' | '\r' {
  return eolOf(countEols(text, 0, text.length));
}
