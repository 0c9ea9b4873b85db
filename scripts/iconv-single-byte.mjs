// An esbuild plugin that gives iconv-lite only the single-byte code pages src/core/text/mojibake.ts
// reads (windows-1252, windows-1254, macintosh). iconv-lite's own encodings index pulls in every
// codec and the CJK tables (about 300 KB of JSON, more once bundled); its lazy `require` of that
// index is answered with a small module holding the three tables instead. Its streaming API is
// left out too (it would load Node's `stream` for nothing): `encodeStream` then throws.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The code pages kept, by iconv-lite's canonical names. */
export const SINGLE_BYTE_CODE_PAGES = ['windows1252', 'windows1254', 'macintosh'];

const require = createRequire(import.meta.url);
const iconvRoot = dirname(require.resolve('iconv-lite/package.json'));
const NAMESPACE = 'iconv-single-byte';

/** The esbuild plugin. */
export function iconvSingleByte() {
  return {
    name: NAMESPACE,
    setup(build) {
      const fromIconv = (args) => args.importer.startsWith(join(iconvRoot, 'lib'));
      build.onResolve({ filter: /^\.\.\/encodings$/ }, (args) =>
        fromIconv(args) ? { path: 'encodings', namespace: NAMESPACE } : undefined,
      );
      build.onResolve({ filter: /^(stream|\.\/streams)$/ }, (args) =>
        fromIconv(args) ? { path: 'none', namespace: NAMESPACE } : undefined,
      );
      build.onLoad({ filter: /^encodings$/, namespace: NAMESPACE }, () => ({
        contents: encodingsModule(),
        loader: 'js',
        resolveDir: iconvRoot,
      }));
      build.onLoad({ filter: /^none$/, namespace: NAMESPACE }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    },
  };
}

function encodingsModule() {
  const generated = require(join(iconvRoot, 'encodings/sbcs-data-generated.js'));
  const tables = Object.fromEntries(
    SINGLE_BYTE_CODE_PAGES.map((name) => {
      if (typeof generated[name] !== 'object') throw new Error(`iconv-lite has no single-byte table "${name}"`);
      return [name, generated[name]];
    }),
  );
  return `module.exports = Object.assign({ _sbcs: require("./encodings/sbcs-codec.js")._sbcs }, ${JSON.stringify(tables)});`;
}
