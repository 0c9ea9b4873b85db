// One `vscode` namespace object per bundle (scripts/build.mjs; the web build may use it too).

/**
 * Resolves every `import * as vscode from 'vscode'` of the bundle to one module that re-exports
 * the host's API object. Without it esbuild wraps `require("vscode")` in a fresh copy in every
 * module that imports it (`__toESM`: a getter for each of the API's ~300 names), which was most of
 * evaluating dist/extension.js in the extension host: ~0.5 ms a module, 22 modules, 17–40 ms in
 * all with the collections it set off. Now the copy is made once.
 */
export function oneVscodeNamespace() {
  return {
    name: 'one-vscode-namespace',
    setup(b) {
      b.onResolve({ filter: /^vscode$/ }, (args) =>
        args.namespace === 'vscode-api' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-api' },
      );
      b.onLoad({ filter: /.*/, namespace: 'vscode-api' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
    },
  };
}
