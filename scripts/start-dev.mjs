// `npm start`: the extension, freshly built, running in a real VS Code (code-server on
// 127.0.0.1) on a copy of examples/, so trying things never changes the repository. Prints the
// URL to open and stops cleanly on Ctrl+C.
//
// Usage: node scripts/start-dev.mjs [--in-place] [--port N] [--workspace <folder>]
//   --in-place   open the folder itself instead of a temporary copy
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startCodeServer } from './code-server/start.mjs';
import { prepareWorkspace } from './fixture-workspace.mjs';

const repoRoot = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    'in-place': { type: 'boolean', default: false },
    port: { type: 'string' },
    workspace: { type: 'string', default: join(repoRoot, 'examples') },
  },
});

const source = resolve(options.workspace);
let tempRoot;
let workspace = source;
if (!options['in-place']) {
  tempRoot = await mkdtemp(join(tmpdir(), 'readiness-start-'));
  workspace = join(tempRoot, basename(source));
  await prepareWorkspace(source, workspace);
}

const server = await startCodeServer({ workspace, trust: false, ...(options.port ? { port: Number(options.port) } : {}) });
const developmentPath = `vscode-remote://127.0.0.1:${server.port}${pathToFileURL(repoRoot).pathname}`;
const payload = encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', developmentPath]]));
const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${payload}`;

console.log('');
console.log('  Production Readiness is running in VS Code (code-server):');
console.log(`    ${url}`);
console.log('');
console.log(`  Workspace: ${workspace}${tempRoot ? ' (a copy of examples/, removed on exit)' : ''}`);
console.log('  Open the Readiness view in the activity bar. Press Ctrl+C to stop.');

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  console.log('\n  Stopping code-server…');
  await server.stop();
  if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
server.onExit((code) => {
  if (!stopping) {
    console.error(`code-server exited unexpectedly (code ${code}):\n${server.output()}`);
    void shutdown(1);
  }
});
