// Reliability of the CLI's writes and reads (issue 14): `set` under concurrency, outside edits and
// a full disk; readers never seeing a partial file; special files refused; UTF-16 written back;
// `init` never writing through a link. Child processes run a private bundle of src/cli/main.ts
// (dist/ belongs to the full build).
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { runCli } from '../../src/cli/run';
import { readFileSafe } from '../../src/cli/readInput';
import { SafeWriteError, updateFile, writeSeam } from '../../src/cli/safeWrite';

const projectRoot = resolve(__dirname, '..', '..');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A checklist of `count` open items, one per line, between a heading and a closing paragraph. */
function checklist(count: number): string {
  const items = Array.from({ length: count }, (_, i) => `- [ ] Item number ${i + 1} is ready\n`).join('');
  return `# Service readiness\n\nSome intro text that must survive.\n\n## Operations\n\n${items}\nClosing paragraph.\n`;
}

/** The 1-based line of item `n` (1-based) in `checklist(…)`: the items start on line 7. */
const itemLine = (n: number): number => 6 + n;

/** `text` with the open marker of the item on line `line` (1-based) replaced by `[x]`. */
function markedDone(text: string, ...lines: number[]): string {
  const out = text.split('\n');
  for (const line of lines) {
    assert.ok(out[line - 1].startsWith('- [ ] '), `line ${line} is an open item in the input`);
    out[line - 1] = `- [x] ${out[line - 1].slice(6)}`;
  }
  return out.join('\n');
}

/** Runs the CLI in this process (for the fault-injection seams), from `cwd`. */
function runHere(args: string[], cwd: string): Run {
  let stdout = '';
  let stderr = '';
  const status = runCli(args, {
    cwd,
    env: {},
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: false,
    today: '2026-01-15',
  });
  return { status, stdout, stderr };
}

/** The files in `folder`, sorted: no temporary or lock file may be left behind. */
const entries = (folder: string): string[] => readdirSync(folder).sort();

