import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };

/** Compares dotted versions numerically (prerelease tags ignored). */
function atLeast(version: string, minimum: string): boolean {
  const a = version.split('-')[0].split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < b.length; i++) if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i];
  return true;
}

describe('dependencies', () => {
  it('pins every direct dependency to an exact version, as the lockfile has it', () => {
    for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      assert.match(range, /^\d+\.\d+\.\d+(-[\w.]+)?$/, `${name}@${range} is not an exact version`);
      assert.equal(lock.packages[`node_modules/${name}`]?.version, range, `${name} in package-lock.json`);
    }
  });

  it('uses versions without the known advisories: ajv ≥ 8.18, yaml ≥ 2.8.3', () => {
    assert.ok(atLeast(lock.packages['node_modules/ajv'].version, '8.18.0'));
    assert.ok(atLeast(lock.packages['node_modules/yaml'].version, '2.8.3'));
  });

  it('compiles the validators with $data off, from the bundled schemas only', () => {
    const generator = readFileSync(join(root, 'scripts/generate-validators.mjs'), 'utf8');
    assert.match(generator, /\$data: false/);
    for (const schema of ['readiness-config.schema.json', 'readiness-report.schema.json']) {
      assert.ok(!readFileSync(join(root, 'schemas', schema), 'utf8').includes('"$data"'), `${schema} uses $data`);
    }
  });
});
