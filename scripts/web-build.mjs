// The esbuild pieces of the extension's web build (dist/web/extension.js, package.json `browser`):
// VS Code for the Web runs it in a web worker, which has no Node built-ins, no `require` for files
// and no `Buffer`. scripts/build.mjs calls buildWeb().
import { builtinModules, createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SINGLE_BYTE_CODE_PAGES } from './iconv-single-byte.mjs';
import { oneVscodeNamespace } from './vscode-namespace.mjs';

const require = createRequire(import.meta.url);
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
/**
 * Globals a web worker lacks: Node's (setImmediate is shimmed) and the page's (`document`, `window`).
 * A free reference is renamed to a marker that fails the build.
 */
const missingGlobals = ['process', 'Buffer', 'global', '__dirname', '__filename', 'clearImmediate', 'document', 'window'];
const marker = '__readinessNotInWorker_';

/**
 * Builds the web bundle: one file (the core inside, no lazy `require`), `vscode` external.
 * @param {typeof import('esbuild').build} build
 * @param {import('esbuild').BuildOptions} options what the caller's build shares (sourcemap, minify…)
 */
export async function buildWeb(build, options = {}) {
  const outfile = 'dist/web/extension.js';
  await build({ ...webBuildOptions(options, await coreExportNames(build)), outfile });
  checkWorkerGlobals(readFileSync(outfile, 'utf8'), outfile);
}

/** The names src/core/index.ts exports (what lazyCoreInBundle() defines getters for). */
export async function coreExportNames(build) {
  const { metafile } = await build({
    entryPoints: ['src/core/index.ts'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
    outfile: 'core.mjs',
    logLevel: 'silent',
    plugins: [iconvWeb()],
    external: ['*'],
  });
  return Object.values(metafile.outputs).find((output) => output.entryPoint)?.exports ?? [];
}

/**
 * The esbuild options of the web bundle, without its output (test/unit/webBuild.test.ts builds it
 * in memory). With `coreExports`, the core's modules run on first use, not when the bundle loads.
 */
export function webBuildOptions(options = {}, coreExports = undefined) {
  return {
    ...options,
    entryPoints: ['src/vscode/extension.ts'],
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    // A worker, not a page: packages with a `worker` export (decode-named-character-reference) use no DOM.
    conditions: ['worker'],
    // Libraries that read process.env.NODE_ENV would throw on the worker's missing `process`.
    define: {
      'process.env.NODE_ENV': JSON.stringify(options.minify ? 'production' : 'development'),
      ...Object.fromEntries(missingGlobals.map((name) => [name, marker + name])),
    },
    // The one Node global the extension's own code needs (checklistStore.ts yields with it).
    inject: ['src/vscode/webShims.web.ts'],
    plugins: [oneVscodeNamespace(), webTwins(), iconvWeb(), noNodeBuiltins(), ...(coreExports ? [lazyCoreInBundle(coreExports)] : [])],
    // Same markers as the desktop bundle: activate reports how long evaluating it took (bench/web.ts).
    banner: { js: 'var __readinessLoadStart = performance.now();' },
    footer: { js: 'var __readinessLoadEnd = performance.now();' },
  };
}

/** Throws when the bundle's code refers to a global the worker lacks (renamed to the marker by `define`). */
export function checkWorkerGlobals(code, name) {
  const used = [...new Set(code.match(new RegExp(`${marker}\\w+`, 'g')) ?? [])];
  if (used.length > 0) {
    throw new Error(`${name} uses globals a web worker lacks: ${used.map((global) => global.slice(marker.length)).join(', ')}`);
  }
}

/**
 * Fails the build on any import of a Node built-in (`fs`, `node:path`, …): the worker has none,
 * and a polyfill would hide the mistake until a user met it.
 */
export function noNodeBuiltins() {
  return {
    name: 'no-node-builtins',
    setup(b) {
      b.onResolve({ filter: /^[a-z_:/]+$/ }, (args) =>
        builtins.has(args.path)
          ? {
              errors: [
                { text: `Node built-in "${args.path}" imported by ${args.importer}: the web build has no Node (use a *.web.ts twin)` },
              ],
            }
          : undefined,
      );
    },
  };
}

/**
 * The desktop build loads the core from a file of its own on first use (scripts/build.mjs
 * lazyCore); the worker cannot `require` files, so here the core stays in the bundle and
 * src/vscode's `../core` becomes getters that `require` it there on first access: esbuild wraps
 * a module reached by `require` (and everything it imports) to run when first required.
 */
export function lazyCoreInBundle(names) {
  const vscodeDir = resolve('src/vscode');
  const coreIndex = resolve('src/core/index.ts');
  return {
    name: 'web-lazy-core',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/core$/ }, (args) =>
        args.resolveDir === vscodeDir ? { path: 'core', namespace: 'web-lazy-core' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'web-lazy-core' }, () => ({
        contents: [
          'let core;',
          `const load = () => (core ??= require(${JSON.stringify(coreIndex)}));`,
          `for (const name of ${JSON.stringify(names)})`,
          '  Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });',
        ].join('\n'),
        loader: 'js',
        resolveDir: vscodeDir,
      }));
    },
  };
}

/** A relative import `./X` in one of `dirs` resolves to X.web.ts there when that twin exists. */
export function webTwins(dirs = [resolve('src/vscode')]) {
  return {
    name: 'web-twins',
    setup(b) {
      b.onResolve({ filter: /^\.\/[\w-]+$/ }, (args) => {
        if (!dirs.includes(args.resolveDir)) return undefined;
        const twin = join(args.resolveDir, `${args.path}.web.ts`);
        return existsSync(twin) ? { path: twin } : undefined;
      });
    },
  };
}

/**
 * iconv-lite's codecs need Node's Buffer. The core decodes only the single-byte code pages of
 * mojibake repair with it (src/core/text/mojibake.ts: `iconv.decode(bytes, codePage)`): answer
 * `iconv-lite` with their 128-character tables, taken from iconv-lite itself, and a decode that
 * maps bytes the same way (test/unit/webBuild.test.ts compares all 256 bytes).
 */
export function iconvWeb() {
  return {
    name: 'iconv-web',
    setup(b) {
      b.onResolve({ filter: /^iconv-lite$/ }, () => ({ path: 'iconv-lite', namespace: 'iconv-web' }));
      b.onLoad({ filter: /.*/, namespace: 'iconv-web' }, () => ({ contents: iconvWebModule(), loader: 'js' }));
    },
  };
}

/** The module iconvWeb() bundles in place of iconv-lite (exported for the unit test). */
export function iconvWebModule() {
  const iconvRoot = dirname(require.resolve('iconv-lite/package.json'));
  const generated = require(join(iconvRoot, 'encodings/sbcs-data-generated.js'));
  const tables = Object.fromEntries(
    SINGLE_BYTE_CODE_PAGES.map((name) => {
      const chars = generated[name]?.chars;
      if (typeof chars !== 'string' || chars.length !== 128) throw new Error(`iconv-lite has no 128-byte table "${name}"`);
      return [name, chars];
    }),
  );
  return [
    `const tables = ${JSON.stringify(tables)};`,
    'function decode(bytes, encoding) {',
    "  const chars = tables[String(encoding).toLowerCase().replace(/[^0-9a-z]/g, '')];",
    '  if (chars === undefined) throw new Error(`Encoding not recognized: ${encoding} (web build)`);',
    "  let text = '';",
    '  for (const byte of bytes) text += byte < 0x80 ? String.fromCharCode(byte) : chars[byte - 0x80];',
    '  return text;',
    '}',
    'module.exports = { decode };',
  ].join('\n');
}
