/**
 * The web build (package.json `browser`, VS Code for the Web): the size of dist/web/extension.js
 * and activation in a real web worker extension host (code-server, scripts/run-web-integration.mjs),
 * as the extension measures it: the evaluation of the bundle (its banner and footer markers) plus
 * the `activate` call (`ReadinessApi.moduleLoadMs + activationMs`), printed by the suite
 * "web worker host" (test/web/webHost.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './processes';
import { progress, round } from './stats';

/** What the web build costs. */
export interface WebResult {
  /** dist/web/extension.js as built (production after `npm run package`). */
  webBundleBytes: number;
  /** `moduleLoadMs + activateMs`, in the worker host's clock. */
  workerActivationMs: number;
  moduleLoadMs: number;
  activateMs: number;
}

/** The line test/web/webHost.test.ts prints. */
const ACTIVATION_LINE = /worker activation: module load ([\d.]+) ms \+ activate ([\d.]+) ms/;

/** Measures dist/ as built (run `npm run package` first for the shipped bundle). */
export function measureWeb(): WebResult | { error: string } {
  try {
    const webBundleBytes = statSync(join(ROOT, 'dist/web/extension.js')).size;
    progress('web: activation in the web worker extension host');
    node(['-e', "require('node:child_process').execFileSync('bash', ['scripts/code-server/install.sh'], { stdio: 'inherit' })"]);
    const match = ACTIVATION_LINE.exec(node(['scripts/run-web-integration.mjs', '--grep', 'web worker host activates']));
    if (!match) return { error: 'the web harness printed no activation time' };
    const moduleLoadMs = Number(match[1]);
    const activateMs = Number(match[2]);
    return { webBundleBytes, workerActivationMs: round(moduleLoadMs + activateMs), moduleLoadMs, activateMs };
  } catch (error) {
    return { error: error instanceof Error ? error.message.slice(0, 800) : String(error) };
  }
}

/** Runs a node script from the repository root; its output, or an error with its tail when it fails. */
function node(args: string[]): string {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout}${result.stderr}`;
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${args[0]} exited with ${result.status ?? result.signal}: ${output.slice(-500)}`);
  return output;
}

if (require.main === module) console.log(JSON.stringify(measureWeb(), null, 2));
