/**
 * Reads `.readiness.yml` and front matter `readiness:` blocks into a `ReadinessConfig`. Every
 * problem becomes one `config-invalid` finding at the offending YAML node; invalid parts fall
 * back to the defaults (or to the file's config, for front matter) and valid parts are kept.
 */
import type { ErrorObject } from 'ajv';
import configSchema from '../../../schemas/readiness-config.schema.json';
import { defaultConfig, type CriticalSelector, type ReadinessConfig, type RunbookLink } from './types';
import { validateConfig } from './generated/validators';
import type { Span } from '../model/types';
import { RULE_BY_ID, RULE_IDS, type Finding, type RuleSetting } from '../model/ruleTable';
import { parseYamlLocated, type DataPath, type LocatedYaml, type TextBase, type YamlProblem } from './yamlLocated';

/** Result of reading a config: the effective config (defaults where invalid/missing) and located findings. */
export interface ConfigResult {
  config: ReadinessConfig;
  findings: Finding[];
}

/** At most this many findings per file; the rest are summed up in one more. */
export const MAX_CONFIG_FINDINGS = 100;

/** Keys that only mean something in `.readiness.yml`, not in front matter. */
const FILE_ONLY_KEYS = ['checklists', '$schema'];

/** Parse `.readiness.yml` text. Spans are in that text (1-based line/column, UTF-16 offsets). */
export function parseConfigText(text: string): ConfigResult {
  const yaml = parseYamlLocated(text);
  const findings = yaml.problems.map((p) => finding(p.message, p.span));
  const spoiled = spoiledKeys(yaml.problems);
  if (spoiled === 'document' || yaml.value === null || yaml.value === undefined) {
    return { config: defaultConfig(), findings: capped(findings, 0) };
  }
  const value = isRecord(yaml.value) ? withoutKeys(yaml.value, spoiled) : yaml.value;
  const block = readBlock(value, yaml, { at: [], label: '', rootName: 'the configuration', frontMatter: false });
  return { config: mergeConfig(defaultConfig(), block.overrides), findings: capped([...findings, ...block.findings], block.hidden) };
}

/**
 * Apply the front matter's `readiness:` block (already-parsed front matter YAML text, located at `base` within the checklist)
 * over `base` config. Returns also the parsed front matter value (null if it does not parse). Findings are located in the
 * CHECKLIST text (add base offsets).
 */
export function applyFrontMatter(config: ReadinessConfig, yamlText: string, base: TextBase): ConfigResult & { data: unknown } {
  const yaml = parseYamlLocated(yamlText, base);
  const fatal = yaml.problems.filter((p) => p.fatal);
  if (fatal.length > 0 || yaml.value === undefined) {
    return {
      config,
      findings: capped(
        fatal.map((p) => finding(p.message, p.span)),
        0,
      ),
      data: null,
    };
  }
  const data = yaml.value;
  if (!isRecord(data) || !Object.hasOwn(data, 'readiness')) return { config, findings: [], data };
  // Problems elsewhere in the front matter (a tag on `date:`) are not configuration problems.
  const inBlock = yaml.problems.filter((p) => Array.isArray(p.scope) && p.scope.includes('readiness'));
  if (inBlock.length > 0)
    return {
      config,
      findings: capped(
        inBlock.map((p) => finding(p.message, p.span)),
        0,
      ),
      data,
    };
  const block = readBlock(data.readiness, yaml, { at: ['readiness'], label: 'readiness', rootName: 'readiness', frontMatter: true });
  return { config: mergeConfig(config, block.overrides), findings: capped(block.findings, block.hidden), data };
}

/** What a config file or front matter block sets. Lists replace; maps merge key by key. */
interface ConfigOverrides {
  checklists?: string[];
  critical?: CriticalSelector[];
  evidence?: Partial<ReadinessConfig['evidence']>;
  runbooks?: Partial<ReadinessConfig['runbooks']>;
  rules?: ReadinessConfig['rules'];
  statuses?: ReadinessConfig['statuses'];
}

interface BlockContext {
  /** Path of the block in the YAML document. */
  at: DataPath;
  /** Prefix of paths in messages. */
  label: string;
  /** How messages name the block itself. */
  rootName: string;
  frontMatter: boolean;
}

/** One schema problem: at a value, or at a key of the map at `path`. */
interface SchemaProblem {
  path: DataPath;
  key?: string;
  message: string;
}

