import type { Plugin } from 'esbuild';

/** The esbuild plugin that gives a bundle one namespace object for `vscode`, made once. */
export function oneVscodeNamespace(): Plugin;
