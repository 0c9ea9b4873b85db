// `--cache`: analyses reused across runs only while everything they read is unchanged.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FORMATS, parseCliArgs } from '../../src/cli/args';
import { cacheSeam, DEFAULT_CACHE_LOCATION } from '../../src/cli/cache';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/run';

const projectRoot = resolve(__dirname, '..', '..');
const corpus = resolve(projectRoot, '..', 'shared', 'corpus');

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function runIn(cwd: string, args: readonly string[], today = '2026-01-01'): Run {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdoutIsTTY: false, today };
  const status = runCli(args, io);
  return { status, stdout, stderr };
}

/** The entry files of a cache folder, each with its inode: a rewrite (temporary file + rename) changes the inode. */
function entries(folder: string): Map<string, number> {
  if (!existsSync(folder)) return new Map();
  return new Map(readdirSync(folder).map((name) => [name, statSync(join(folder, name)).ino]));
}

const CHECKLIST = [
  '# Service',
  '',
  '## Operations',
  '',
  '- [ ] Alerts tuned due: 2026-06-01',
  '- [x] Load tested [evidence](docs/evidence/load.md)',
  '',
].join('\n');

describe('cli: --cache', () => {
  let dir: string;
  let cacheDir: string;
  const check = (extra: readonly string[] = [], today?: string): Run =>
    runIn(dir, ['check', 'PRODUCTION_READINESS.md', '--format', 'compact', ...extra], today);
  const cached = (today?: string): Run => check(['--cache', '--cache-location', cacheDir], today);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'readiness-cache-'));
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'docs', 'evidence'), { recursive: true });
    writeFileSync(join(dir, 'PRODUCTION_READINESS.md'), CHECKLIST);
    cacheDir = join(dir, 'cache');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs with the cache; asserts whether the one entry was reused (same inode) and that the output equals a run without the cache. */
  function expectRun(reuse: boolean, today?: string): Run {
    const before = entries(cacheDir);
    const run = cached(today);
    const after = entries(cacheDir);
    assert.equal(after.size, 1);
    const [name, ino] = [...after][0];
    assert.equal(before.get(name) === ino, reuse, reuse ? 'expected a cache hit' : 'expected the entry to be rewritten');
    const fresh = check([], today);
    assert.deepEqual(run, fresh);
    return run;
  }

  it('is created on demand under node_modules/.cache/readiness by default, and reused', () => {
    const first = runIn(dir, ['check', 'PRODUCTION_READINESS.md', '--cache']);
    const folder = join(dir, DEFAULT_CACHE_LOCATION);
    assert.equal(entries(folder).size, 1);
    const before = entries(folder);
    const second = runIn(dir, ['check', 'PRODUCTION_READINESS.md', '--cache']);
    assert.deepEqual(entries(folder), before);
    assert.deepEqual(second, first);
    assert.equal(second.stderr, '');
  });

  it('is invalidated by the file, the config and the existence of a linked file', () => {
    // The evidence file is missing: evidence-broken on line 6.
    let run = expectRun(false);
    assert.match(run.stdout, /:6:\d+: warning: .*\[evidence-broken\]/);
    expectRun(true);

    // The file: the open item ticked; the second item's finding is still there.
    writeFileSync(join(dir, 'PRODUCTION_READINESS.md'), CHECKLIST.replace('- [ ] Alerts', '- [x] Alerts'));
    run = expectRun(false);
    assert.match(run.stdout, /\[evidence-broken\]/);
    expectRun(true);

    // The config: evidence-broken switched off.
    writeFileSync(join(dir, '.readiness.yml'), 'rules:\n  evidence-broken: "off"\n');
    run = expectRun(false);
    assert.doesNotMatch(run.stdout, /evidence-broken/);
    rmSync(join(dir, '.readiness.yml'));
    run = expectRun(false);
    assert.match(run.stdout, /\[evidence-broken\]/);

    // A linked file appears: the finding goes.
    writeFileSync(join(dir, 'docs', 'evidence', 'load.md'), '# Load test\n');
    run = expectRun(false);
    assert.doesNotMatch(run.stdout, /evidence-broken/);
    expectRun(true);
    rmSync(join(dir, 'docs', 'evidence', 'load.md'));
    run = expectRun(false);
    assert.match(run.stdout, /\[evidence-broken\]/);
  });

  it('is invalidated by the date (overdue) and by the tool version', () => {
    // Due 2026-06-01 and open: not overdue on 2026-05-31, overdue on 2026-06-02.
    let run = expectRun(false, '2026-05-31');
    assert.doesNotMatch(run.stdout, /overdue/);
    expectRun(true, '2026-05-31');
    run = expectRun(false, '2026-06-02');
    assert.match(run.stdout, /:5:\d+: warning: .*\[overdue\]/);

    const version = cacheSeam.toolVersion;
    try {
      cacheSeam.toolVersion = `${version}-next`;
      expectRun(false, '2026-06-02');
      expectRun(true, '2026-06-02');
    } finally {
      cacheSeam.toolVersion = version;
    }
    expectRun(false, '2026-06-02');
  });

  it('ignores and rewrites a corrupt, truncated or foreign entry', () => {
    expectRun(false);
    const [name] = [...entries(cacheDir)][0];
    const path = join(cacheDir, name);
    const good = readFileSync(path);
    const damaged: [string, Uint8Array][] = [
      ['truncated', good.subarray(0, Math.floor(good.length / 2))],
      ['only the header', good.subarray(0, 20)],
      ['empty', new Uint8Array(0)],
      ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)],
      ['one byte flipped', Uint8Array.from(good, (b, i) => (i === good.length - 10 ? b ^ 0xff : b))],
      ['JSON of another shape', Buffer.from(JSON.stringify({ checklist: null, findings: [] }))],
      ['an entry of another format', Buffer.concat([Buffer.from('readiness-cache 0\n'), good.subarray(good.indexOf(10) + 1)])],
    ];
    for (const [what, bytes] of damaged) {
      writeFileSync(path, bytes);
      const run = cached();
      assert.deepEqual(run, check([]), what);
      assert.deepEqual(readFileSync(path), good, `${what}: the entry is rewritten`);
    }
  });

  it('goes on without the cache when it cannot be written', () => {
    writeFileSync(cacheDir, 'a file where the folder should be');
    const run = cached();
    const fresh = check([]);
    assert.equal(run.status, fresh.status);
    assert.equal(run.stdout, fresh.stdout);
    assert.match(run.stderr, /^readiness: note: cannot write the cache in .*; the check goes on without it\n$/);
  });

  it('parses --cache and --cache-location', () => {
    const cacheOf = (argv: string[]): unknown => (parseCliArgs(argv) as { cache: unknown }).cache;
    assert.equal(cacheOf(['check']), undefined);
    assert.equal(cacheOf(['check', '--cache']), join('node_modules', '.cache', 'readiness'));
    assert.equal(cacheOf(['check', '--cache', '--cache-location', 'tmp/c']), 'tmp/c');
    assert.equal(cacheOf(['report', '--cache', '--cache-location=tmp/r']), 'tmp/r');
  });

  it('rejects --cache-location without --cache, and an empty one', () => {
    assert.equal(check(['--cache-location', cacheDir]).status, 2);
    assert.equal(check(['--cache', '--cache-location', '']).status, 2);
  });

  it('serves report --cache from the same entries', () => {
    const html = runIn(dir, ['report', 'PRODUCTION_READINESS.md', '--cache', '--cache-location', cacheDir]);
    const before = entries(cacheDir);
    assert.equal(before.size, 1);
    assert.deepEqual(runIn(dir, ['report', 'PRODUCTION_READINESS.md', '--cache', '--cache-location', cacheDir]), html);
    assert.deepEqual(entries(cacheDir), before);
    assert.deepEqual(runIn(dir, ['report', 'PRODUCTION_READINESS.md']), html);
  });

  it('leaves a readable cache when two processes write it at once', async () => {
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(dir, `c${i}.md`), CHECKLIST.replace('Alerts tuned', `Alerts tuned ${i}`));
    }
    const spawnCheck = (): Promise<{ code: number | null; stdout: string }> =>
      new Promise((done, fail) => {
        const child = spawn(
          process.execPath,
          [
            '--require',
            require.resolve('tsx/cjs'),
            join(projectRoot, 'src', 'cli', 'main.ts'),
            'check',
            '.',
            '--format',
            'json',
            '--cache',
            '--cache-location',
            cacheDir,
          ],
          { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
        child.on('error', fail);
        child.on('close', (code) => done({ code, stdout }));
      });
    const [a, b] = await Promise.all([spawnCheck(), spawnCheck()]);
    // Each checklist's due date is in the future and its evidence is missing: warnings only, exit 0.
    assert.equal(a.code, 0);
    assert.equal(b.code, 0);
    assert.equal(a.stdout, b.stdout);
    const files = readdirSync(cacheDir);
    assert.equal(
      files.length,
      7,
      `one entry per checklist (6 and PRODUCTION_READINESS.md) and no temporary files left: ${files.join(', ')}`,
    );
    const before = entries(cacheDir);
    const warm = await spawnCheck();
    assert.equal(warm.code, a.code);
    assert.equal(warm.stdout, a.stdout);
    assert.deepEqual(entries(cacheDir), before, 'every entry the two runs wrote is read back as a hit');
  });
});