/** Validates a block; `hidden` counts problems beyond the finding cap, which are not located. */
function readBlock(
  value: unknown,
  yaml: LocatedYaml,
  ctx: BlockContext,
): { findings: Finding[]; hidden: number; overrides: ConfigOverrides } {
  let problems = validateConfig(value) ? [] : schemaProblems(validateConfig.errors ?? [], value, ctx);
  if (ctx.frontMatter && isRecord(value)) {
    // One finding per file-only key, whatever its value.
    problems = problems.filter((p) => !FILE_ONLY_KEYS.includes(String(p.path[0])));
    for (const key of FILE_ONLY_KEYS.filter((k) => Object.hasOwn(value, k))) {
      problems.push({ path: [], key, message: `${JSON.stringify(key)} cannot be set in front matter; set it in .readiness.yml` });
    }
  }
  const shown = problems.slice(0, MAX_CONFIG_FINDINGS);
  const findings = shown.map((p) =>
    finding(p.message, p.key === undefined ? yaml.valueSpan([...ctx.at, ...p.path]) : yaml.keySpan([...ctx.at, ...p.path], p.key)),
  );
  const hidden = problems.length - shown.length;
  const removed = problems.map((p) => (p.key === undefined ? p.path : [...p.path, p.key]));
  if (removed.some((r) => r.length === 0) || !isRecord(value)) return { findings, hidden, overrides: {} };
  const overrides = extract(value, removed);
  if (ctx.frontMatter) delete overrides.checklists;
  return { findings, hidden, overrides };
}

/** Turns ajv errors into one problem per offending node, each with a message saying what is expected. */
function schemaProblems(errors: readonly ErrorObject[], value: unknown, ctx: BlockContext): SchemaProblem[] {
  const byNode = new Map<string, SchemaProblem>();
  const missing = new Map<string, string[]>();
  const withUnknownKeys = new Set<string>();
  for (const e of errors) {
    const path = dataPath(e.instancePath, value);
    const here = valueAt(value, path);
    const name = pathLabel(ctx, path);
    const schema = schemaAt(path);
    if (e.keyword === 'additionalProperties') {
      const key = String(e.params.additionalProperty);
      withUnknownKeys.add(e.instancePath);
      byNode.set(`${e.instancePath}\0${key}`, { path, key, message: unknownKeyMessage(key, path, schema, ctx) });
    } else if (e.keyword === 'required') {
      const list = missing.get(e.instancePath) ?? [];
      list.push(String(e.params.missingProperty));
      missing.set(e.instancePath, list);
      byNode.set(e.instancePath, { path, message: `${name} is missing ${list.map((k) => JSON.stringify(k)).join(' and ')}` });
    } else if (!byNode.has(e.instancePath)) {
      byNode.set(e.instancePath, { path, message: valueMessage(e, name, here, path, schema) });
    }
  }
  // An unknown key already explains a selector with too many keys.
  return [...byNode.entries()].filter(([id, p]) => !(withUnknownKeys.has(id) && p.key === undefined && !missing.has(id))).map(([, p]) => p);
}

function valueMessage(e: ErrorObject, name: string, here: unknown, path: DataPath, schema: SchemaNode | undefined): string {
  const got = describe(here);
  switch (e.keyword) {
    case 'type':
      return `${name} must be ${path.length === 0 ? 'a map of settings' : noun(String(e.params.type))} (got ${got})`;
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const hint = typeof here === 'string' ? didYouMean(here, allowed) : undefined;
      return `${name} must be one of ${allowed.join(', ')} (got ${got}${hint ? `; did you mean ${JSON.stringify(hint)}?` : ''})`;
    }
    case 'minItems':
      return `${name} must not be empty`;
    case 'minProperties':
    case 'maxProperties': {
      const keys = Object.keys(schema?.properties ?? {});
      const present = isRecord(here) ? Object.keys(here) : [];
      return `${name} must have exactly one of ${keys.join(', ')} (got ${present.length === 0 ? 'none' : present.join(' and ')})`;
    }
    case 'pattern':
      return `${name} ${schema?.patternErrorMessage ?? `must match ${String(e.params.pattern)}`} (got ${got})`;
    default:
      return `${name} ${e.message ?? 'is invalid'}`;
  }
}

