/**
 * What the block parsers share while building a section: the text, its line index, the path and
 * config, link definitions and the status tokens seen so far; and `makeItem`, the one place an
 * item is made from what a block parser found (text, marker, links, owner, due date).
 */
import type { Link, LinkReference, Nodes } from 'mdast';
import type { ReadinessConfig } from '../config/types';
import { collectInline, collapseWhitespace } from './inlineText';
import { cleanItemLabel, hasCriticalMarker, idFromHtml, readDue, readOwner, splitIdAttribute } from './itemMeta';
import type { LineIndex } from '../text/lineIndex';
import { configRelative, isUnderFolder, resolveLinkTarget } from './linkTargets';
import type {
  ItemKind,
  ItemState,
  LinkRef,
  MalformedBox,
  ReadinessItem,
  SettableState,
  StatusMarker,
  TokenFamily,
  UsedTokens,
} from '../model/types';
import { findMojibake, mayContainMojibake, repairMojibake } from '../text/mojibake';
import type { StatusVocabulary } from './vocabulary';

/** Shared state of one parse. */
export interface ParseContext {
  text: string;
  index: LineIndex;
  /** Checklist path, workspace-relative POSIX. */
  path: string;
  config: ReadinessConfig;
  /** Link reference definitions: mdast identifier → destination. */
  definitions: Map<string, string>;
  /** Status tokens the document already uses, per family and state (for edits that match the document's style). */
  usedTokens: UsedTokens;
  /** Taught statuses (config `statuses:` and the document's legend); none when absent. */
  vocabulary?: StatusVocabulary;
  /**
   * Whether the checklist has tracked items (default true). Documentation bullets (`Key: value`
   * metadata, definitions) are items only in a checklist without any, and prose bullets are.
   */
  tracked?: boolean;
  /** Set while building when some bullet's item-ness depended on `tracked`. */
  readTracked?: boolean;
  /** The heading the blocks being read sit under defines terms (glossary, definitions). */
  definesTerms?: boolean;
}

/** Where parsed items go. */
export interface ItemSink {
  items: ReadinessItem[];
}

/** Items are parsed without a place in the hierarchy; the assembly gives them their category path. */
const NO_PATH: string[] = [];
const NO_TEXTS: string[] = [];

/** What a block parser knows about a new item. */
export interface ItemSource {
  kind: ItemKind;
  state: ItemState;
  marker: StatusMarker;
  start: number;
  end: number;
  /** Phrasing nodes holding the item's text. */
  textNodes: readonly Nodes[];
  /** Further nodes whose links belong to the item (table cells, explanation bullets). */
  linkNodes?: readonly Nodes[];
  /** Plain text to use instead of the text of `textNodes` (table cells reduce HTML first). */
  text?: string;
  /** Raw Markdown searched for inline critical markers. */
  raw: string;
  /** Cut this many characters of plain text off the front (a status glyph already read). */
  skipPrefix?: (text: string) => string;
  critical?: boolean;
  owner?: string | null;
  due?: string | null;
  unknownStatus?: string;
  malformedBox?: MalformedBox;
}

/** Text with mojibake repaired (cheap when there is none). */
export function repaired(text: string): string {
  return mayContainMojibake(text) ? repairMojibake(text) : text;
}

/** Remembers a status token the document uses. */
export function noteToken(ctx: ParseContext, family: TokenFamily, state: SettableState, token: string): void {
  const byState = (ctx.usedTokens[family] ??= {});
  byState[state] ??= repaired(token);
}

