import { strict as assert } from 'node:assert';
import { build } from 'esbuild';
import { oneVscodeNamespace } from '../../scripts/vscode-namespace.mjs';

/** Three modules importing `vscode` the ways src/vscode does, bundled with the plugin. */
const probe: Record<string, string> = {
  'entry.ts': [
    "import * as vscode from 'vscode';",
    "import { range } from './named';",
    "import { label } from './star';",
    'export const result = { window: vscode.window, range: range(), label: label() };',
  ].join('\n'),
  'named.ts': "import { Range } from 'vscode';\nexport const range = () => new Range(1, 2);",
  'star.ts': "import * as vscode from 'vscode';\nexport const label = () => vscode.l10n.t('x');",
};

/** Bundles the probe as scripts/build.mjs bundles the extension and runs it against `api`. */
async function bundled(api: object): Promise<{ code: string; requires: number; result: Record<string, unknown> }> {
  const output = await build({
    entryPoints: ['entry.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    write: false,
    logLevel: 'silent',
    plugins: [
      oneVscodeNamespace(),
      {
        name: 'probe',
        setup(b) {
          b.onResolve({ filter: /^(\.\/)?\w+(\.ts)?$/ }, (args) =>
            args.path === 'vscode' ? undefined : { path: `${args.path.replace(/^\.\//, '').replace(/\.ts$/, '')}.ts`, namespace: 'probe' },
          );
          b.onLoad({ filter: /.*/, namespace: 'probe' }, (args) => ({ contents: probe[args.path], loader: 'ts' }));
        },
      },
    ],
  });
  const code = output.outputFiles[0].text;
  let requires = 0;
  const fakeRequire = (id: string) => {
    assert.equal(id, 'vscode');
    requires++;
    return api;
  };
  const module = { exports: {} as { result: Record<string, unknown> } };
  new Function('module', 'exports', 'require', code)(module, module.exports, fakeRequire);
  return { code, requires, result: module.exports.result };
}

describe('one vscode namespace per bundle (build plugin)', () => {
  class Range {
    constructor(
      readonly start: number,
      readonly end: number,
    ) {}
  }
  const window = { name: 'window' };
  const api = { window, Range, l10n: { t: (s: string) => `translated ${s}` } };

  it('requires vscode once however many modules import it', async () => {
    const { code, requires } = await bundled(api);
    assert.equal(requires, 1);
    assert.equal(code.split('require("vscode")').length - 1, 1);
    assert.ok(!code.includes('__toESM('), 'a per-module copy of the API is made');
  });

  it('gives every module the host API itself: namespaces, classes and functions', async () => {
    const { result } = await bundled(api);
    assert.equal(result.window, window);
    assert.ok(result.range instanceof Range);
    assert.deepEqual({ ...(result.range as Range) }, { start: 1, end: 2 });
    assert.equal(result.label, 'translated x');
  });
});
