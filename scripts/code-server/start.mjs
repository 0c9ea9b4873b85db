// Starts the code-server installed by install.sh on a free loopback port, with fresh
// user-data and extensions folders, and returns how to reach and stop it.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const repoRoot = resolve(import.meta.dirname, '../..');

/** Folder install.sh installs into (override with CODE_SERVER_DIR). */
export const codeServerDir = process.env.CODE_SERVER_DIR ?? join(repoRoot, '.vscode-test/code-server');
const entryPoint = join(codeServerDir, 'node_modules/code-server/out/node/entry.js');

const startTimeoutMs = 60_000;
const stopTimeoutMs = 5_000;
const maxLogChars = 20_000;

/**
 * @typedef {object} StartOptions
 * @property {string} workspace Folder to open.
 * @property {string} [extensionsDir] Defaults to a fresh temporary folder.
 * @property {string} [userDataDir] Defaults to a fresh temporary folder.
 * @property {boolean} [trust] Keep workspace trust on (for restricted-mode tests). Default false.
 * @property {Record<string, unknown>} [settings] User settings on top of the quiet defaults (e.g. a colour theme).
 * @property {Record<string, string>} [env] Extra environment; the extension host inherits it.
 * @property {number} [port] Defaults to a free loopback port.
 */

/**
 * @typedef {object} RunningCodeServer
 * @property {string} url Base URL, e.g. http://127.0.0.1:41234
 * @property {number} port
 * @property {string} userDataDir
 * @property {number} pid The server's process id, which is also its process group's (the extension host is in it).
 * @property {() => string} output What the server printed so far (stdout and stderr, truncated).
 * @property {(listener: (code: number | null, signal: string | null) => void) => void} onExit
 * @property {() => Promise<void>} stop Kills the process group and removes the temporary folders.
 */

/**
 * @param {StartOptions} options
 * @returns {Promise<RunningCodeServer>}
 */
export async function startCodeServer(options) {
  if (!existsSync(entryPoint)) {
    throw new Error(`code-server is not installed in ${codeServerDir}: run bash scripts/code-server/install.sh`);
  }
  const trust = options.trust ?? false;
  const port = options.port ?? (await freePort());
  const tempRoot = await mkdtemp(join(tmpdir(), 'readiness-code-server-'));
  const userDataDir = options.userDataDir ?? join(tempRoot, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(tempRoot, 'extensions');
  await mkdir(extensionsDir, { recursive: true });
  await seedUserSettings(userDataDir, trust, options.settings ?? {});

  const args = [
    entryPoint,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  if (!trust) args.push('--disable-workspace-trust');
  args.push(options.workspace);

  const child = spawn(process.execPath, args, {
    cwd: options.workspace,
    env: serverEnvironment(tempRoot, options.env),
    detached: true, // own process group, so stop() also ends the extension host and watchers
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk) => {
    output = (output + chunk.toString()).slice(-maxLogChars);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);

  let exited = false;
  const exitListeners = [];
  const exitPromise = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => {
      exited = true;
      for (const listener of exitListeners) listener(code, signal);
      resolveExit();
    });
  });

  // The server runs in its own process group, so it would outlive a runner that dies or is
  // interrupted: end it when this process exits without having called stop().
  const killOnExit = () => {
    if (!exited) killGroup(child.pid, 'SIGKILL');
    rmSync(tempRoot, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', killOnExit);
    if (!exited) {
      killGroup(child.pid, 'SIGTERM');
      const timedOut = await Promise.race([exitPromise.then(() => false), delay(stopTimeoutMs, true)]);
      if (timedOut) killGroup(child.pid, 'SIGKILL');
    }
    // The extension host and file watchers may outlive the server for a moment.
    killGroup(child.pid, 'SIGKILL');
    await rm(tempRoot, { recursive: true, force: true, maxRetries: 3 });
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(url, () => (exited ? `code-server exited with code ${child.exitCode}` : undefined));
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n--- code-server output ---\n${output}`, { cause: error });
  }
  return {
    url,
    port,
    userDataDir,
    pid: child.pid,
    output: () => output,
    onExit: (listener) => exitListeners.push(listener),
    stop,
  };
}

/** Settings that keep the workbench quiet and deterministic for tests. */
async function seedUserSettings(userDataDir, trust, extra) {
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    // Git's extension scans every opened folder; tests that need it can turn it back on.
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'security.workspace.trust.enabled': trust,
    // With trust on, open untrusted folders in restricted mode without the modal prompt.
    'security.workspace.trust.startupPrompt': 'never',
    ...(trust ? {} : { 'security.workspace.trust.banner': 'never' }),
    ...extra,
  };
  const userDir = join(userDataDir, 'User');
  await mkdir(userDir, { recursive: true });
  const settingsFile = join(userDir, 'settings.json');
  if (!existsSync(settingsFile)) {
    await writeFile(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
  }
}

function serverEnvironment(tempRoot, extra) {
  const env = {
    ...process.env,
    // No extension gallery: this machine cannot reach it, and the failing look-ups slow the start.
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
  // Variables of a surrounding VS Code would make code-server's CLI talk to that editor instead.
  for (const name of Object.keys(env)) {
    if (name.startsWith('VSCODE_') || name === 'ELECTRON_RUN_AS_NODE') delete env[name];
  }
  // Otherwise code-server writes ~/.config/code-server/config.yaml.
  env.CODE_SERVER_CONFIG = join(tempRoot, 'config.yaml');
  return env;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/** Asks the kernel for a free port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntilServing(url, exitReason) {
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    const reason = exitReason();
    if (reason) throw new Error(`code-server did not start: ${reason}`);
    if (await answers(`${url}/healthz`)) return;
    if (Date.now() > deadline) {
      throw new Error(`code-server did not answer on ${url} within ${startTimeoutMs / 1000} s`);
    }
    await delay(200);
  }
}

function answers(url) {
  return new Promise((resolveAnswer) => {
    const request = get(url, { timeout: 2_000 }, (response) => {
      response.resume();
      resolveAnswer(response.statusCode === 200);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolveAnswer(false));
  });
}
