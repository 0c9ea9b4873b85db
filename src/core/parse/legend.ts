/**
 * A document's own status vocabulary: a "Status Legend" (a bullet list or a table under a
 * heading or bold label saying legend, key, status meanings, 凡例, 图例 …) maps each status term
 * the document writes to a description. A term the tool already knows keeps its state; a term it
 * does not know counts as open wherever the document writes it, with one `unknown-status`
 * finding at its legend entry (a description is not a verdict). The legend applies to the whole
 * document, so the analyzer re-parses every section when a legend's terms change.
 */
import type { List, RootContent, Table } from 'mdast';
import type { ReadinessConfig } from '../config/types';
import { collectInline } from './inlineText';
import { plainStatusText, readStatusCell } from './readStatus';
import { stripLeadingEmoji, stripTrailingEmoji } from '../text/emoji';
import { buildVocabulary, NO_VOCABULARY, termKey, type StatusVocabulary, type VocabularyEntry } from './vocabulary';

/** One term a legend declares, located in the document text (absolute offsets). */
export interface LegendEntry {
  term: string;
  start: number;
  end: number;
}

/** A document's legend: its entries, and the indexes of the blocks that hold them (never items). */
export interface Legend {
  entries: LegendEntry[];
  blocks: number[];
}

const LEGEND_TITLE =
  /(?:^|[\s(])(?:legend|status (?:key|meanings?|definitions?|values?)|key to (?:the )?status(?:es)?)(?:$|[\s):])|^(?:status )?key:?$|凡例|图例|圖例|условные обозначения/iu;
const MAX_TERM = 40;

/** True when a heading's (or bold label's) text says it introduces a status legend. */
export function isLegendTitle(text: string): boolean {
  const core = stripTrailingEmoji(stripLeadingEmoji(text.normalize('NFKC').replace(/[*_`]/g, '').trim()))
    .replace(/[:：]$/, '')
    .trim()
    .toLowerCase();
  return core.length <= 60 && LEGEND_TITLE.test(core);
}

/**
 * The legends among `blocks[from, to)`: the first list or table after a legend heading (before
 * the next heading), or right after a bold legend label. Reads only those blocks, so a section's
 * legend is the same whether the section is parsed alone or as part of the whole document.
 */
export function legendOf(text: string, blocks: readonly RootContent[], from: number, to: number): Legend {
  const legend: Legend = { entries: [], blocks: [] };
  for (let i = from; i < to; i++) {
    const node = blocks[i];
    let j = -1;
    if (node.type === 'heading' && isLegendTitle(collectInline(node.children).text)) {
      for (let k = i + 1; k < to && blocks[k].type !== 'heading'; k++) {
        if (blocks[k].type === 'list' || blocks[k].type === 'table') {
          j = k;
          break;
        }
      }
    } else if (node.type === 'paragraph' && isBoldLabel(node) && isLegendTitle(collectInline(node.children).text)) {
      const next = blocks[i + 1];
      if (i + 1 < to && (next?.type === 'list' || next?.type === 'table')) j = i + 1;
    }
    if (j < 0) continue;
    const block = blocks[j];
    const entries = block.type === 'list' ? listEntries(text, block) : tableEntries(text, block as Table);
    if (entries.length === 0) continue;
    legend.entries.push(...entries);
    legend.blocks.push(j);
    i = j;
  }
  return legend;
}

function isBoldLabel(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false;
  const kids = node.children.filter((c) => !(c.type === 'text' && c.value.trim().replace(/[:：]/g, '') === ''));
  return kids.length === 1 && kids[0].type === 'strong';
}

/** `- \`Verify\`: checked in the console`, `- ⚠️ = needs review`, `- **Partial** — groundwork exists`. */
function listEntries(text: string, list: List): LegendEntry[] {
  const out: LegendEntry[] = [];
  for (const item of list.children) {
    const first = item.children[0];
    if (first?.type !== 'paragraph') continue;
    const start = first.position?.start.offset ?? 0;
    const raw = text.slice(start, first.position?.end.offset ?? start).split(/\r\n|\r|\n/)[0];
    const plain = plainStatusText(raw);
    const separated = /^(.+?)\s*(?:[:：=]|\s[-–—]\s|[–—])/u.exec(plain);
    const term = (separated ? separated[1] : (/^[^\p{L}\p{N}\s]+(?=\s|$)/u.exec(plain)?.[0] ?? '')).trim();
    const entry = located(term, raw, start);
    if (entry) out.push(entry);
  }
  return out;
}

/** A table whose first column holds the terms (its header row names the columns). */
function tableEntries(text: string, table: Table): LegendEntry[] {
  const out: LegendEntry[] = [];
  if ((table.children[0]?.children.length ?? 0) < 2) return out;
  for (const row of table.children.slice(1)) {
    const cell = row.children[0];
    const start = cell?.position?.start.offset;
    const end = cell?.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    const raw = text.slice(start, end).replace(/^\|/, '').replace(/\|$/, '');
    const entry = located(plainStatusText(raw), raw, start + (text[start] === '|' ? 1 : 0));
    if (entry) out.push(entry);
  }
  return out;
}

function located(term: string, raw: string, offset: number): LegendEntry | null {
  if (term === '' || term.length > MAX_TERM) return null;
  const at = raw.indexOf(term);
  const start = at >= 0 ? offset + at : offset;
  return { term, start, end: at >= 0 ? start + term.length : offset + raw.trimEnd().length };
}

/** True when the built-in tables read a legend term as a status (it keeps that state). */
export function isBuiltInStatus(term: string): boolean {
  const cell = readStatusCell(term);
  return cell.kind === 'known' || cell.kind === 'options';
}

/** Config `statuses:` as vocabulary entries. */
function configEntries(config: ReadinessConfig): VocabularyEntry[] {
  return Object.entries(config.statuses ?? {}).map(([term, state]) => ({ term, state, source: 'config' as const }));
}

const byConfig = new WeakMap<ReadinessConfig['statuses'], StatusVocabulary>();

/**
 * The vocabulary a document is read with: config `statuses:` first (they win), then its legend's
 * terms the built-in tables do not know, counted open.
 */
export function documentVocabulary(config: ReadinessConfig, legend: readonly LegendEntry[]): StatusVocabulary {
  const taught = configEntries(config);
  const unknown = legend.filter((e) => !isBuiltInStatus(e.term));
  if (unknown.length === 0) {
    if (taught.length === 0) return NO_VOCABULARY;
    const cached = byConfig.get(config.statuses);
    if (cached) return cached;
    const vocabulary = buildVocabulary(taught);
    byConfig.set(config.statuses, vocabulary);
    return vocabulary;
  }
  return buildVocabulary([...taught, ...unknown.map((e) => ({ term: e.term, state: 'open' as const, source: 'legend' as const }))]);
}

/** The legend entries that need an `unknown-status` finding: unknown to the built-in tables and not taught by the config. */
export function unknownLegendEntries(config: ReadinessConfig, legend: readonly LegendEntry[]): LegendEntry[] {
  const taught = new Set(Object.keys(config.statuses ?? {}).map(termKey));
  return legend.filter((e) => !taught.has(termKey(e.term)) && !isBuiltInStatus(e.term));
}
