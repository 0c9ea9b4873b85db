/**
 * The status words and glyphs a team teaches: config `statuses:` (`.readiness.yml` or front
 * matter `readiness:`) and the terms a document's own "Status Legend" declares. Words match
 * case-insensitively, glyphs exactly (a trailing emoji variation selector aside), whatever
 * markup wraps them; taught entries win over the built-in tables of `readStatus`.
 */
import type { SettableState } from '../model/types';
import { skipEmojiModifiers } from '../text/emoji';

/** One taught status: the term as written, and the state it stands for. */
export interface VocabularyEntry {
  term: string;
  state: SettableState;
  /** `config`: taught by `statuses:`; `legend`: an unknown legend term, counted open. */
  source: 'config' | 'legend';
}

/** A matcher for taught statuses; build it with `buildVocabulary`. */
export interface StatusVocabulary {
  readonly entries: readonly VocabularyEntry[];
  /** Glyph terms without variation selectors, longest first. */
  readonly glyphs: readonly { glyph: string; entry: VocabularyEntry }[];
  /** Sticky, case-insensitive alternation of the word terms (longest first), or null. */
  readonly words: { pattern: RegExp; entries: VocabularyEntry[] } | null;
  /** Entries by `termKey`, for a whole value whose parts markup separates (`⚠️ **Needs work**`). */
  readonly byKey: ReadonlyMap<string, VocabularyEntry>;
  /** A string that differs whenever the vocabulary does. */
  readonly key: string;
}

/** A located token read from taught vocabulary (offsets into the text given). */
export interface VocabularyMatch {
  entry: VocabularyEntry;
  start: number;
  end: number;
  word: boolean;
}

/** True when a term holds a letter or digit (a word), false for a glyph. */
export function isWordTerm(term: string): boolean {
  return /[\p{L}\p{N}]/u.test(term);
}

/** A term reduced for comparison: NFKC, trimmed, spaces collapsed, lower case for words, no variation selectors for glyphs. */
export function termKey(term: string): string {
  const t = term
    .normalize('NFKC')
    .trim()
    .replace(/[\s\u00a0]+/g, ' ');
  return isWordTerm(t) ? t.toLowerCase() : t.replace(/\uFE0F/g, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Builds a matcher; the first entry for a term wins (callers put config entries first). */
export function buildVocabulary(entries: readonly VocabularyEntry[]): StatusVocabulary {
  const seen = new Set<string>();
  const kept: VocabularyEntry[] = [];
  for (const e of entries) {
    const k = termKey(e.term);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    kept.push(e);
  }
  const glyphs = kept
    .filter((e) => !isWordTerm(e.term))
    .map((entry) => ({ glyph: termKey(entry.term), entry }))
    .sort((a, b) => b.glyph.length - a.glyph.length);
  const wordEntries = kept.filter((e) => isWordTerm(e.term)).sort((a, b) => termKey(b.term).length - termKey(a.term).length);
  const words =
    wordEntries.length === 0
      ? null
      : {
          pattern: new RegExp(
            `(?:${wordEntries.map((e) => `(${termKey(e.term).split(' ').map(escapeRegExp).join('[\\s\\u00a0_-]+')})`).join('|')})(?![\\p{L}\\p{N}])`,
            'iuy',
          ),
          entries: wordEntries,
        };
  const key = kept.map((e) => `${termKey(e.term)}\u0001${e.state}\u0001${e.source}`).join('\u0000');
  const byKey = new Map(kept.map((e) => [termKey(e.term), e]));
  return { entries: kept, glyphs, words, byKey, key };
}

/** The empty vocabulary. */
export const NO_VOCABULARY: StatusVocabulary = buildVocabulary([]);

/** The taught token starting exactly at `at`, if any; words only when `words` is set. */
export function vocabularyAt(vocabulary: StatusVocabulary, raw: string, at: number, words: boolean): VocabularyMatch | null {
  for (const { glyph, entry } of vocabulary.glyphs) {
    if (raw.startsWith(glyph, at)) {
      const end = skipEmojiModifiers(raw, at + glyph.length);
      if (raw.charCodeAt(end) === 0x200d) continue;
      return { entry, start: at, end, word: false };
    }
    // The document may write the glyph with a variation selector the term lacks, or the other way round.
    const bare = raw.slice(at, at + glyph.length + 2).replace(/\uFE0F/g, '');
    if (bare.startsWith(glyph)) {
      let end = at;
      let matched = 0;
      while (matched < glyph.length && end < raw.length) {
        if (raw.charCodeAt(end) !== 0xfe0f) matched++;
        end++;
      }
      return { entry, start: at, end: skipEmojiModifiers(raw, end), word: false };
    }
  }
  if (!words || !vocabulary.words) return null;
  const { pattern, entries } = vocabulary.words;
  pattern.lastIndex = at;
  const m = pattern.exec(raw);
  if (!m) return null;
  const index = m.findIndex((group, i) => i > 0 && group !== undefined) - 1;
  return { entry: entries[index], start: at, end: at + m[0].length, word: true };
}
