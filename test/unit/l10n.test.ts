import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (...parts: string[]) => readFileSync(join(root, ...parts), 'utf8');

describe('localization', () => {
  it('package.nls.json defines every %key% package.json uses, and nothing else', () => {
    const used = new Set([...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    const defined = new Set(Object.keys(JSON.parse(read('package.nls.json'))));
    assert.deepEqual(
      [...used].filter((k) => !defined.has(k)),
      [],
      'used but not defined',
    );
    assert.deepEqual(
      [...defined].filter((k) => !used.has(k)),
      [],
      'defined but not used',
    );
  });

  it('l10n/bundle.l10n.json holds exactly the vscode.l10n.t strings of src/vscode (npm run l10n)', function () {
    this.timeout(60_000);
    const out = mkdtempSync(join(tmpdir(), 'readiness-l10n-'));
    try {
      execFileSync(
        process.execPath,
        [join(root, 'node_modules/@vscode/l10n-dev/dist/cli.js'), 'export', '--outDir', out, join(root, 'src/vscode')],
        { stdio: 'pipe' },
      );
      assert.deepEqual(
        JSON.parse(read('l10n', 'bundle.l10n.json')),
        JSON.parse(readFileSync(join(out, 'bundle.l10n.json'), 'utf8')),
        'run npm run l10n',
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('user-facing strings in src/vscode go through vscode.l10n.t', () => {
    // Messages, quick picks and input boxes given a bare string literal would not be translated.
    const offenders: string[] = [];
    for (const file of readdirSync(join(root, 'src/vscode'))) {
      const text = read('src/vscode', file);
      for (const m of text.matchAll(/show(?:Information|Warning|Error)Message\(\s*['"`]/g)) offenders.push(`${file}: ${m[0]}`);
      for (const m of text.matchAll(/\b(?:title|placeHolder|prompt):\s*['"`][A-Za-z]/g)) offenders.push(`${file}: ${m[0]}`);
    }
    assert.deepEqual(offenders, []);
  });
});