describe('cli: --cache in the bundle (dist/cli.js)', function () {
  this.timeout(120_000);
  let dir: string;
  before(function () {
    if (!existsSync(join(projectRoot, 'dist', 'cli.js'))) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'readiness-cache-bundle-'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'PRODUCTION_READINESS.md'), CHECKLIST);
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('loads the core (dist/core.js: parser, YAML, schemas) only when something is analysed', () => {
    const run = () =>
      spawnSync(
        process.execPath,
        [join(projectRoot, 'dist', 'cli.js'), 'check', 'PRODUCTION_READINESS.md', '--cache', '--cache-location', 'cache'],
        {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, NODE_DEBUG: 'module', NO_COLOR: '1' },
        },
      );
    const loadsCore = (stderr: string) => /load "[^"]*[\\/]dist[\\/]core\.js"/.test(stderr);
    const cold = run();
    assert.ok(loadsCore(cold.stderr), 'the first run analyses the checklist with the core');
    const warm = run();
    assert.equal(warm.status, cold.status);
    assert.equal(warm.stdout, cold.stdout);
    assert.ok(!loadsCore(warm.stderr), 'a run served from the cache does not load the core');
  });
});

describe('cli: --cache on the corpus', function () {
  this.timeout(600_000);
  let cacheDir: string;
  before(function () {
    if (!existsSync(corpus)) this.skip();
    cacheDir = mkdtempSync(join(tmpdir(), 'readiness-cache-corpus-'));
  });
  after(() => cacheDir && rmSync(cacheDir, { recursive: true, force: true }));

  it('gives byte-identical output in every format from a warm cache', () => {
    const today = '2026-01-01';
    const cold = runIn(corpus, ['check', '.', '--format', 'json', '--cache', '--cache-location', cacheDir], today);
    const before = entries(cacheDir);
    assert.equal(before.size, readdirSync(corpus).filter((f) => /\.(md|markdown)$/.test(f)).length);
    for (const format of FORMATS) {
      const fresh = runIn(corpus, ['check', '.', '--format', format], today);
      const warm = runIn(corpus, ['check', '.', '--format', format, '--cache', '--cache-location', cacheDir], today);
      assert.deepEqual(warm, fresh, format);
      if (format === 'json') assert.deepEqual(warm, cold);
    }
    const html = runIn(corpus, ['report', '.'], today);
    assert.deepEqual(runIn(corpus, ['report', '.', '--cache', '--cache-location', cacheDir], today), html);
    assert.deepEqual(entries(cacheDir), before, 'every run after the first was served from the cache');
  });
});
