/**
 * Safe, located YAML: parses untrusted YAML (config files, front matter) with the `yaml`
 * package's safe options after a cheap lexical screen for hostile nesting and alias counts,
 * and maps data paths back to source spans.
 */
import { CST, Lexer, isAlias, isMap, isNode, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Alias, Document, DocumentOptions, Node, Pair, ParseOptions, Range, SchemaOptions } from 'yaml';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../model/types';

/** Where a YAML text starts inside a larger text (offset plus 1-based line and column). */
export interface TextBase {
  offset: number;
  line: number;
  column: number;
}

/** A data path: map keys and list indices. */
export type DataPath = readonly (string | number)[];

/** A problem with the YAML itself (syntax, unsupported tag, resource limit), located in the outer text. */
export interface YamlProblem {
  message: string;
  span: Span;
  /** What the problem spoils: some top-level entries (by key), the whole document, or nothing (reported only). */
  scope: string[] | 'document' | 'none';
  /** Syntax errors and refusals mean the text does not parse; an unsupported tag does not. */
  fatal: boolean;
}

/** Parsed YAML with the means to locate data paths in the source. */
export interface LocatedYaml {
  /** The plain data (undefined when the text was refused or could not be converted). */
  value: unknown;
  problems: YamlProblem[];
  /** Span of the node holding the value at `path` (or of its key when the value is empty). */
  valueSpan(path: DataPath): Span;
  /** Span of the key `key` in the map at `path`. */
  keySpan(path: DataPath, key: string): Span;
}

/** Nesting bound beyond which a text is refused before parsing (real configs stay under 15). */
export const MAX_YAML_DEPTH = 64;
/** Alias (`*name`) count beyond which a text is refused before parsing. */
export const MAX_YAML_ALIASES = 50;
/** Token count beyond which a text is refused before parsing (a 200-line config has about 1,500). */
export const MAX_YAML_TOKENS = 10_000;

const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  customTags: [],
  resolveKnownTags: false,
  merge: true,
  stringKeys: true,
  // The package's own check is quadratic in the number of keys; duplicateKeys() is linear.
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  // Not 'silent': that also drops the multiple-documents error. 'error' keeps warnings off the console.
  logLevel: 'error',
};

/** Parses YAML text that starts at `base` in its outer text. Never throws. */
export function parseYamlLocated(text: string, base: TextBase = { offset: 0, line: 1, column: 1 }): LocatedYaml {
  const index = new LineIndex(text);
  const span = (start: number, end: number): Span => {
    const s = Math.min(Math.max(0, start), text.length);
    return shift(index.span(s, Math.min(Math.max(s, end), text.length)), base);
  };
  const refused = (message: string, start: number, end: number): LocatedYaml => ({
    value: undefined,
    problems: [{ message, span: span(start, end), scope: 'document', fatal: true }],
    valueSpan: () => span(0, 0),
    keySpan: () => span(0, 0),
  });

  let doc: Document.Parsed;
  try {
    const limit = screen(text);
    if (limit) return refused(limit.message, limit.start, limit.end);
    // yaml treats only \n and \r\n as line breaks; a lone \r (same length) keeps offsets intact.
    doc = parseDocument(text.replace(/\r(?!\n)/g, '\n'), PARSE_OPTIONS);
  } catch (e) {
    return refused(`the YAML could not be read (${errorText(e)})`, 0, 0);
  }

  const problems: YamlProblem[] = [];
  const scopeAt = topLevelScope(doc, index);
  for (const err of doc.errors) {
    const [start, end] = err.pos;
    const scope = err.code === 'MULTIPLE_DOCS' ? 'none' : scopeAt(start, true);
    problems.push({ message: yamlMessage(err.code, err.message, text.slice(start, end)), span: span(start, end), scope, fatal: true });
  }
  for (const [start, end] of duplicateKeys(doc)) {
    problems.push({
      message: yamlMessage('DUPLICATE_KEY', '', text.slice(start, end)),
      span: span(start, end),
      scope: scopeAt(start, false),
      fatal: true,
    });
  }
  for (const warn of doc.warnings) {
    const [start, end] = warn.pos;
    problems.push({
      message: yamlMessage(warn.code, warn.message, text.slice(start, end)),
      span: span(start, end),
      scope: scopeAt(start, false),
      fatal: false,
    });
  }

  let value: unknown;
  let aliases: Alias[] = [];
  try {
    aliases = collectAliases(doc);
    const unknown = aliases.find((alias) => !alias.resolve(doc));
    const cycle = unknown ? undefined : aliases.find((alias) => containsItself(doc, alias));
    if (unknown || cycle) {
      const alias = (unknown ?? cycle) as Alias;
      const r = rangeOf(alias) ?? [0, 0];
      const message = unknown
        ? `unknown alias *${alias.source}: no anchor &${alias.source} comes before it`
        : `alias *${alias.source} refers to a node that contains it; circular data is not allowed`;
      problems.push({ message, span: span(r[0], r[1]), scope: 'document', fatal: true });
    } else {
      value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    }
  } catch (e) {
    const bomb = /alias count/i.test(errorText(e));
    const r = (bomb && rangeOf(aliases[0])) || [0, 0];
    const message = bomb
      ? 'aliases expand to too much data (an alias bomb?); write the values out instead'
      : `the YAML could not be read (${errorText(e)})`;
    if (bomb || !problems.some((p) => p.fatal)) problems.push({ message, span: span(r[0], r[1]), scope: 'document', fatal: true });
    value = undefined;
  }

  // Block collections end after their last line break; a span should end at the content.
  const trimmed = (start: number, end: number): Span => {
    let e = end;
    while (e > start && /\s/.test(text[e - 1])) e--;
    return span(start, e);
  };
  const nodeSpan = (node: unknown, pair: Pair | null): Span => {
    const r = rangeOf(node);
    const k = rangeOf(pair?.key);
    if (r && r[1] > r[0]) return trimmed(r[0], r[1]);
    if (k) return trimmed(k[0], k[1]);
    return r ? span(r[0], r[0]) : span(0, 0);
  };
  return {
    value,
    problems,
    valueSpan(path) {
      const { node, pair } = walk(doc, path);
      return nodeSpan(node, pair);
    },
    keySpan(path, key) {
      const { node, pair } = walk(doc, path);
      const map = isAlias(node) ? node.resolve(doc) : node;
      if (isMap(map)) {
        const own = findPair(map.items, key);
        if (own) return nodeSpan(own.key, null);
        const merge = findPair(map.items, '<<');
        if (merge) return nodeSpan(merge.value, merge);
      }
      return nodeSpan(node, pair);
    },
  };
}

