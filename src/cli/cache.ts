import { createHash } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Analysis, AnalysisLimits, LinkCheck, ReadinessConfig } from '../core';
import type { JobResult } from './analyzeJob';
import { VERSION } from './help';
import { fsErrorText, readFileSafe } from './readInput';
import { replaceFile } from './safeWrite';

/** Where `--cache` keeps its entries when `--cache-location` is not given (relative to the current folder, like ESLint's). */
export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'readiness');

/** Bumped whenever an entry's layout or what the key covers changes: older entries then never match. */
const FORMAT = 1;
/** The first bytes of every entry; anything else in the folder is foreign and ignored. */
const MAGIC = Buffer.from(`readiness-cache ${FORMAT}\n`, 'latin1');
const DIGEST_BYTES = 32;
/** Largest entry read back; a bigger file is not ours (the largest analysis is far smaller). */
const MAX_ENTRY_BYTES = 1 << 30;

/** The tool version the key holds (tests change it to prove a new version does not reuse entries). */
export const cacheSeam = { toolVersion: VERSION };

/** Everything one analysis reads besides the answers of `exists`. */
export interface CacheInputs {
  /** Absolute path of the checklist: names the entry, so each file has one entry that is rewritten as it changes. */
  file: string;
  text: string;
  config: ReadinessConfig;
  /** The checklist path the core sees (workspace-relative, POSIX). */
  path: string;
  limits: AnalysisLimits;
  today: string;
}

/** A cache of analyses across runs, one entry file per checklist. */
export interface AnalysisCache {
  /**
   * The cached analysis for `inputs` when the entry's key matches and every path the analysis
   * asked `exists` about still gets the same answer; otherwise a miss, whose `store` rewrites the
   * entry with the fresh analysis (and the questions it asked).
   */
  lookup(inputs: CacheInputs, exists: (path: string) => LinkCheck): CacheLookup;
}

/** The answer of `AnalysisCache.lookup`. */
export type CacheLookup = { hit: true; analysis: Analysis } | { hit: false; store(result: JobResult): void };

/** What an entry holds after its magic and digest (a v8 structured-clone payload, so `undefined` fields and shared objects survive). */
interface Entry {
  key: string;
  /** Every `exists` question the analysis asked, with its answer, in order. */
  checks: [string, LinkCheck][];
  analysis: Analysis;
}

/**
 * Opens the cache in `folder` (created on the first write). A missing, corrupt, truncated,
 * foreign or older entry is a miss and is rewritten; a failed write is one note on stderr and
 * never fails the run. Entries are replaced through a temporary file and a rename, so a run
 * reading while another writes sees the old entry or the new one, never a part.
 */
export function openCache(folder: string, stderr: (text: string) => void): AnalysisCache {
  const code = codeIdentity();
  let created = false;
  let warned = false;
  const note = (error: unknown): void => {
    if (warned) return;
    warned = true;
    stderr(`readiness: note: cannot write the cache in ${folder} (${fsErrorText(error)}); the check goes on without it\n`);
  };
  return {
    lookup(inputs, exists) {
      const key = cacheKey(inputs, code);
      const entryPath = join(folder, `${sha256(Buffer.from(inputs.file, 'utf8')).toString('hex')}.bin`);
      const cached = readEntry(entryPath);
      if (cached?.key === key && stillTrue(cached.checks, exists)) return { hit: true, analysis: cached.analysis };
      const store = ({ checks, analysis }: JobResult): void => {
        try {
          if (!created) mkdirSync(folder, { recursive: true });
          created = true;
          replaceFile(entryPath, encodeEntry({ key, checks, analysis }), { followLinks: false });
        } catch (error) {
          note(error);
        }
      };
      return { hit: false, store };
    },
  };
}

/**
 * The key of an analysis: the tool (version, this build, the Node engine that serialises
 * entries), the entry format, and every input of `analyzeChecklist` but `exists` (its answers are
 * checked one by one on a hit). `today` is in it because `overdue` reads it.
 */
function cacheKey(inputs: CacheInputs, code: string): string {
  const hash = createHash('sha256');
  hash.update(
    serialize([FORMAT, cacheSeam.toolVersion, code, process.versions.v8, inputs.config, inputs.path, inputs.limits, inputs.today]),
  );
  hash.update(inputs.text, 'utf8');
  return hash.digest('hex');
}

/**
 * The running code's files (the bundles, in a release: the CLI's and the core it loads on first
 * use): a rebuilt tool of the same version does not reuse entries.
 */
function codeIdentity(): string {
  return [__filename, join(__dirname, 'core.js')]
    .map((file) => {
      try {
        const stats = statSync(file);
        return `${file}:${stats.size}:${stats.mtimeMs}`;
      } catch {
        return file;
      }
    })
    .join('\n');
}

/**
 * The cached analysis is the one a fresh analysis would give when each question it asked gets
 * the same answer: the analysis is a function of its key's inputs and of those answers, so it
 * asks the same next question at every step. Any file system error is a miss.
 */
function stillTrue(checks: readonly [string, LinkCheck][], exists: (path: string) => LinkCheck): boolean {
  try {
    return checks.every(([path, answer]) => exists(path) === answer);
  } catch {
    return false;
  }
}

function encodeEntry(entry: Entry): Buffer {
  const payload = serialize(entry);
  return Buffer.concat([MAGIC, sha256(payload), payload]);
}

/** The entry at `path`, or undefined when it is missing, not ours, damaged or of another shape. */
function readEntry(path: string): Entry | undefined {
  const read = readFileSafe(path, { maxBytes: MAX_ENTRY_BYTES });
  if (!read.ok) return undefined;
  const bytes = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
  const head = MAGIC.length + DIGEST_BYTES;
  if (bytes.length <= head || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = bytes.subarray(head);
  if (!sha256(payload).equals(bytes.subarray(MAGIC.length, head))) return undefined;
  try {
    const entry: unknown = deserialize(payload);
    return isEntry(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Partial<Entry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.key === 'string' &&
    Array.isArray(entry.checks) &&
    entry.checks.every((c) => Array.isArray(c) && typeof c[0] === 'string') &&
    typeof entry.analysis === 'object' &&
    entry.analysis !== null &&
    typeof entry.analysis.checklist === 'object' &&
    Array.isArray(entry.analysis.findings)
  );
}

function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}
