import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  DEFAULT_LIMITS,
  DEFAULT_TEMPLATE,
  type ReportFormat,
  SETTABLE_STATES,
  type SettableState,
  TEMPLATE_IDS,
  type TemplateId,
} from './coreLite';
import { DEFAULT_CACHE_LOCATION } from './cache';
import { CliError } from './cliError';

/** `check` output formats: every report format but `html`, which is `readiness report`'s. */
export type OutputFormat = Exclude<ReportFormat, 'html'>;

/** The lowest severity that makes `check` exit 1; `never` never does. */
export type FailOn = 'error' | 'warning' | 'never';

/** `readiness check [paths…]`. */
export interface CheckArgs {
  command: 'check';
  paths: string[];
  format: OutputFormat;
  config: string | undefined;
  failOn: FailOn;
  noColor: boolean;
  /** Largest file analysed, in characters (`--max-size`, given in millions). */
  maxChars: number;
  /** `--cache`: the cache folder (`--cache-location`, else the default), or undefined without `--cache`. */
  cache: string | undefined;
  /** `--blame`: each item's last change of its marker, from `git blame`. */
  blame: boolean;
}

/** `history --format` values. */
export type HistoryFormat = 'text' | 'json' | 'csv';

/** `readiness history [paths…]`. */
export interface HistoryArgs {
  command: 'history';
  paths: string[];
  format: HistoryFormat;
  config: string | undefined;
  /** `--since`: passed to `git log --since` as given. */
  since: string | undefined;
  /** `--max-count`: the newest N commits. */
  maxCount: number | undefined;
  /** Largest file analysed, in characters (`--max-size`, given in millions). */
  maxChars: number;
}

/** `readiness set FILE ITEM STATE`. */
export interface SetArgs {
  command: 'set';
  file: string;
  item: string;
  state: SettableState;
  /** Set the state even when the evidence policy refuses it (`--force`). */
  force: boolean;
}

/** `readiness report [paths…] --out FILE`. */
export interface ReportArgs {
  command: 'report';
  paths: string[];
  /** The HTML file to write; undefined writes to stdout. */
  out: string | undefined;
  config: string | undefined;
  title: string | undefined;
  /** Largest file analysed, in characters (`--max-size`, given in millions). */
  maxChars: number;
  /** `--cache`: the cache folder (`--cache-location`, else the default), or undefined without `--cache`. */
  cache: string | undefined;
  /** `--history`: a burn-up chart per checklist and overall, from git. */
  history: boolean;
}

/** `readiness init [folder] --template NAME --force`. */
export interface InitArgs {
  command: 'init';
  /** The folder to write into (default: the current folder). */
  folder: string | undefined;
  template: TemplateId;
  force: boolean;
}

/** Which help text to print. */
export type HelpTopic = 'main' | 'check' | 'set' | 'report' | 'init' | 'history';

/** A parsed command line. */
export type CliArgs =
  CheckArgs | SetArgs | ReportArgs | InitArgs | HistoryArgs | { command: 'help'; topic: HelpTopic } | { command: 'version' };

/** Every `--format` value, in the order help lists them. */
export const FORMATS: readonly OutputFormat[] = ['text', 'json', 'compact', 'sarif', 'junit', 'github', 'markdown'];
const HELP_TOPICS: readonly HelpTopic[] = ['check', 'set', 'report', 'init', 'history'];
const HISTORY_FORMATS: readonly HistoryFormat[] = ['text', 'json', 'csv'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

/** Spellings `set` accepts besides the canonical states (shell-friendly: no slash, no dash). */
const STATE_ALIASES: Readonly<Record<string, SettableState>> = { inprogress: 'in-progress', na: 'n/a' };

const HELP_HINT = 'Run `readiness --help` for usage.';

/** Parses `process.argv.slice(2)`. Throws `CliError` for anything it does not understand. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const [first, ...rest] = argv;
  switch (first) {
    case undefined:
      throw new CliError('no command given', HELP_HINT);
    case '-h':
    case '--help':
      return { command: 'help', topic: 'main' };
    case '-v':
    case '--version':
      return { command: 'version' };
    case 'help':
      return { command: 'help', topic: helpTopic(rest[0]) };
    case 'check':
      return parseCheck(rest);
    case 'set':
      return parseSet(rest);
    case 'report':
      return parseReport(rest);
    case 'init':
      return parseInit(rest);
    case 'history':
      return parseHistory(rest);
    default:
      throw new CliError(first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`, HELP_HINT);
  }
}

function helpTopic(name: string | undefined): HelpTopic {
  if (name === undefined) return 'main';
  if ((HELP_TOPICS as readonly string[]).includes(name)) return name as HelpTopic;
  throw new CliError(`unknown command '${name}'`, HELP_HINT);
}

function parseCheck(argv: string[]): CliArgs {
  const { values, positionals } = parse(argv, 'check', {
    format: { type: 'string', short: 'f' },
    config: { type: 'string', short: 'c' },
    'fail-on': { type: 'string' },
    'no-color': { type: 'boolean' },
    'max-size': { type: 'string' },
    cache: { type: 'boolean' },
    'cache-location': { type: 'string' },
    blame: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'check' };
  return {
    command: 'check',
    paths: positionals,
    format: oneOf('--format', values.format, FORMATS, 'text'),
    config: nonEmpty('--config', values.config),
    failOn: oneOf('--fail-on', values['fail-on'], FAIL_ON, 'error'),
    noColor: values['no-color'] === true,
    maxChars: maxSize(values['max-size']),
    cache: cacheOption(values.cache, values['cache-location']),
    blame: values.blame === true,
  };
}

function parseHistory(argv: string[]): CliArgs {
  const { values, positionals } = parse(argv, 'history', {
    format: { type: 'string', short: 'f' },
    config: { type: 'string', short: 'c' },
    since: { type: 'string' },
    'max-count': { type: 'string', short: 'n' },
    'max-size': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'history' };
  const count = nonEmpty('--max-count', values['max-count']);
  if (count !== undefined && !/^[1-9]\d{0,8}$/.test(count.trim())) {
    throw new CliError(`--max-count must be a whole number of commits, at least 1, got '${count}'`, HELP_HINT);
  }
  const since = nonEmpty('--since', values.since);
  // git would read `--since=-x` as a date it cannot parse and show everything: refuse option-like values.
  if (since?.startsWith('-')) throw new CliError(`invalid --since '${since}' (a date such as 2026-11-01 or "2 weeks ago")`);
  return {
    command: 'history',
    paths: positionals,
    format: oneOf('--format', values.format, HISTORY_FORMATS, 'text'),
    config: nonEmpty('--config', values.config),
    since,
    maxCount: count === undefined ? undefined : Number(count.trim()),
    maxChars: maxSize(values['max-size']),
  };
}

/** The cache folder as given: `--cache-location` (which needs `--cache`), else the default; undefined without `--cache`. */
function cacheOption(cache: boolean | undefined, location: string | undefined): string | undefined {
  if (nonEmpty('--cache-location', location) !== undefined && cache !== true) {
    throw new CliError('--cache-location needs --cache', HELP_HINT);
  }
  return cache === true ? (location ?? DEFAULT_CACHE_LOCATION) : undefined;
}

/** `--max-size` in millions of characters (decimals allowed), as characters. */
function maxSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMITS.maxChars;
  const millions = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(millions > 0) || millions > 1000) {
    throw new CliError(
      `--max-size must be a number of millions of characters, more than 0 and at most 1000 (e.g. 2 or 0.5), got '${value}'`,
      HELP_HINT,
    );
  }
  return Math.round(millions * 1_000_000);
}