/** Cheap upper bounds on nesting depth and alias count from the lexer alone, so the recursive composer never sees hostile input. */
function screen(text: string): { message: string; start: number; end: number } | null {
  const indents: number[] = [];
  let offset = 0;
  let flow = 0;
  let indicators = 0;
  let indent = 0;
  let lineStart = true;
  let scalarNext = false;
  let aliases = 0;
  let tokens = 0;
  for (const token of new Lexer().lex(text)) {
    if (++tokens > MAX_YAML_TOKENS) {
      return { message: `the YAML is too large to read safely (more than ${MAX_YAML_TOKENS} tokens)`, start: offset, end: offset };
    }
    if (token === '\x02' || token === '\x18') continue;
    const start = offset;
    if (token === '\x1f') {
      scalarNext = true;
    } else {
      offset += token.length;
      if (scalarNext) {
        scalarNext = false;
        continue;
      }
      const type = CST.tokenType(token);
      if (type === 'newline') {
        lineStart = true;
        indicators = 0;
        indent = 0;
        continue;
      }
      if (type === 'space' && lineStart) indent = token.length;
      if (type === 'space' || type === 'comment') continue;
      if (type === 'doc-start') indents.length = 0;
      if (type === 'alias' && ++aliases > MAX_YAML_ALIASES) {
        return { message: `too many aliases (more than ${MAX_YAML_ALIASES}); write the values out instead`, start, end: offset };
      }
      if (type === 'flow-map-start' || type === 'flow-seq-start') flow++;
      else if (type === 'flow-map-end' || type === 'flow-seq-end') flow = Math.max(0, flow - 1);
      else if (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind') indicators++;
    }
    if (lineStart && flow === 0) {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
    }
    lineStart = false;
    // A block level can share its parent's indent (a list under a key), hence the factor 2.
    if (2 * indents.length + indicators + flow > MAX_YAML_DEPTH) {
      return { message: `the YAML is nested too deeply (more than ${MAX_YAML_DEPTH} levels)`, start, end: Math.max(offset, start + 1) };
    }
  }
  return null;
}

/**
 * Maps an offset to the top-level entries a problem there spoils. The parser often notices an
 * unclosed value only at the next key, so a problem on a key can also spoil the entry before it;
 * and entries that start later on the problem's line are spoiled too.
 */
function topLevelScope(doc: Document.Parsed, index: LineIndex): (offset: number, onKeyBlamesPrevious: boolean) => YamlProblem['scope'] {
  const root = doc.contents;
  if (!isMap(root)) return () => 'document';
  const entries = root.items.map((pair) => ({
    range: rangeOf(pair.key),
    key: isScalar(pair.key) ? String(pair.key.value) : null,
  }));
  const end = root.range[2];
  const allKeyed = entries.every((e) => e.range);
  return (offset, onKeyBlamesPrevious) => {
    if (offset >= end || !allKeyed) return 'document';
    // Last entry whose key starts at or before the offset.
    let lo = -1;
    let hi = entries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((entries[mid].range as Range)[0] <= offset) lo = mid;
      else hi = mid - 1;
    }
    if (lo < 0) return 'document';
    const hit = [lo];
    if (onKeyBlamesPrevious && offset < (entries[lo].range as Range)[1] && lo > 0) hit.push(lo - 1);
    const sameLineEnd = index.lineEnd(index.positionAt(offset).line);
    for (let i = lo + 1; i < entries.length && (entries[i].range as Range)[0] < sameLineEnd; i++) hit.push(i);
    const keys = hit.map((i) => entries[i].key);
    return keys.includes(null) ? 'document' : (keys as string[]);
  };
}