function unknownKeyMessage(key: string, path: DataPath, schema: SchemaNode | undefined, ctx: BlockContext): string {
  const known = Object.keys(schema?.properties ?? {});
  const shown = JSON.stringify(truncate(key));
  if (path.length === 1 && path[0] === 'rules') {
    const hint = didYouMean(key, known);
    return `unknown rule ${shown}${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ` (known rules: ${known.join(', ')})`}`;
  }
  const where = path.length > 0 || ctx.frontMatter ? ` in ${pathLabel(ctx, path)}` : '';
  const candidates =
    path.length === 0 ? [...known.filter((k) => !(ctx.frontMatter && FILE_ONLY_KEYS.includes(k))), ...nestedKeys()] : known;
  const hint = didYouMean(key, candidates) ?? (path.length === 0 ? nestedKeys().find((k) => k.endsWith(`.${key}`)) : undefined);
  const shownKnown = candidates.filter((k) => !k.includes('.') && k !== '$schema');
  return `unknown key ${shown}${where}${hint ? ` (did you mean ${JSON.stringify(hint)}?)` : ` (expected one of ${shownKnown.join(', ')})`}`;
}

let nested: string[] | undefined;

/** `evidence.required`, `rules.overdue` …: keys users put at the top level by mistake. */
function nestedKeys(): string[] {
  if (!nested) {
    nested = [];
    for (const [key, sub] of Object.entries((configSchema as SchemaNode).properties ?? {})) {
      for (const inner of Object.keys(resolve(sub)?.properties ?? {})) nested.push(`${key}.${inner}`);
    }
  }
  return nested;
}

/** Builds the overrides from validated data, skipping every removed path (an invalid list entry drops only that entry). */
function extract(value: Record<string, unknown>, removed: readonly DataPath[]): ConfigOverrides {
  const key = (path: DataPath) => JSON.stringify(path);
  const gone = new Set(removed.map(key));
  const touched = new Set(removed.flatMap((r) => r.map((_, i) => key(r.slice(0, i + 1)))));
  const underRemoved = (path: DataPath) => path.some((_, i) => gone.has(key(path.slice(0, i + 1))));
  const clean = (path: DataPath) => !touched.has(key(path)) && !underRemoved(path);
  const scalar = <T>(path: DataPath): T | undefined => {
    const v = valueAt(value, path);
    return v !== undefined && clean(path) ? (v as T) : undefined;
  };
  const list = <T>(path: DataPath, copy: (v: T) => T): T[] | undefined => {
    const v = valueAt(value, path);
    if (!Array.isArray(v) || underRemoved(path)) return undefined;
    const kept = v.filter((_, i) => clean([...path, i])) as T[];
    // A list whose every entry is invalid keeps the default rather than becoming empty.
    return kept.length === 0 && v.length > 0 ? undefined : kept.map(copy);
  };
  const out: ConfigOverrides = {};
  const checklists = list<string>(['checklists'], (s) => s);
  if (checklists) out.checklists = checklists;
  const critical = list<CriticalSelector>(['critical'], (s) => ({ ...s }));
  if (critical) out.critical = critical;
  const evidence = definedOnly({
    required: scalar<ReadinessConfig['evidence']['required']>(['evidence', 'required']),
    dir: scalar<string>(['evidence', 'dir']),
  });
  if (evidence) out.evidence = evidence;
  const runbooks = definedOnly({
    dirs: list<string>(['runbooks', 'dirs'], (s) => s),
    links: list<RunbookLink>(['runbooks', 'links'], (l) => ({ match: l.match, path: l.path })),
  });
  if (runbooks) out.runbooks = runbooks;
  const rules: ReadinessConfig['rules'] = {};
  for (const id of RULE_IDS) {
    const setting = scalar<RuleSetting>(['rules', id]);
    if (setting !== undefined) rules[id] = setting;
  }
  if (Object.keys(rules).length > 0) out.rules = rules;
  const statuses = valueAt(value, ['statuses']);
  if (isRecord(statuses) && !underRemoved(['statuses'])) {
    const kept: ReadinessConfig['statuses'] = {};
    for (const term of Object.keys(statuses)) {
      const state = scalar<ReadinessConfig['statuses'][string]>(['statuses', term]);
      if (state !== undefined) Object.defineProperty(kept, term, { value: state, enumerable: true, writable: true, configurable: true });
    }
    if (Object.keys(kept).length > 0) out.statuses = kept;
  }
  return out;
}

function mergeConfig(base: ReadinessConfig, o: ConfigOverrides): ReadinessConfig {
  return {
    checklists: [...(o.checklists ?? base.checklists)],
    critical: (o.critical ?? base.critical).map((s) => ({ ...s })),
    evidence: { ...base.evidence, ...o.evidence },
    runbooks: {
      dirs: [...(o.runbooks?.dirs ?? base.runbooks.dirs)],
      links: (o.runbooks?.links ?? base.runbooks.links).map((l) => ({ ...l })),
    },
    rules: { ...base.rules, ...o.rules },
    statuses: mergeStatuses(base.statuses, o.statuses),
    baseDir: base.baseDir,
  };
}

