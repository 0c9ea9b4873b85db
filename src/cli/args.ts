import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SETTABLE_STATES } from '../core/model';
import type { TargetState } from '../core/setState';
import { CliError } from './cliError';

/** `check` output formats. */
export type OutputFormat = 'text' | 'json';

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
}

/** `readiness set FILE ITEM STATE`. */
export interface SetArgs {
  command: 'set';
  file: string;
  item: string;
  state: TargetState;
}

/** Which help text to print. */
export type HelpTopic = 'main' | 'check' | 'set';

/** A parsed command line. */
export type CliArgs = CheckArgs | SetArgs | { command: 'help'; topic: HelpTopic } | { command: 'version' };

const FORMATS: readonly OutputFormat[] = ['text', 'json'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

/** Spellings `set` accepts besides the canonical states (shell-friendly: no slash, no dash). */
const STATE_ALIASES: Readonly<Record<string, TargetState>> = { inprogress: 'in-progress', na: 'n/a' };

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
    default:
      throw new CliError(first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`, HELP_HINT);
  }
}

function helpTopic(name: string | undefined): HelpTopic {
  if (name === undefined) return 'main';
  if (name === 'check' || name === 'set') return name;
  throw new CliError(`unknown command '${name}'`, HELP_HINT);
}

function parseCheck(argv: string[]): CliArgs {
  const { values, positionals } = parse(argv, 'check', {
    format: { type: 'string', short: 'f' },
    config: { type: 'string', short: 'c' },
    'fail-on': { type: 'string' },
    'no-color': { type: 'boolean' },
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
  };
}

function parseSet(argv: string[]): CliArgs {
  const { values, positionals } = parse(argv, 'set', { help: { type: 'boolean', short: 'h' } });
  if (values.help) return { command: 'help', topic: 'set' };
  if (positionals.length !== 3) {
    throw new CliError(`set takes 3 arguments (FILE ITEM STATE), got ${positionals.length}`, 'Run `readiness set --help` for usage.');
  }
  const [file, item, state] = positionals;
  return { command: 'set', file, item, state: parseState(state) };
}

/** Parses a state name, case-insensitively, with the `inprogress`/`na` aliases. */
export function parseState(value: string): TargetState {
  const key = value.trim().toLowerCase();
  const state = (SETTABLE_STATES as readonly string[]).includes(key) ? (key as TargetState) : STATE_ALIASES[key];
  if (state === undefined) {
    throw new CliError(`unknown state '${value}' (expected ${SETTABLE_STATES.join(', ')})`);
  }
  return state;
}

type Options = NonNullable<ParseArgsConfig['options']>;

function parse<T extends Options>(argv: string[], command: string, options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new CliError(parseErrorMessage(error), `Run \`readiness ${command} --help\` for usage.`);
  }
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