/** Builds an item (id is provisional until the document is complete). */
export function makeItem(ctx: ParseContext, source: ItemSource): ReadinessItem {
  const inline = collectInline(source.textNodes);
  let plain = source.text ?? collapseWhitespace(repaired(inline.text));
  if (source.skipPrefix) plain = collapseWhitespace(source.skipPrefix(plain));
  const split = splitIdAttribute(plain);
  const explicitId = idFromHtml(inline.html) ?? split.id;
  const text = split.text.trim();
  const linkNodes = [...inline.links];
  for (const extra of source.linkNodes ?? []) linkNodes.push(...collectLinks(extra));
  const { evidence, runbooks, references } = classifyLinks(ctx, linkNodes, text, source.start);
  const position = ctx.index.positionAt(source.start);
  const owner = source.owner ?? readOwner(text);
  const due = source.due ?? readDue(text);
  const linkTexts = linkNodes.length === 0 ? NO_TEXTS : linkNodes.map((node) => collectInline(node.children).text);
  const marked = hasCriticalMarker(source.raw);
  return {
    id: explicitId ?? '',
    explicitId: explicitId !== null,
    text,
    label: cleanItemLabel(text, owner, due, linkTexts, marked),
    state: source.state,
    critical: source.critical === true || marked,
    kind: source.kind,
    line: position.line,
    column: position.column,
    span: ctx.index.span(source.start, source.end),
    marker: source.marker,
    owner,
    due,
    evidence,
    runbooks,
    references,
    children: [],
    categoryPath: NO_PATH,
    ...(source.unknownStatus !== undefined ? { unknownStatus: source.unknownStatus } : {}),
    ...(source.malformedBox !== undefined ? { malformedBox: source.malformedBox } : {}),
  };
}

function collectLinks(node: Nodes): (Link | LinkReference)[] {
  if (node.type === 'link' || node.type === 'linkReference') return [node];
  if (!('children' in node)) return [];
  return collectInline(node.children as Nodes[]).links;
}

function classifyLinks(ctx: ParseContext, nodes: readonly (Link | LinkReference)[], itemText: string, itemStart: number) {
  const evidence: LinkRef[] = [];
  const runbooks: LinkRef[] = [];
  const references: string[] = [];
  for (const node of nodes) {
    const destination = node.type === 'link' ? node.url : ctx.definitions.get(node.identifier);
    if (destination === undefined) continue;
    const target = resolveLinkTarget(destination, ctx.path);
    if (target.kind === 'anchor') continue;
    if (target.kind === 'external') {
      references.push(target.url);
      continue;
    }
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const ref: LinkRef = {
      target: destination,
      resolved: target.kind === 'workspace' ? target.path : null,
      exists: null,
      outside: target.kind === 'outside',
      span: ctx.index.span(start, end),
    };
    const linkText = collectInline(node.children).text;
    const isRunbook =
      (ref.resolved !== null && isUnderFolder(ref.resolved, ctx.config.runbooks.dirs)) ||
      /runbook|playbook/i.test(`${linkText} ${destination}`);
    (isRunbook ? runbooks : evidence).push(ref);
  }
  const lowered = itemText.toLowerCase();
  for (const link of ctx.config.runbooks.links) {
    if (link.match.trim() === '' || !lowered.includes(link.match.toLowerCase())) continue;
    if (runbooks.some((r) => r.target === link.path)) continue;
    // Paths in the config are relative to the config file's folder; the link has no text of
    // its own, so findings about it point at the item.
    const target = resolveLinkTarget(link.path, configRelative(ctx.config));
    runbooks.push({
      target: link.path,
      resolved: target.kind === 'workspace' ? target.path : null,
      exists: null,
      outside: target.kind === 'outside',
      span: ctx.index.span(itemStart, itemStart),
    });
  }
  return { evidence, runbooks, references };
}

/**
 * Reads a status token from raw Markdown that may hold mojibake (`âœ…`): the reader sees the
 * repaired text and the token's offsets are mapped back onto the raw text, so an edit
 * replaces the mis-decoded bytes as a whole.
 */
export function readThroughMojibake<T extends { start: number; end: number; text: string }>(
  raw: string,
  read: (text: string) => T | null,
): T | null {
  if (!mayContainMojibake(raw)) return read(raw);
  const runs = findMojibake(raw);
  if (runs.length === 0) return read(raw);
  const token = read(repairMojibake(raw));
  if (!token) return null;
  const toRaw = (offset: number, isEnd: boolean): number => {
    let delta = 0;
    for (const run of runs) {
      const repStart = run.start + delta;
      const repEnd = repStart + run.repaired.length;
      if (offset < repStart || (isEnd && offset === repStart)) break;
      if (offset < repEnd || (isEnd && offset === repEnd)) return isEnd ? run.end : run.start;
      delta += run.repaired.length - (run.end - run.start);
    }
    return offset - delta;
  };
  const start = toRaw(token.start, false);
  const end = toRaw(token.end, true);
  return { ...token, start, end, text: raw.slice(start, end) };
}
