// Bundles the CLI (and, when present, the extension) into dist/ with esbuild.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { generateValidators } from './generate-validators.mjs';
import { iconvSingleByte } from './iconv-single-byte.mjs';
import { oneVscodeNamespace } from './vscode-namespace.mjs';
import { buildWeb } from './web-build.mjs';

const production = process.argv.includes('--production');
await generateValidators();

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  plugins: [iconvSingleByte()],
};

// The core (remark, micromark, ajv, yaml: most of the code) is a bundle of its own, loaded on
// first use by the CLI and the extension: a `check --cache` run that finds every analysis in the
// cache never compiles it, and neither does VS Code when it loads the extension.
await build({ ...common, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js' });
const coreExports = Object.keys(createRequire(import.meta.url)(resolve('dist/core.js')));

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
  plugins: [...common.plugins, lazyCore(coreExports)],
});

if (existsSync('src/vscode/extension.ts')) {
  await build({
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [...common.plugins, oneVscodeNamespace(), lazyCore(coreExports)],
    // The bundle's first and last statements: activate reports how long evaluating it took (bench).
    banner: { js: 'var __readinessLoadStart = performance.now();' },
    footer: { js: 'var __readinessLoadEnd = performance.now();' },
  });
  const vscodeRequires = readFileSync('dist/extension.js', 'utf8').split('require("vscode")').length - 1;
  if (vscodeRequires !== 1)
    throw new Error(`dist/extension.js requires "vscode" ${vscodeRequires} times, not once: see scripts/vscode-namespace.mjs`);
  // The web build (package.json `browser`): VS Code for the Web's worker extension host.
  await buildWeb(build, { sourcemap: common.sourcemap, minify: production, logLevel: common.logLevel, legalComments: 'none' });
}

/**
 * Resolves the extension's and the CLI's imports of src/core/index.ts to a module of getters that require
 * dist/core.js on first access. esbuild calls imported functions through the module object
 * (`import_core.fn(...)`), so nothing is loaded until a function or constant is first used.
 */
function lazyCore(names) {
  const coreIndex = resolve('src/core/index.ts');
  return {
    name: 'lazy-core',
    setup(b) {
      b.onResolve({ filter: /^(\.\.\/)+core$/ }, (args) =>
        resolve(args.resolveDir, args.path, 'index.ts') === coreIndex ? { path: 'lazy-core', namespace: 'lazy-core' } : undefined,
      );
      b.onResolve({ filter: /^\.\/core\.js$/, namespace: 'lazy-core' }, () => ({ path: './core.js', external: true }));
      // An ES module re-exporting the getters: one namespace object for the bundle, where a
      // CommonJS module would be copied (`__toESM`) into every module that imports the core.
      b.onResolve({ filter: /^lazy-core-getters$/, namespace: 'lazy-core' }, () => ({ path: 'getters', namespace: 'lazy-core' }));
      b.onLoad({ filter: /^lazy-core$/, namespace: 'lazy-core' }, () => ({ contents: "export * from 'lazy-core-getters';", loader: 'js' }));
      b.onLoad({ filter: /^getters$/, namespace: 'lazy-core' }, () => ({
        contents: [
          'let core;',
          "const load = () => (core ??= require('./core.js'));",
          `for (const name of ${JSON.stringify(names)})`,
          '  Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });',
        ].join('\n'),
        loader: 'js',
      }));
    },
  };
}
