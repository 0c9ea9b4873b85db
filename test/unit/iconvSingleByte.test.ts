import { strict as assert } from 'node:assert';
import { build } from 'esbuild';
import iconv from 'iconv-lite';
import { iconvSingleByte, SINGLE_BYTE_CODE_PAGES } from '../../scripts/iconv-single-byte.mjs';

/** Bundles a probe with the plugin, as scripts/build.mjs bundles the CLI and the extension, and runs it. */
async function bundled(): Promise<{ code: string; decode: (bytes: Uint8Array, codePage: string) => string }> {
  const result = await build({
    stdin: { contents: 'module.exports = require("iconv-lite");', resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
    plugins: [iconvSingleByte()],
  });
  const code = result.outputFiles[0].text;
  const module = { exports: {} as typeof iconv };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return { code, decode: (bytes, codePage) => module.exports.decode(Buffer.from(bytes), codePage) };
}

describe('iconv-lite with single-byte code pages only (build plugin)', function () {
  this.timeout(30_000);
  const high = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);

  it('decodes the code pages mojibake repair reads exactly as the full iconv-lite does', async () => {
    const { decode } = await bundled();
    for (const codePage of ['windows-1252', 'windows-1254', 'macintosh']) {
      assert.equal(decode(high, codePage), iconv.decode(Buffer.from(high), codePage), codePage);
    }
    assert.deepEqual(SINGLE_BYTE_CODE_PAGES, ['windows1252', 'windows1254', 'macintosh']);
  });

  it('leaves out the other codecs, the CJK tables and the streaming API', async () => {
    const { code, decode } = await bundled();
    assert.ok(code.length < 60_000, `the bundle is ${code.length} characters`);
    assert.ok(!/shiftjis|cp936|gb18030/i.test(code), 'CJK tables are bundled');
    assert.ok(!code.includes('require("stream")'), 'Node streams are loaded');
    assert.throws(() => decode(high, 'shift_jis'), /not recognized/);
  });
});
