/**
 * The one place where core locations become editor ranges. A core `Span` carries 1-based lines
 * and columns (UTF-16 code units) counted over the analysed text with `\r\n`, `\n` and a lone
 * `\r` as line breaks, exactly as a VS Code document counts its lines, so a span converts
 * without the document: diagnostics of closed files, hovers and lenses all use `spanRange`. A
 * core `TextEdit` carries offsets only; `offsetRange` converts those through the document, which
 * must be the version the edit was computed from (its text equals the analysed text).
 */
import * as vscode from 'vscode';
import type { OffsetRange, Span } from '../core';

/** The editor range of a core span (1-based positions of the analysed text → 0-based editor positions). */
export function spanRange(span: Span): vscode.Range {
  const { startPosition: start, endPosition: end } = span;
  return new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1);
}

/** The editor range of offsets into a document's text (a core `TextEdit`), for the document version they were computed from. */
export function offsetRange(document: Pick<vscode.TextDocument, 'positionAt'>, range: OffsetRange): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}