function parseSet(argv: string[]): CliArgs {
  const { values, positionals } = parse(argv, 'set', { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) return { command: 'help', topic: 'set' };
  if (positionals.length !== 3) {
    throw new CliError(`set takes 3 arguments (FILE ITEM STATE), got ${positionals.length}`, 'Run `readiness set --help` for usage.');
  }
  const [file, item, state] = positionals;
  return { command: 'set', file, item, state: parseState(state), force: values.force === true };
}

function parseReport(argv: string[]): CliArgs {
  const { values, positionals } = parse(argv, 'report', {
    out: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
    title: { type: 'string' },
    'max-size': { type: 'string' },
    cache: { type: 'boolean' },
    'cache-location': { type: 'string' },
    history: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'report' };
  return {
    command: 'report',
    paths: positionals,
    out: nonEmpty('--out', values.out),
    config: nonEmpty('--config', values.config),
    title: nonEmpty('--title', values.title),
    maxChars: maxSize(values['max-size']),
    cache: cacheOption(values.cache, values['cache-location']),
    history: values.history === true,
  };
}

function parseInit(argv: string[]): CliArgs {
  const { values, positionals } = parse(argv, 'init', {
    template: { type: 'string', short: 't' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { command: 'help', topic: 'init' };
  if (positionals.length > 1) {
    throw new CliError(`init takes at most one folder, got ${positionals.length}`, 'Run `readiness init --help` for usage.');
  }
  return {
    command: 'init',
    folder: positionals[0],
    template: oneOf('--template', values.template, TEMPLATE_IDS, DEFAULT_TEMPLATE),
    force: values.force === true,
  };
}

/** Parses a state name, case-insensitively, with the `inprogress`/`na` aliases. */
export function parseState(value: string): SettableState {
  const key = value.trim().toLowerCase();
  const state = (SETTABLE_STATES as readonly string[]).includes(key) ? (key as SettableState) : STATE_ALIASES[key];
  if (state === undefined) {
    throw new CliError(`unknown state '${value}' (expected ${SETTABLE_STATES.join(', ')})`);
  }
  return state;
}

type Options = NonNullable<ParseArgsConfig['options']>;

function parse<T extends Options>(argv: string[], command: string, options: T) {
  try {
    return parseArgs({ args: attachNegativeNumbers(argv, options), options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliError(parseErrorMessage(error), `Run \`readiness ${command} --help\` for usage.`);
  }
}

/**
 * `--max-size -1` as `--max-size=-1`: parseArgs would take `-1` for an option and say the option
 * "takes no value"; joined, the value reaches its own check and gets a message about the number.
 * No option starts with a digit, so nothing else changes.
 */
function attachNegativeNumbers(argv: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : undefined;
    if (argv[i] === '--') return [...out, ...argv.slice(i)];
    if (name !== undefined && options[name]?.type === 'string' && /^-\d/.test(argv[i + 1] ?? '')) out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

/** Node's parseArgs messages are long and mention internals; keep the part a user needs. */
function parseErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  // "Option '-c, --config <value>' argument missing": name the long form.
  const option = /'(?:-\w, )?(-{1,2}[^' ,]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option '${option}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return message.includes('argument missing') ? `option '${option}' needs a value` : `option '${option}' takes no value`;
  }
  return message;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`invalid ${flag} '${value}' (expected ${allowed.join(', ')})`);
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value === '') throw new CliError(`option '${flag}' needs a value`);
  return value;
}
