import { strict as assert } from 'node:assert';
import { parseCliArgs, parseState } from '../../src/cli/args';
import { CliError } from '../../src/cli/cliError';

describe('parseCliArgs', () => {
  it('parses check with defaults and options', () => {
    assert.deepEqual(parseCliArgs(['check']), {
      command: 'check',
      paths: [],
      format: 'text',
      config: undefined,
      failOn: 'error',
      noColor: false,
      maxChars: 2_000_000,
      cache: undefined,
      blame: false,
    });
    assert.deepEqual(
      parseCliArgs(['check', 'a.md', '-f', 'json', '--config=c.yml', '--fail-on', 'never', '--no-color', '--max-size', '6.5', 'docs']),
      {
        command: 'check',
        paths: ['a.md', 'docs'],
        format: 'json',
        config: 'c.yml',
        failOn: 'never',
        noColor: true,
        maxChars: 6_500_000,
        cache: undefined,
        blame: false,
      },
    );
    for (const bad of ['0', 'big', '1e9', '5000'])
      assert.throws(() => parseCliArgs(['check', '--max-size', bad]), /--max-size must be a number/);
    const odd = parseCliArgs(['check', '--', '--odd-name.md']);
    assert.ok(odd.command === 'check' && odd.paths[0] === '--odd-name.md');
  });

  it('parses set, help and version', () => {
    assert.deepEqual(parseCliArgs(['set', 'f.md', '12', 'in-progress']), {
      command: 'set',
      file: 'f.md',
      item: '12',
      state: 'in-progress',
      force: false,
    });
    assert.equal((parseCliArgs(['set', 'f.md', '12', 'done', '--force']) as { force: boolean }).force, true);
    assert.deepEqual(parseCliArgs(['--version']), { command: 'version' });
    assert.deepEqual(parseCliArgs(['-h']), { command: 'help', topic: 'main' });
    assert.deepEqual(parseCliArgs(['check', '-h']), { command: 'help', topic: 'check' });
    assert.deepEqual(parseCliArgs(['help', 'set']), { command: 'help', topic: 'set' });
  });

  it('parses every check format, report and init', () => {
    for (const format of ['text', 'json', 'compact', 'sarif', 'junit', 'github', 'markdown']) {
      assert.equal((parseCliArgs(['check', '--format', format]) as { format: string }).format, format);
    }
    assert.deepEqual(parseCliArgs(['report', 'docs', '-o', 'r.html', '--title', 'Go-live']), {
      command: 'report',
      paths: ['docs'],
      out: 'r.html',
      config: undefined,
      title: 'Go-live',
      maxChars: 2_000_000,
      cache: undefined,
      history: false,
    });
    assert.deepEqual(parseCliArgs(['report']), {
      command: 'report',
      paths: [],
      out: undefined,
      config: undefined,
      title: undefined,
      maxChars: 2_000_000,
      cache: undefined,
      history: false,
    });
    assert.deepEqual(parseCliArgs(['init']), { command: 'init', folder: undefined, template: 'service', force: false });
    assert.deepEqual(parseCliArgs(['init', 'svc', '-t', 'web-frontend', '--force']), {
      command: 'init',
      folder: 'svc',
      template: 'web-frontend',
      force: true,
    });
    assert.deepEqual(parseCliArgs(['help', 'report']), { command: 'help', topic: 'report' });
    assert.equal((parseCliArgs(['check', '--blame']) as { blame: boolean }).blame, true);
    assert.equal((parseCliArgs(['report', '--history']) as { history: boolean }).history, true);
    assert.deepEqual(parseCliArgs(['history', 'a.md', '--since', '2026-11-01', '-n', '20', '-f', 'csv']), {
      command: 'history',
      paths: ['a.md'],
      format: 'csv',
      config: undefined,
      since: '2026-11-01',
      maxCount: 20,
      maxChars: 2_000_000,
    });
    assert.deepEqual(parseCliArgs(['help', 'history']), { command: 'help', topic: 'history' });
    for (const bad of ['0', '-3', 'many', '1.5'])
      assert.throws(() => parseCliArgs(['history', '--max-count', bad]), /--max-count must be a whole number/);
    assert.throws(() => parseCliArgs(['history', '--format', 'sarif']), /invalid --format 'sarif' \(expected text, json, csv\)/);
    assert.deepEqual(parseCliArgs(['init', '-h']), { command: 'help', topic: 'init' });
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
      [['check', '--format', 'xml'], "invalid --format 'xml' (expected text, json, compact, sarif, junit, github, markdown)"],
      [['init', '--template', 'mobile'], "invalid --template 'mobile' (expected service, web-frontend, data-pipeline)"],
      [['init', 'a', 'b'], 'init takes at most one folder, got 2'],
      [['report', '--out'], "option '--out' needs a value"],
      [['set', 'f.md', 'x', 'done', 'extra'], 'set takes 3 arguments (FILE ITEM STATE), got 4'],
      [['help', 'lint'], "unknown command 'lint'"],
    ];
    for (const [argv, message] of cases) {
      assert.throws(
        () => parseCliArgs(argv),
        (e: unknown) => e instanceof CliError && e.message === message,
        argv.join(' '),
      );
    }
  });
});

describe('parseState', () => {
  it('accepts the states, case-insensitively, and the inprogress/na aliases', () => {
    assert.deepEqual(['done', 'Open', 'in-progress', 'N/A', 'inprogress', 'na'].map(parseState), [
      'done',
      'open',
      'in-progress',
      'n/a',
      'in-progress',
      'n/a',
    ]);
    assert.throws(() => parseState('untracked'), CliError);
  });
});