describe('reliability: safe writes and reads (CLI)', function () {
  let work: string;
  let cli: string;

  before(function () {
    work = mkdtempSync(join(tmpdir(), 'readiness-reliability-'));
    cli = join(work, 'cli.js');
    buildSync({
      entryPoints: [join(projectRoot, 'src', 'cli', 'main.ts')],
      outfile: cli,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'error',
    });
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  /** A fresh folder (with `.git`, so it is its own workspace root). */
  function folder(name: string): string {
    const dir = join(work, name);
    mkdirSync(join(dir, '.git'), { recursive: true });
    return dir;
  }

  /** Runs the bundled CLI as a child process, asynchronously. */
  function runChild(args: string[], cwd: string): Promise<Run> {
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', fail);
      child.on('close', (status) => done({ status, stdout, stderr }));
    });
  }

  function runChildSync(args: string[], cwd: string): Run {
    const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
    if (r.error) throw r.error;
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  const seam = { ...writeSeam };
  afterEach(() => Object.assign(writeSeam, seam));

  it('20 parallel `set` processes on different items of one file: all 20 changes land, every other byte kept', async () => {
    const dir = folder('parallel');
    const file = join(dir, 'PRODUCTION_READINESS.md');
    const original = checklist(20);
    writeFileSync(file, original);
    const lines = Array.from({ length: 20 }, (_, i) => itemLine(i + 1));
    const runs = await Promise.all(lines.map((line) => runChild(['set', 'PRODUCTION_READINESS.md', String(line), 'done'], dir)));
    for (const r of runs) assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(file, 'utf8'), markedDone(original, ...lines));
    assert.deepEqual(entries(dir), ['.git', 'PRODUCTION_READINESS.md']);
  });

  it('a file edited by another program while `set` writes keeps the other edit and gets the change', () => {
    const dir = folder('outside-edit');
    const file = join(dir, 'PRODUCTION_READINESS.md');
    const original = checklist(3);
    writeFileSync(file, original);
    const edited = original.replace('Some intro text that must survive.', 'Intro rewritten by an editor.\nWith a new line.');
    let edits = 0;
    writeSeam.beforeRename = () => {
      if (edits++ === 0) writeFileSync(file, edited);
    };
    const r = runHere(['set', 'PRODUCTION_READINESS.md', String(itemLine(2)), 'done'], dir);
    assert.equal(r.status, 0, r.stderr);
    // The editor's new line moved the item down by one; `set` still changed the same item.
    assert.equal(readFileSync(file, 'utf8'), markedDone(edited, itemLine(2) + 1));
    assert.deepEqual(entries(dir), ['.git', 'PRODUCTION_READINESS.md']);
  });

  it("a file that keeps changing under `set` is left with the other writer's bytes and a clear error", () => {
    const dir = folder('outside-edits');
    const file = join(dir, 'PRODUCTION_READINESS.md');
    writeFileSync(file, checklist(3));
    let edits = 0;
    let last = '';
    writeSeam.beforeRename = () => {
      last = checklist(3).replace('Closing paragraph.', `Closing paragraph, edit ${++edits}.`);
      writeFileSync(file, last);
    };
    const r = runHere(['set', 'PRODUCTION_READINESS.md', String(itemLine(1)), 'done'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot write PRODUCTION_READINESS\.md: the file kept changing .*nothing was written/);
    assert.equal(readFileSync(file, 'utf8'), last);
    assert.deepEqual(entries(dir), ['.git', 'PRODUCTION_READINESS.md']);
  });

  it('a full disk (ENOSPC mid-write) leaves the original intact and no temporary or lock file', () => {
    const dir = folder('enospc');
    const file = join(dir, 'PRODUCTION_READINESS.md');
    const original = checklist(5);
    writeFileSync(file, original);
    writeSeam.writeSync = (fd, data, offset, length) => {
      // Half of the bytes fit, then the disk is full.
      if (offset === 0 && length > 1) return writeSync(fd, data, 0, Math.floor(length / 2));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const r = runHere(['set', 'PRODUCTION_READINESS.md', String(itemLine(3)), 'done'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot write PRODUCTION_READINESS\.md: no space left on device/);
    assert.equal(readFileSync(file, 'utf8'), original);
    assert.deepEqual(entries(dir), ['.git', 'PRODUCTION_READINESS.md']);
  });

  it('a reader racing `set` writers only ever sees a whole file', async () => {
    const dir = folder('reader');
    const file = join(dir, 'PRODUCTION_READINESS.md');
    const original = checklist(10);
    writeFileSync(file, original);
    const lines = Array.from({ length: 10 }, (_, i) => itemLine(i + 1));
    let writing = true;
    let reads = 0;
    const partial: string[] = [];
    // Every whole version has the original's length and lines, some items marked `[x]` instead of `[ ]`.
    const whole = (text: string): boolean => text.length === original.length && text.replace(/^- \[x\] /gm, '- [ ] ') === original;
    const reader = (async () => {
      while (writing) {
        const text = readFileSync(file, 'utf8');
        reads++;
        if (!whole(text)) partial.push(text);
        await new Promise((r) => setImmediate(r));
      }
    })();
    // `check` processes read alongside: each must see all 10 items (an empty read once passed the gate with `no-items`).
    const checks = Array.from({ length: 4 }, () => runChild(['check', '--format', 'json', 'PRODUCTION_READINESS.md'], dir));
    const runs = await Promise.all(lines.map((line) => runChild(['set', 'PRODUCTION_READINESS.md', String(line), 'done'], dir)));
    writing = false;
    await reader;
    for (const r of runs) assert.equal(r.status, 0, r.stderr);
    for (const r of await Promise.all(checks)) {
      assert.notEqual(r.status, 2, r.stderr);
      const { progress } = (JSON.parse(r.stdout) as { summary: { progress: { done: number; open: number } } }).summary;
      assert.equal(progress.done + progress.open, 10);
    }
    assert.ok(reads > 0);
    assert.deepEqual(partial, []);
    assert.equal(readFileSync(file, 'utf8'), markedDone(original, ...lines));
  });

  it('keeps the file mode and writes through a symbolic link to its target, keeping the link', () => {
    const dir = folder('mode-link');
    const target = join(dir, 'docs', 'checklist.md');
    mkdirSync(join(dir, 'docs'));
    const original = checklist(2);
    writeFileSync(target, original);
    chmodSync(target, 0o640);
    symlinkSync(join('docs', 'checklist.md'), join(dir, 'PRODUCTION_READINESS.md'));
    const r = runHere(['set', 'PRODUCTION_READINESS.md', String(itemLine(1)), 'done'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(lstatSync(join(dir, 'PRODUCTION_READINESS.md')).isSymbolicLink());
    assert.equal(readlinkSync(join(dir, 'PRODUCTION_READINESS.md')), join('docs', 'checklist.md'));
    assert.equal(readFileSync(target, 'utf8'), markedDone(original, itemLine(1)));
    assert.equal(statSync(target).mode & 0o777, 0o640);
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = folder('stale-lock');
    const file = join(dir, 'PRODUCTION_READINESS.md');
    const original = checklist(2);
    writeFileSync(file, original);
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(`${file}.lock`, `${gone}\n${hostname()}\n0\n`);
    const r = runHere(['set', 'PRODUCTION_READINESS.md', String(itemLine(2)), 'done'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(file, 'utf8'), markedDone(original, itemLine(2)));
    assert.deepEqual(entries(dir), ['.git', 'PRODUCTION_READINESS.md']);
  });

  it('waits for a live lock, then fails with a clear message and writes nothing', () => {
    const dir = folder('live-lock');
    const file = join(dir, 'P.md');
    writeFileSync(file, 'before\n');
    writeFileSync(`${file}.lock`, `${process.pid}\n${hostname()}\n${Date.now()}\n`);
    assert.throws(
      () => updateFile(file, () => new TextEncoder().encode('after\n'), { lockTimeoutMs: 300 }),
      (error: unknown) => error instanceof SafeWriteError && error.code === 'ELOCKED' && /pid \d+.*remove P\.md\.lock/.test(error.message),
    );
    assert.equal(readFileSync(file, 'utf8'), 'before\n');
    assert.deepEqual(entries(dir), ['.git', 'P.md', 'P.md.lock']);
  });

  it('a full disk while `report --out` writes leaves the previous report whole', () => {
    const dir = folder('report-enospc');
    writeFileSync(join(dir, 'PRODUCTION_READINESS.md'), checklist(2));
    writeFileSync(join(dir, 'report.html'), 'previous report');
    writeSeam.writeSync = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const r = runHere(['report', '--out', 'report.html'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot write report\.html: no space left on device/);
    assert.equal(readFileSync(join(dir, 'report.html'), 'utf8'), 'previous report');
    assert.deepEqual(entries(dir), ['.git', 'PRODUCTION_READINESS.md', 'report.html']);
  });

  describe('special files are refused at once', function () {
    // No timing assertion: a read that blocks or runs away is caught by this timeout.
    this.timeout(20_000);

    it('/dev/zero behind a checklist name is refused, in-process and by `set`', function () {
      if (!existsSync('/dev/zero')) this.skip();
      const dir = folder('dev-zero');
      symlinkSync('/dev/zero', join(dir, 'P.md'));
      const read = readFileSafe(join(dir, 'P.md'));
      assert.deepEqual(read.ok ? 'read' : [read.kind, read.reason], ['not-regular', 'not a regular file (a character device)']);
      const r = runChildSync(['set', 'P.md', '1', 'done'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^readiness: cannot read P\.md: symbolic link to a file outside the workspace$/m);
    });

    it('a FIFO is refused without waiting for a writer', function () {
      const dir = folder('fifo');
      const fifo = join(dir, 'P.md');
      if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
      const read = readFileSafe(fifo);
      assert.deepEqual(read.ok ? 'read' : [read.kind, read.reason], ['not-regular', 'not a regular file (a FIFO)']);
      const r = runChildSync(['set', 'P.md', '1', 'done'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^readiness: cannot read P\.md: not a regular file \(a FIFO\)$/m);
    });

    it('stops reading at the size cap', () => {
      const dir = folder('cap');
      writeFileSync(join(dir, 'big.md'), 'x'.repeat(1000));
      const read = readFileSafe(join(dir, 'big.md'), { maxBytes: 999 });
      assert.deepEqual(read.ok ? 'read' : [read.kind, read.reason], ['too-large', 'larger than 999 bytes (the size limit)']);
      const fits = readFileSafe(join(dir, 'big.md'), { maxBytes: 1000 });
      assert.equal(fits.ok && fits.bytes.length, 1000);
    });
  });

  it('a checklist reached through a link leading outside the workspace is not read by `set`', () => {
    const dir = folder('outside-link');
    const outside = join(work, 'outside-secret.md');
    writeFileSync(outside, checklist(1));
    symlinkSync(outside, join(dir, 'PRODUCTION_READINESS.md'));
    const r = runHere(['set', 'PRODUCTION_READINESS.md', String(itemLine(1)), 'done'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read PRODUCTION_READINESS\.md: symbolic link to a file outside the workspace/);
    assert.equal(readFileSync(outside, 'utf8'), checklist(1));
  });

  for (const bigEndian of [false, true]) {
    it(`reads UTF-16 ${bigEndian ? 'BE' : 'LE'} with a BOM and writes it back byte-exact but the marker`, () => {
      const dir = folder(`utf16-${bigEndian ? 'be' : 'le'}`);
      const file = join(dir, 'PRODUCTION_READINESS.md');
      const text = '# Bereitschaft 🚀\r\n\r\n## Betrieb\r\n\r\n- [ ] Überwachung läuft\r\n- [ ] Rollback geübt ✅\r\n';
      const encode = (s: string): Buffer => {
        const le = Buffer.from(`\uFEFF${s}`, 'utf16le');
        return bigEndian ? le.swap16() : le;
      };
      writeFileSync(file, encode(text));
      const r = runHere(['set', 'PRODUCTION_READINESS.md', '6', 'done'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /"Rollback geübt ✅" \(line 6\)/);
      assert.deepEqual(readFileSync(file), encode(text.replace('- [ ] Rollback', '- [x] Rollback')));
    });
  }

  it('`init` refuses to write through a dangling symbolic link, with or without --force', () => {
    const dir = folder('init-link');
    const elsewhere = join(work, 'init-elsewhere.md');
    symlinkSync(elsewhere, join(dir, 'PRODUCTION_READINESS.md'));
    for (const args of [['init'], ['init', '--force']]) {
      const r = runHere(args, dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /PRODUCTION_READINESS\.md is a symbolic link; init never writes through links; nothing was written/);
      assert.equal(existsSync(elsewhere), false);
      assert.deepEqual(entries(dir), ['.git', 'PRODUCTION_READINESS.md']);
    }
  });

  it('a full disk while `init` writes leaves the folder as it was', () => {
    const dir = folder('init-enospc');
    let calls = 0;
    writeSeam.writeSync = (fd, data, offset, length) => {
      // The first file fits, the second does not: the first is removed again.
      if (calls++ === 0) return writeSync(fd, data, offset, length);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const r = runHere(['init'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot write to \.: no space left on device/);
    assert.deepEqual(entries(dir), ['.git']);
  });

  it('`init` creates both files and `report --out` replaces its output whole, keeping the mode', () => {
    const dir = folder('init-report');
    const created = runHere(['init'], dir);
    assert.equal(created.status, 0, created.stderr);
    assert.deepEqual(entries(dir), ['.git', '.readiness.yml', 'PRODUCTION_READINESS.md']);
    const out = join(dir, 'report.html');
    writeFileSync(out, 'old report');
    chmodSync(out, 0o600);
    const r = runHere(['report', '--out', 'report.html'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync(out, 'utf8'), /^<!DOCTYPE html>/i);
    assert.equal(statSync(out).mode & 0o777, 0o600);
    assert.deepEqual(entries(dir), ['.git', '.readiness.yml', 'PRODUCTION_READINESS.md', 'report.html']);
  });
});
