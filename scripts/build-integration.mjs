// Bundles the integration tests (test/integration/index.ts and every *.test.ts) into
// out/test/integration/ for VS Code's extension host. `vscode` is provided by the host and
// mocha is resolved from node_modules at run time.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..');
const sourceDir = join(repoRoot, 'test/integration');
// READINESS_INTEGRATION_OUT lets parallel runs keep separate bundles.
const outDir = resolve(repoRoot, process.env.READINESS_INTEGRATION_OUT ?? 'out/test/integration');

// READINESS_INTEGRATION_ONLY (a part of a file name) bundles only those tests: a measurement run
// (bench/firstScan.ts) then does not load every suite into the host it measures.
const only = process.env.READINESS_INTEGRATION_ONLY;
const testFiles = readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts') && (!only || file.includes(only)))
  .sort()
  .map((file) => join(sourceDir, file));

// Stale bundles of deleted tests would still run: start from an empty folder.
rmSync(outDir, { recursive: true, force: true });

await build({
  entryPoints: [join(sourceDir, 'index.ts'), ...testFiles],
  outdir: outDir,
  outbase: sourceDir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});

console.log(`built ${testFiles.length} integration test file(s) into ${outDir}`);
