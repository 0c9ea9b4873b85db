import { strict as assert } from 'node:assert';
import { parseCliArgs, parseState } from '../../src/cli/args';
import { CliError } from '../../src/cli/cliError';

describe('parseCliArgs', () => {
  it('parses check with defaults and options', () => {
    assert.deepEqual(parseCliArgs(['check']), { command: 'check', paths: [], format: 'text', config: undefined, failOn: 'error', noColor: false });
    assert.deepEqual(parseCliArgs(['check', 'a.md', '-f', 'json', '--config=c.yml', '--fail-on', 'never', '--no-color', 'docs']), {
      command: 'check',
      paths: ['a.md', 'docs'],
      format: 'json',
      config: 'c.yml',
      failOn: 'never',
      noColor: true,
    });
    const odd = parseCliArgs(['check', '--', '--odd-name.md']);
    assert.ok(odd.command === 'check' && odd.paths[0] === '--odd-name.md');
  });

  it('parses set, help and version', () => {
    assert.deepEqual(parseCliArgs(['set', 'f.md', '12', 'in-progress']), { command: 'set', file: 'f.md', item: '12', state: 'in-progress' });
    assert.deepEqual(parseCliArgs(['--version']), { command: 'version' });
    assert.deepEqual(parseCliArgs(['-h']), { command: 'help', topic: 'main' });
    assert.deepEqual(parseCliArgs(['check', '-h']), { command: 'help', topic: 'check' });
    assert.deepEqual(parseCliArgs(['help', 'set']), { command: 'help', topic: 'set' });
  });

  it('throws CliError with a short message for what it does not understand', () => {
    const cases: [string[], string][] = [
      [[], 'no command given'],
      [['lint'], "unknown command 'lint'"],
      [['--verbose'], "unknown option '--verbose'"],
      [['check', '-x'], "unknown option '-x'"],
      [['check', '--no-color=1'], "option '--no-color' takes no value"],
      [['check', '--config'], "option '--config' needs a value"],
      [['check', '--config='], "option '--config' needs a value"],
      [['check', '--format', 'sarif'], "invalid --format 'sarif' (expected text, json)"],
      [['set', 'f.md', 'x', 'done', 'extra'], 'set takes 3 arguments (FILE ITEM STATE), got 4'],
      [['help', 'lint'], "unknown command 'lint'"],
    ];
    for (const [argv, message] of cases) {
      assert.throws(() => parseCliArgs(argv), (e: unknown) => e instanceof CliError && e.message === message, argv.join(' '));
    }
  });
});

describe('parseState', () => {
  it('accepts the states, case-insensitively, and the inprogress/na aliases', () => {
    assert.deepEqual(['done', 'Open', 'in-progress', 'N/A', 'inprogress', 'na'].map(parseState), ['done', 'open', 'in-progress', 'n/a', 'in-progress', 'n/a']);
    assert.throws(() => parseState('untracked'), CliError);
  });
});
