import { strict as assert } from 'node:assert';
import { build } from 'esbuild';
import iconv from 'iconv-lite';
import { checkWorkerGlobals, coreExportNames, iconvWebModule, noNodeBuiltins, webBuildOptions } from '../../scripts/web-build.mjs';

/** The web bundle (package.json `browser`), built in memory the way scripts/build.mjs builds it. */
async function webBundle(): Promise<string> {
  const options = webBuildOptions({}, await coreExportNames(build));
  const result = await build({ ...options, write: false, outfile: 'web.js', logLevel: 'silent' });
  return result.outputFiles.find((file) => file.path.endsWith('web.js'))!.text;
}

describe('web build (dist/web/extension.js)', function () {
  this.timeout(60_000);

  it('decodes the single-byte code pages of mojibake repair byte for byte as iconv-lite does, without Buffer', () => {
    const module = { exports: {} as { decode(bytes: Uint8Array, codePage: string): string } };
    new Function('module', 'exports', iconvWebModule())(module, module.exports);
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (const codePage of ['windows-1252', 'windows-1254', 'macintosh']) {
      assert.equal(module.exports.decode(all, codePage), iconv.decode(Buffer.from(all), codePage), codePage);
    }
    assert.throws(() => module.exports.decode(all, 'shift_jis'), /not recognized/);
  });

  it('is one bundle: the core inside, only `vscode` required, the web twins in place of Node-only modules', async () => {
    const code = await webBundle();
    assert.deepEqual([...new Set(code.match(/\brequire\(["'][^"']+["']\)/g))], ['require("vscode")']);
    assert.ok(code.includes('function registerTasks'), 'the task registration is there');
    assert.ok(!code.includes('ProcessExecution'), 'the CLI task (tasks.ts) is bundled');
    assert.ok(!code.includes('realpath'), 'node:fs realpath (realPath.ts) is bundled');
    assert.ok(code.includes('remark') || code.includes('micromark'), 'the parser is bundled');
    // The core runs on first use: its modules are wrapped, and required from the getters module.
    assert.match(code, /load = \(\) => core \?\?= \(init_core\(\), __toCommonJS\(core_exports\)\)/);
    checkWorkerGlobals(code, 'the web bundle');
  });

  it('fails a build that imports a Node built-in or uses a global the worker lacks', async () => {
    await assert.rejects(
      build({
        stdin: { contents: "import { readFileSync } from 'node:fs'; readFileSync('x');", resolveDir: process.cwd(), loader: 'ts' },
        bundle: true,
        platform: 'browser',
        write: false,
        logLevel: 'silent',
        plugins: [noNodeBuiltins()],
      }),
      /Node built-in "node:fs"/,
    );
    const options = webBuildOptions();
    const result = await build({
      stdin: { contents: 'console.log(process.cwd(), Buffer.from("x"), document.title);', loader: 'js' },
      define: options.define,
      write: false,
      logLevel: 'silent',
    });
    assert.throws(
      () => checkWorkerGlobals(result.outputFiles[0].text, 'probe'),
      /probe uses globals a web worker lacks: process, Buffer, document/,
    );
  });
});