/** Ranges of keys repeated within one map (merge keys `<<` may repeat). */
function duplicateKeys(doc: Document.Parsed): [number, number][] {
  const out: [number, number][] = [];
  visit(doc, {
    Map: (_, map) => {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const r = rangeOf(pair.key);
        if (!isScalar(pair.key) || !r) continue;
        const key = String(pair.key.value);
        if (seen.has(key) && key !== '<<') out.push([r[0], r[1]]);
        seen.add(key);
      }
    },
  });
  return out;
}

function collectAliases(doc: Document.Parsed): Alias[] {
  const aliases: Alias[] = [];
  visit(doc, { Alias: (_, node) => void aliases.push(node) });
  return aliases;
}

/** An alias inside the node it refers to would make the data circular. */
function containsItself(doc: Document.Parsed, alias: Alias): boolean {
  const source = rangeOf(alias.resolve(doc));
  const own = rangeOf(alias);
  return Boolean(source && own && source[0] <= own[0] && own[1] <= source[1]);
}

/** Follows a data path through the document; stops at the deepest node it can reach (or a merge `<<` the key came from). */
function walk(doc: Document.Parsed, path: DataPath): { node: Node | null; pair: Pair | null } {
  let node: Node | null = doc.contents;
  let pair: Pair | null = null;
  for (const segment of path) {
    const target: Node | null | undefined = isAlias(node) ? node.resolve(doc) : node;
    if (isMap(target)) {
      const found = findPair(target.items, String(segment));
      if (!found) {
        const merge = findPair(target.items, '<<');
        return merge ? { node: merge.value as Node | null, pair: merge } : { node, pair };
      }
      pair = found;
      node = found.value as Node | null;
    } else if (isSeq(target) && typeof segment === 'number' && segment < target.items.length) {
      pair = null;
      node = target.items[segment] as Node | null;
    } else {
      return { node, pair };
    }
  }
  return { node, pair };
}

function findPair(items: Pair[], key: string): Pair | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const k = items[i].key;
    if (isScalar(k) && String(k.value) === key) return items[i];
  }
  return undefined;
}

function rangeOf(node: unknown): Range | null {
  return isNode(node) && node.range ? node.range : null;
}

function yamlMessage(code: string, message: string, source: string): string {
  const shown = source.length > 40 ? `${source.slice(0, 40)}…` : source;
  switch (code) {
    case 'TAG_RESOLVE_FAILED':
      return `unsupported tag ${shown}: tags are not allowed, write a plain value`;
    case 'DUPLICATE_KEY':
      return `duplicate key ${JSON.stringify(shown)}: each key may appear only once`;
    case 'MULTIPLE_DOCS':
      return 'only one YAML document is allowed; remove the second "---" and what follows';
    case 'NON_STRING_KEY':
      return 'keys must be plain strings';
    default:
      return `invalid YAML: ${message.replace(/\s+/g, ' ').trim()}`;
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function shift(s: Span, base: TextBase): Span {
  const pos = (p: Span['startPosition']) => ({
    line: base.line + p.line - 1,
    column: p.line === 1 ? base.column + p.column - 1 : p.column,
  });
  return { start: base.offset + s.start, end: base.offset + s.end, startPosition: pos(s.startPosition), endPosition: pos(s.endPosition) };
}
