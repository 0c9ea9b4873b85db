import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findConfigFile, findFiles, findRepoRoot, globMatcher, isInside } from '../../src/cli/discover';
import { existsUnder, placeChecklist } from '../../src/cli/workspace';

describe('CLI discovery', () => {
  let temp: string;
  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'readiness-discover-'));
  });
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  function touch(relativePath: string): string {
    const path = join(temp, relativePath);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
    return path;
  }

  it('matches include globs minus !-excluded ones', () => {
    const match = globMatcher(['**/PRODUCTION_READINESS.md', 'docs/*.md', '!archive/**']);
    assert.deepEqual(
      ['PRODUCTION_READINESS.md', 'a/b/PRODUCTION_READINESS.md', 'docs/x.md', 'archive/PRODUCTION_READINESS.md', 'other.md'].map(match),
      [true, true, true, false, false],
    );
    assert.equal(globMatcher(['!x.md'])('y.md'), false);
  });

  it('walks folders, skipping node_modules, hidden folders and symlinked folders', () => {
    touch('a/PRODUCTION_READINESS.md');
    touch('PRODUCTION_READINESS.md');
    touch('node_modules/p/PRODUCTION_READINESS.md');
    touch('.github/PRODUCTION_READINESS.md');
    symlinkSync(join(temp, 'a'), join(temp, 'loop'));
    assert.deepEqual(findFiles(temp, ['**/PRODUCTION_READINESS.md']), [
      join(temp, 'PRODUCTION_READINESS.md'),
      join(temp, 'a', 'PRODUCTION_READINESS.md'),
    ]);
  });

  it('finds the nearest config, not above the repository root', () => {
    touch('.readiness.yml');
    touch('repo/.git/HEAD');
    touch('repo/svc/deep/x.md');
    assert.equal(findRepoRoot(join(temp, 'repo', 'svc', 'deep')), join(temp, 'repo'));
    assert.equal(findConfigFile(join(temp, 'repo', 'svc', 'deep'), join(temp, 'repo')), undefined);
    const yaml = touch('repo/svc/.readiness.yaml');
    assert.equal(findConfigFile(join(temp, 'repo', 'svc', 'deep'), join(temp, 'repo')), yaml);
    const yml = touch('repo/svc/.readiness.yml');
    assert.equal(findConfigFile(join(temp, 'repo', 'svc', 'deep'), join(temp, 'repo')), yml);
  });

  it('places a checklist: repository root, else config folder, else cwd, else its own folder', () => {
    const file = touch('w/svc/PRODUCTION_READINESS.md');
    assert.deepEqual(placeChecklist(file, undefined, join(temp, 'w')), {
      configFile: undefined,
      root: join(temp, 'w'),
      path: 'svc/PRODUCTION_READINESS.md',
    });
    assert.deepEqual(placeChecklist(file, undefined, join(temp, 'elsewhere')), {
      configFile: undefined,
      root: join(temp, 'w', 'svc'),
      path: 'PRODUCTION_READINESS.md',
    });
    const config = touch('w/svc/.readiness.yml');
    assert.equal(placeChecklist(file, undefined, join(temp, 'elsewhere')).root, join(temp, 'w', 'svc'));
    assert.equal(placeChecklist(file, undefined, join(temp, 'elsewhere')).configFile, config);
    touch('w/.git');
    assert.deepEqual(placeChecklist(file, undefined, join(temp, 'elsewhere')), {
      configFile: config,
      root: join(temp, 'w'),
      path: 'svc/PRODUCTION_READINESS.md',
    });
  });

  it('answers exists only inside the root', () => {
    touch('root/docs/e.md');
    touch('secret.md');
    const exists = existsUnder(join(temp, 'root'));
    assert.equal(exists('docs/e.md'), true);
    assert.equal(exists('docs/gone.md'), false);
    assert.equal(exists('../secret.md'), false);
    assert.equal(exists(''), false);
    assert.equal(isInside(join(temp, '..x'), temp), true);
    assert.equal(isInside(join(temp, '..', 'x'), temp), false);
  });
});
