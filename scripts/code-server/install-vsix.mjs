// Installs a VSIX into a code-server extensions folder, the way a user installs a release.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { codeServerDir } from './start.mjs';

/**
 * Runs `code-server --install-extension` and checks the extension's folder appeared.
 * @param {string} vsix
 * @param {string} extensionsDir
 * @param {string} configDir a scratch folder for code-server's config.yaml
 * @returns {Promise<string>} the installer's last line of output
 */
export async function installVsix(vsix, extensionsDir, configDir) {
  const bin = join(codeServerDir, 'node_modules/.bin/code-server');
  const { stdout } = await promisify(execFile)(bin, ['--install-extension', vsix, '--extensions-dir', extensionsDir], {
    env: { ...process.env, CODE_SERVER_CONFIG: join(configDir, 'config.yaml') },
  });
  const installed = await readdir(extensionsDir);
  if (!installed.some((name) => name.startsWith('production-readiness.production-readiness-'))) {
    throw new Error(`the extension is not in ${extensionsDir} after install: ${installed.join(', ')}`);
  }
  return stdout.trim().split('\n').at(-1) ?? '';
}
