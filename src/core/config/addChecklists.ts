/**
 * Adding checklists to a `.readiness.yml`: the text of the file with globs appended to its
 * `checklists:` list, every other byte kept (comments, order, quoting, flow style, line endings).
 * A file without `checklists:` relied on the default globs: they are written first, so nothing
 * found before disappears. A file that does not parse is never written: the refusal names the line.
 */
import { isMap, isScalar, isSeq, parseDocument, type Pair, type YAMLSeq } from 'yaml';
import { defaultConfig } from './types';
import { parseYamlLocated } from './yamlLocated';
import { lineEnd, lineStart, withEol } from '../text/lineBounds';

/** The result of adding: the new text (unchanged when every glob was already listed), or why the file was left alone. */
export type AddChecklistsResult = { text: string; added: string[] } | { refused: string; line?: number };

/**
 * `.readiness.yml` with `globs` added to `checklists:`; `text` is the file's current text ('' when
 * there is none). Globs already listed (as written) are not added again.
 */
export function addChecklistGlobs(text: string, globs: readonly string[]): AddChecklistsResult {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const wanted = unique(globs);
  const block = (entries: string[]) => `checklists:${eol}${entries.map((g) => `  - ${yamlString(g)}${eol}`).join('')}`;
  const withDefaults = () => unique([...defaultConfig().checklists, ...wanted]);
  if (text.split(/\r\n|\r|\n/).every((line) => /^\s*(?:#.*)?$/.test(line)))
    return { text: `${withEol(text, eol)}${block(withDefaults())}`, added: withDefaults() };
  // The config's own reader decides, so the refusal names the problem the Problems view shows.
  const broken = parseYamlLocated(text).problems.find((p) => p.fatal);
  if (broken) return { refused: broken.message, line: broken.span.startPosition.line };
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { refused: 'it does not parse as YAML', line: doc.errors[0].linePos?.[0].line };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null))
    return { text: `${withEol(text, eol)}${block(withDefaults())}`, added: withDefaults() };
  if (!isMap(root)) return { refused: 'it is not a map of settings', line: lineOf(text, root.range?.[0]) };
  if (root.flow) return { refused: 'it is written as one flow map', line: lineOf(text, root.range?.[0]) };
  // Duplicate keys were refused above, by the config's reader.
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'checklists');
  if (!pair) return { text: `${withEol(text, eol)}${block(withDefaults())}`, added: withDefaults() };
  const value = pair.value;
  if (value === null || (isScalar(value) && value.value === null)) {
    // `checklists:` with nothing (or a comment) after it meant the defaults.
    const at = lineEnd(text, keyRange(pair)![1]);
    const added = withDefaults();
    return { text: `${text.slice(0, at)}${added.map((g) => `${eol}  - ${yamlString(g)}`).join('')}${text.slice(at)}`, added };
  }
  if (!isSeq(value)) return { refused: 'checklists: is not a list', line: lineOf(text, (value as { range?: number[] }).range?.[0]) };
  const listed = new Set(value.items.map((item) => (isScalar(item) ? String(item.value) : undefined)));
  // An empty list is invalid, so it too meant the defaults.
  const added = (value.items.length === 0 ? withDefaults() : wanted).filter((g) => !listed.has(g));
  if (added.length === 0) return { text, added };
  return { text: value.flow ? insertFlow(text, value, added) : insertBlock(text, value, added, eol), added };
}

function insertFlow(text: string, seq: YAMLSeq, added: readonly string[]): string {
  const entries = added.map(yamlString).join(', ');
  const close = text.lastIndexOf(']', seq.range![1]);
  if (seq.items.length === 0) {
    const open = text.lastIndexOf('[', close);
    return `${text.slice(0, open)}[${entries}]${text.slice(close + 1)}`;
  }
  const end = (seq.items[seq.items.length - 1] as { range?: [number, number, number] }).range![1];
  return `${text.slice(0, end)}, ${entries}${text.slice(end)}`;
}

function insertBlock(text: string, seq: YAMLSeq, added: readonly string[], eol: string): string {
  // The dash of the first entry sets the indent: `checklists:\n- a` and `checklists:\n    - a` both stay as they are.
  const firstStart = (seq.items[0] as { range?: [number, number, number] }).range![0];
  const dash = text.lastIndexOf('-', firstStart);
  const indent = dash - lineStart(text, dash);
  const last = seq.items[seq.items.length - 1] as { range?: [number, number, number] };
  const at = lineEnd(text, last.range![1]);
  return `${text.slice(0, at)}${added.map((g) => `${eol}${' '.repeat(indent)}- ${yamlString(g)}`).join('')}${text.slice(at)}`;
}

/**
 * A glob that names exactly one relative POSIX path: glob characters are put in brackets
 * (`[*]`), which both the editor's and the command line's matchers read as that one character.
 * Undefined for a path a glob cannot name safely (a segment starting with `!`, a `]` or `\`).
 */
export function globForPath(path: string): string | undefined {
  if (/[\]\\]/.test(path) || path.split('/').some((s) => s.startsWith('!') || s === '' || s === '.' || s === '..')) return undefined;
  return path.replace(/[*?[{}]/g, '[$&]');
}

/** A list entry as YAML: plain when it reads back as the same string, double-quoted otherwise. */
function yamlString(value: string): string {
  const plain =
    /^[\p{L}\p{N}_./][\p{L}\p{N} _./()+@-]*$/u.test(value) &&
    !/ $/.test(value) &&
    !/^(?:true|false|null|yes|no|on|off|y|n|~)$/i.test(value) &&
    !/^[-+]?(?:\d|\.\d)/.test(value);
  return plain ? value : JSON.stringify(value);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function keyRange(pair: Pair): [number, number, number] | undefined {
  return (pair.key as { range?: [number, number, number] }).range;
}

function lineOf(text: string, at: number | undefined): number | undefined {
  if (at === undefined) return undefined;
  return text.slice(0, at).split(/\r\n|\r|\n/).length;
}
