/**
 * Teaching a status word or glyph: the text of a `.readiness.yml` with `term: state` written under
 * `statuses:`, every other byte kept (comments, order, quoting, flow style, line endings). An entry
 * for the same term (words compared case-insensitively) gets the new state instead of a second key.
 */
import { isMap, isPair, isScalar, parseDocument, type Pair, type YAMLMap } from 'yaml';
import type { SettableState } from '../model/types';
import { termKey } from '../parse/vocabulary';
import { lineEnd, lineStart, withEol } from '../text/lineBounds';

/** The result of teaching: the new text, or why the file was left alone. */
export type TeachResult = { text: string } | { refused: string };

/** `.readiness.yml` with `term` taught as `state`; `text` is the file's current text ('' when there is none). */
export function teachStatus(text: string, term: string, state: SettableState): TeachResult {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const entry = `${yamlKey(term)}: ${state}`;
  if (text.split(/\r\n|\r|\n/).every((line) => /^\s*(?:#.*)?$/.test(line)))
    return { text: `${withEol(text, eol)}statuses:${eol}  ${entry}${eol}` };
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return { refused: 'the configuration file does not parse as YAML' };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { text: `${withEol(text, eol)}statuses:${eol}  ${entry}${eol}` };
  if (!isMap(root)) return { refused: 'the configuration file is not a map of settings' };
  if (root.flow) return { refused: 'the configuration file is written as one flow map' };
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'statuses');
  if (!pair) return { text: `${withEol(text, eol)}statuses:${eol}  ${entry}${eol}` };
  const value = pair.value;
  if (value === null || (isScalar(value) && value.value === null)) {
    // `statuses:` with nothing (or a comment) after it: the entry goes on the next line.
    const at = lineEnd(text, (pair.key as { range?: [number, number, number] }).range![1]);
    return { text: `${text.slice(0, at)}${eol}  ${entry}${text.slice(at)}` };
  }
  if (!isMap(value)) return { refused: 'statuses: is not a map' };
  const same = value.items.find((p) => isScalar(p.key) && termKey(String(p.key.value)) === termKey(term));
  if (same && isScalar(same.value) && same.value.range) {
    const [start, end] = same.value.range;
    return { text: `${text.slice(0, start)}${state}${text.slice(end)}` };
  }
  if (same) return { refused: `statuses: already has an entry for ${JSON.stringify(term)}` };
  return value.flow ? { text: insertFlow(text, value, entry) } : { text: insertBlock(text, value, entry, eol) };
}

function insertFlow(text: string, map: YAMLMap, entry: string): string {
  const close = text.lastIndexOf('}', map.range![1]);
  if (map.items.length === 0) {
    const open = text.lastIndexOf('{', close);
    return `${text.slice(0, open)}{ ${entry} }${text.slice(close + 1)}`;
  }
  const last = map.items[map.items.length - 1];
  const end = nodeEnd(last);
  return `${text.slice(0, end)}, ${entry}${text.slice(end)}`;
}

function insertBlock(text: string, map: YAMLMap, entry: string, eol: string): string {
  const first = map.items[0];
  const keyStart = (first.key as { range?: [number, number, number] }).range![0];
  const indent = keyStart - lineStart(text, keyStart);
  const at = lineEnd(text, nodeEnd(map.items[map.items.length - 1]));
  return `${text.slice(0, at)}${eol}${' '.repeat(indent)}${entry}${text.slice(at)}`;
}

/** Where a pair's value (or key, without a value) ends in the text. */
function nodeEnd(pair: Pair): number {
  const node = (isPair(pair) && pair.value ? pair.value : pair.key) as { range?: [number, number, number] };
  return node.range![1];
}

/** A map key as YAML: plain when it reads back as the same string, double-quoted otherwise. */
export function yamlKey(term: string): string {
  const plain =
    /^[\p{L}\p{N}][\p{L}\p{N} _./-]*$/u.test(term) &&
    !/[ ]$/.test(term) &&
    !/^(?:true|false|null|yes|no|on|off|y|n|~)$/i.test(term) &&
    !/^[-+]?(?:\d|\.\d)/.test(term);
  return plain ? term : JSON.stringify(term);
}
