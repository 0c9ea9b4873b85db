// Bundles the CLI (and, when present, the extension) into dist/ with esbuild.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { generateValidators } from './generate-validators.mjs';
import { iconvSingleByte } from './iconv-single-byte.mjs';

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

await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
});

if (existsSync('src/vscode/extension.ts')) {
  await build({
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
  });
}
