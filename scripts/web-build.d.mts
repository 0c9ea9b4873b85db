import type { build, BuildOptions, Plugin } from 'esbuild';

/** Builds dist/web/extension.js (package.json `browser`) and checks it uses no global a worker lacks. */
export function buildWeb(run: typeof build, options?: BuildOptions): Promise<void>;
/** The names src/core/index.ts exports. */
export function coreExportNames(run: typeof build): Promise<string[]>;
/** The esbuild options of the web bundle, without its output; with `coreExports` the core runs on first use. */
export function webBuildOptions(options?: BuildOptions, coreExports?: string[]): BuildOptions;
/** src/vscode's `../core` as getters that run the bundled core on first access. */
export function lazyCoreInBundle(names: string[]): Plugin;
/** Throws when the bundle's code refers to a global a web worker lacks. */
export function checkWorkerGlobals(code: string, name: string): void;
/** Fails the build on any import of a Node built-in. */
export function noNodeBuiltins(): Plugin;
/** Resolves `./X` in the given folders (default src/vscode) to X.web.ts when that twin exists. */
export function webTwins(dirs?: string[]): Plugin;
/** Answers `iconv-lite` with the single-byte decode of iconvWebModule(). */
export function iconvWeb(): Plugin;
/** The module bundled in place of iconv-lite. */
export function iconvWebModule(): string;
