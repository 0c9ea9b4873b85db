// The config walk both hosts share, over an in-memory file system: which candidates come in
// which order, where the walk stops, and that the host's probe decides what counts as found.
import { strict as assert } from 'node:assert';
import { configCandidates, CONFIG_FILE_NAME, CONFIG_FILE_NAMES, type FolderWalk } from '../../src/core/config/discover';

/** POSIX folders from `/`, never above `stopAt` when it is one of the folders walked through. */
function posixWalk(stopAt?: string): FolderWalk<string> {
  return {
    join: (dir, name) => (dir === '/' ? `/${name}` : `${dir}/${name}`),
    parent: (dir) => (dir === stopAt || dir === '/' ? undefined : dir.slice(0, dir.lastIndexOf('/')) || '/'),
  };
}

/** Files and their text; `null` is a file that exists but cannot be read. */
type MemoryFs = ReadonlyMap<string, string | null>;

/** A host that takes the first candidate that exists (the CLI, Create Checklist). */
function firstExisting(fs: MemoryFs, dir: string, walk: FolderWalk<string>): string | undefined {
  for (const { file } of configCandidates(dir, walk)) if (fs.has(file)) return file;
  return undefined;
}

/** A host that takes the first candidate it can read (the extension's store), asynchronously. */
async function firstReadable(fs: MemoryFs, dir: string, walk: FolderWalk<string>): Promise<{ dir: string; text: string } | undefined> {
  for (const candidate of configCandidates(dir, walk)) {
    const text = await Promise.resolve(fs.get(candidate.file));
    if (typeof text === 'string') return { dir: candidate.dir, text };
  }
  return undefined;
}

describe('config discovery', () => {
  it('names .readiness.yml first, and writes new configs under that name', () => {
    assert.deepEqual(CONFIG_FILE_NAMES, ['.readiness.yml', '.readiness.yaml']);
    assert.equal(CONFIG_FILE_NAME, '.readiness.yml');
  });

  it('lists every name in each folder, nearest folder first, up to the boundary', () => {
    const candidates = [...configCandidates('/repo/svc/deep', posixWalk('/repo'))];
    assert.deepEqual(candidates, [
      { dir: '/repo/svc/deep', file: '/repo/svc/deep/.readiness.yml' },
      { dir: '/repo/svc/deep', file: '/repo/svc/deep/.readiness.yaml' },
      { dir: '/repo/svc', file: '/repo/svc/.readiness.yml' },
      { dir: '/repo/svc', file: '/repo/svc/.readiness.yaml' },
      { dir: '/repo', file: '/repo/.readiness.yml' },
      { dir: '/repo', file: '/repo/.readiness.yaml' },
    ]);
  });

  it('goes up to the root without a boundary, and always looks in the start folder', () => {
    assert.deepEqual(
      [...configCandidates('/a/b', posixWalk())].map((c) => c.dir),
      ['/a/b', '/a/b', '/a', '/a', '/', '/'],
    );
    assert.deepEqual(
      [...configCandidates('/repo', posixWalk('/repo'))].map((c) => c.file),
      ['/repo/.readiness.yml', '/repo/.readiness.yaml'],
    );
    const outside = [...configCandidates('/elsewhere/x', posixWalk('/repo'))];
    assert.equal(outside.at(-1)?.dir, '/', 'a boundary that is not above the start does not stop the walk');
  });

  it('the nearest config wins, .yml before .yaml, and nothing above the boundary applies', () => {
    const fs = new Map<string, string | null>([['/.readiness.yml', 'root']]);
    assert.equal(firstExisting(fs, '/repo/svc/deep', posixWalk('/repo')), undefined);
    assert.equal(firstExisting(fs, '/repo/svc/deep', posixWalk()), '/.readiness.yml');
    fs.set('/repo/.readiness.yml', 'repo');
    fs.set('/repo/svc/.readiness.yaml', 'svc yaml');
    assert.equal(firstExisting(fs, '/repo/svc/deep', posixWalk('/repo')), '/repo/svc/.readiness.yaml');
    fs.set('/repo/svc/.readiness.yml', 'svc yml');
    assert.equal(firstExisting(fs, '/repo/svc/deep', posixWalk('/repo')), '/repo/svc/.readiness.yml');
  });

  it('stops asking once the host has found one', () => {
    const asked: string[] = [];
    const walk = posixWalk();
    const counting: FolderWalk<string> = { join: walk.join, parent: (dir) => (asked.push(dir), walk.parent(dir)) };
    assert.equal(firstExisting(new Map([['/a/.readiness.yml', '']]), '/a/b/c', counting), '/a/.readiness.yml');
    assert.deepEqual(asked, ['/a/b/c', '/a/b'], 'the walk is lazy: no parent of the folder where the config was found');
  });

  it('lets an asynchronous host skip an unreadable config and go on upwards', async () => {
    const fs = new Map<string, string | null>([
      ['/w/svc/.readiness.yml', null],
      ['/w/svc/.readiness.yaml', null],
      ['/w/.readiness.yaml', 'workspace'],
    ]);
    assert.deepEqual(await firstReadable(fs, '/w/svc', posixWalk('/w')), { dir: '/w', text: 'workspace' });
    assert.equal(await firstReadable(fs, '/w/svc', posixWalk('/w/svc')), undefined);
  });
});