/** Statuses merge term by term (a later spelling of a term, in any case, replaces the earlier one). */
function mergeStatuses(base: ReadinessConfig['statuses'], over: ReadinessConfig['statuses'] | undefined): ReadinessConfig['statuses'] {
  const out: ReadinessConfig['statuses'] = {};
  const put = (term: string, state: ReadinessConfig['statuses'][string]) =>
    Object.defineProperty(out, term, { value: state, enumerable: true, writable: true, configurable: true });
  for (const [term, state] of Object.entries(base)) put(term, state);
  for (const [term, state] of Object.entries(over ?? {})) {
    const same = Object.keys(out).find((k) => k.toLowerCase() === term.toLowerCase());
    if (same !== undefined) delete out[same];
    put(term, state);
  }
  return out;
}

/** The top-level keys YAML problems spoil, or the whole document. */
function spoiledKeys(problems: readonly YamlProblem[]): Set<string> | 'document' {
  const keys = new Set<string>();
  for (const p of problems) {
    if (p.scope === 'document') return 'document';
    if (Array.isArray(p.scope)) p.scope.forEach((k) => keys.add(k));
  }
  return keys;
}

function finding(message: string, span: Span): Finding {
  return { rule: 'config-invalid', severity: RULE_BY_ID.get('config-invalid')?.defaultSeverity ?? 'error', message, span };
}

/** Sorts findings and keeps the first MAX_CONFIG_FINDINGS, plus one that counts the rest. */
function capped(findings: Finding[], hidden: number): Finding[] {
  const sorted = [...findings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const shown = sorted.slice(0, MAX_CONFIG_FINDINGS);
  const rest = sorted.length + hidden - shown.length;
  if (rest <= 0) return sorted;
  const at = sorted[Math.min(MAX_CONFIG_FINDINGS, sorted.length - 1)].span;
  return [...shown, finding(`${rest} more configuration problem${rest === 1 ? '' : 's'} not shown`, at)];
}

// --- schema lookup --------------------------------------------------------------------------

interface SchemaNode {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  patternErrorMessage?: string;
  definitions?: Record<string, SchemaNode>;
}

/** The config schema node describing the value at `path` ($refs merged under the node's own keys). */
function schemaAt(path: DataPath): SchemaNode | undefined {
  let node = resolve(configSchema as SchemaNode);
  for (const segment of path) {
    node = resolve(typeof segment === 'number' ? node?.items : node?.properties?.[segment]);
  }
  return node;
}

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  const ref = node?.$ref?.match(/^#\/definitions\/([^/]+)$/)?.[1];
  const target = ref ? (configSchema as SchemaNode).definitions?.[ref] : undefined;
  return target ? { ...target, ...node, $ref: undefined } : node;
}

// --- data paths and wording ----------------------------------------------------------------

/** Decodes an ajv instance path, turning list indices into numbers. */
function dataPath(pointer: string, value: unknown): DataPath {
  const out: (string | number)[] = [];
  let here = value;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(here) ? Number(segment) : segment;
    out.push(key);
    here = valueAt(here, [key]);
  }
  return out;
}

function valueAt(value: unknown, path: DataPath): unknown {
  let here = value;
  for (const segment of path) {
    if (Array.isArray(here) && typeof segment === 'number') here = here[segment];
    else if (isRecord(here) && Object.hasOwn(here, segment)) here = here[segment];
    else return undefined;
  }
  return here;
}

function pathLabel(ctx: BlockContext, path: DataPath): string {
  if (path.length === 0) return ctx.rootName;
  let out = ctx.label;
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(truncate(segment))}]`;
  }
  return out;
}

function noun(type: string): string {
  return (
    { array: 'a list', object: 'a map', string: 'a string', boolean: 'true or false', integer: 'a whole number', number: 'a number' }[
      type
    ] ?? type
  );
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'an empty value';
  if (typeof v === 'string') return JSON.stringify(truncate(v));
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return String(v);
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** The closest candidate (case-insensitive edit distance, or a prefix), if close enough to be a likely typo. */
function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (word.length === 0 || word.length > 64) return undefined;
  const w = word.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(w.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    const d = w.length >= 3 && lc.startsWith(w) ? 0.5 : distance(w, lc, limit);
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, row[j]);
    }
    if (rowMin > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function withoutKeys(value: Record<string, unknown>, keys: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    if (!keys.has(k)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

function definedOnly<T extends object>(o: T): Partial<T> | undefined {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}
