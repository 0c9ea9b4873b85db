// Drives the real VS Code workbench (code-server) in headless Chromium with the packaged VSIX
// installed, the way a user does: clicks, keys, hovers. Waits on what the page shows, never on
// fixed delays. Each test's screenshots and, on failure, the browser console go to
// test-results/e2e/.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/code-server/chromium.mjs';
import { installVsix } from '../../scripts/code-server/install-vsix.mjs';
import { startCodeServer, type RunningCodeServer } from '../../scripts/code-server/start.mjs';
import { prepareWorkspace } from '../../scripts/fixture-workspace.mjs';

export const repoRoot = resolve(__dirname, '..', '..');
/** Where screenshots go; `npm run screenshots` points it elsewhere. */
export const resultsDir = resolve(repoRoot, process.env.READINESS_E2E_OUT ?? 'test-results/e2e');
/** The colour theme: READINESS_E2E_THEME=dark for the dark one. */
const THEME = process.env.READINESS_E2E_THEME === 'dark' ? 'Default Dark Modern' : 'Default Light Modern';
/** How long a UI state may take to appear (the first activation parses the checklist). */
export const UI_TIMEOUT = 30_000;

/** A running workbench on a temporary copy of examples/ (or of another fixture folder). */
export class Workbench {
  private constructor(
    readonly page: Page,
    readonly workspace: string,
    private readonly browser: Browser,
    private readonly server: RunningCodeServer,
    private readonly tempRoot: string,
    readonly consoleLines: string[],
  ) {}

  /** Installs the VSIX, starts code-server in `theme` and opens a copy of `fixture`. */
  static async start(fixture: string = join(repoRoot, 'examples'), theme: string = THEME): Promise<Workbench> {
    const vsix = join(repoRoot, 'dist/production-readiness.vsix');
    if (!existsSync(vsix)) throw new Error('dist/production-readiness.vsix not found: run npm run package first');
    const tempRoot = await mkdtemp(join(tmpdir(), 'readiness-e2e-'));
    const workspace = join(tempRoot, 'orders-api');
    const extensionsDir = join(tempRoot, 'extensions');
    mkdirSync(extensionsDir);
    await prepareWorkspace(fixture, workspace);
    await installVsix(vsix, extensionsDir, tempRoot);
    const server = await startCodeServer({
      workspace,
      extensionsDir,
      settings: {
        'workbench.colorTheme': theme,
        'editor.minimap.enabled': false,
        'window.commandCenter': false,
        'workbench.layoutControl.enabled': false,
        'editor.hover.delay': 150,
        'files.autoSave': 'off',
      },
    });
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.message}`));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return new Workbench(page, workspace, browser, server, tempRoot, consoleLines);
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop().catch(() => undefined);
    await rm(this.tempRoot, { recursive: true, force: true });
  }

  /** A workspace file's text on disk. */
  disk(path: string): Promise<string> {
    return readFile(join(this.workspace, path), 'utf8');
  }

  /** Saves a screenshot as test-results/e2e/<name>.png. */
  async shot(name: string): Promise<string> {
    mkdirSync(resultsDir, { recursive: true });
    const path = join(resultsDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** Saves a screenshot and the console log after a failure. */
  async saveFailure(name: string): Promise<void> {
    await this.shot(`FAILED-${name}`).catch(() => undefined);
    writeFileSync(
      join(resultsDir, `FAILED-${name}.console.log`),
      `${this.consoleLines.join('\n')}\n--- code-server ---\n${this.server.output()}`,
    );
  }

  /** The Readiness entry of the activity bar. */
  get activityEntry(): Locator {
    return this.page.locator('.activitybar .action-item:has(a[aria-label^="Readiness"])').first();
  }

  /** Opens the Readiness view (if not open) and waits for its first row. */
  async openView(): Promise<void> {
    await this.activityEntry.waitFor({ timeout: UI_TIMEOUT });
    if (!(await this.viewPane.isVisible())) await this.activityEntry.click();
    await this.treeRow('Security').waitFor({ timeout: UI_TIMEOUT });
  }

  /** The side bar while it shows the Readiness view (its only view, so it has no pane header). */
  get viewPane(): Locator {
    return this.page.locator('.part.sidebar:has(.composite.title h2:has-text("Readiness"))');
  }

  /** A title action of the Readiness view, by its tooltip. */
  viewAction(title: string): Locator {
    return this.viewPane.locator(`.title-actions a.action-label[aria-label="${title}"]`);
  }

  /** The open context menu (a view's title submenu, a tree item's context menu). */
  get menu(): Locator {
    return this.page.locator('.context-view .monaco-menu');
  }

  /** An entry of the open context menu, by its title. */
  menuEntry(title: string): Locator {
    return this.menu.locator('.action-menu-item', { hasText: title });
  }

  /**
   * Chooses an entry of the open context menu with the mouse. VS Code's menu ignores the mouse-up
   * of its first 100 ms (so the press that opened it cannot choose an entry); a click that lands in
   * that window leaves the menu open, and a user clicks again. So does this, only while the menu is
   * still open: a click that VS Code took closes the menu, and is never repeated.
   */
  async chooseMenuEntry(title: string): Promise<void> {
    const entry = this.menuEntry(title);
    const deadline = Date.now() + UI_TIMEOUT;
    for (;;) {
      await entry.click({ timeout: UI_TIMEOUT });
      try {
        await this.menu.waitFor({ state: 'detached', timeout: 1_000 });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  }

  /** The tree row whose label starts with `label`. */
  treeRow(label: string): Locator {
    return this.viewPane
      .locator('.monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}`) }) })
      .first();
  }

  /** The text a tree row shows (label and description). */
  async rowText(label: string): Promise<string> {
    const row = this.treeRow(label);
    const parts = [
      await row.locator('.label-name').innerText(),
      await row
        .locator('.label-description')
        .innerText()
        .catch(() => ''),
    ];
    return squash(parts.join(' '));
  }

  /** The readiness status bar item. */
  get statusBarItem(): Locator {
    return this.page.locator('.statusbar-item', { hasText: /\d+% ·|\d+%$/ }).first();
  }

  /** Opens the Problems panel and returns its rows. */
  async problems(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ timeout: UI_TIMEOUT });
    return panel.locator('.monaco-list-row');
  }

  /** Opens a workspace file through Quick Open and waits for its editor. */
  async openFile(path: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: UI_TIMEOUT });
    await input.fill(path);
    // Enter picks the focused row, which matches the typed name only once the list has updated.
    await this.page
      .locator('.quick-input-list .monaco-list-row.focused', { hasText: path.split('/').at(-1)! })
      .waitFor({ timeout: UI_TIMEOUT });
    await this.page.keyboard.press('Enter');
    await this.page.locator(`.tab.active[aria-label^="${path.split('/').at(-1)}"]`).waitFor({ timeout: UI_TIMEOUT });
  }

  /** The editor line (rendered) containing `text`. */
  editorLine(text: string): Locator {
    return this.page.locator('.editor-instance .view-line', { hasText: text }).first();
  }

  /** Puts the cursor in the line containing `text`, `column` characters into it. */
  async clickLine(text: string, offsetX = 60): Promise<void> {
    const line = this.editorLine(text);
    await line.waitFor({ timeout: UI_TIMEOUT });
    await line.click({ position: { x: offsetX, y: 5 } });
  }

  /** Chooses an entry of the open action widget (quick-fix menu) with the keyboard, as pointer clicks race its fade-in. */
  async chooseAction(title: string): Promise<void> {
    const menu = this.page.locator('.action-widget');
    await menu.waitFor({ timeout: UI_TIMEOUT });
    for (let i = 0; i < 30; i++) {
      const focused = squash(
        await menu
          .locator('.monaco-list-row.focused')
          .first()
          .innerText()
          .catch(() => ''),
      );
      if (focused.includes(title)) {
        await this.page.keyboard.press('Enter');
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`no "${title}" in the menu: ${squash(await menu.innerText())}`);
  }

  /** Closes menus, quick picks and hovers a failed step may have left open. */
  async dismiss(): Promise<void> {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
  }

  /**
   * Runs `action` with the extension hosts stopped (SIGSTOP), as a busy host would be, and
   * resumes them however `action` ends: what must not wait for the extension shows anyway.
   */
  async whileExtensionHostPaused<T>(action: () => Promise<T>): Promise<T> {
    const hosts = extensionHostPids(this.server.pid);
    if (hosts.length === 0) throw new Error('no extension host process found in the code-server process group');
    for (const pid of hosts) process.kill(pid, 'SIGSTOP');
    try {
      return await action();
    } finally {
      for (const pid of hosts) process.kill(pid, 'SIGCONT');
    }
  }

  /** Waits until `locator`'s element has finished its animations (hovers and menus fade in) and is opaque. */
  async settled(locator: Locator): Promise<void> {
    // These functions run in the page (no closure); this project's types do not include the DOM.
    type PageElement = { getAnimations(options: { subtree: boolean }): { finished: Promise<unknown> }[] };
    type PageWindow = { getComputedStyle(el: unknown): { opacity: string } };
    await locator.evaluate((el: PageElement) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    const opacity = () => locator.evaluate((el) => (globalThis as unknown as PageWindow).getComputedStyle(el).opacity);
    await eventually('an opaque element', async () => (await opacity()) === '1');
  }

  /** Records a measured time in test-results/e2e/timings.jsonl (a measurement, not a pass/fail check). */
  recordTiming(name: string, ms: number): void {
    mkdirSync(resultsDir, { recursive: true });
    appendFileSync(join(resultsDir, 'timings.jsonl'), `${JSON.stringify({ name, ms: Math.round(ms) })}\n`);
    console.log(`      ${name}: ${ms.toFixed(0)} ms`);
  }

  /** Runs a command through the command palette by its title. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: UI_TIMEOUT });
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor({ timeout: UI_TIMEOUT });
    await this.page.keyboard.press('Enter');
  }
}

/** Polls until `probe` returns true, failing with `what` after the timeout. */
export async function eventually(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = UI_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      if (await probe()) return;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The extension host processes (VS Code's `--type=extensionHost` forks) in a process group. */
function extensionHostPids(group: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name in parentheses: state, ppid, pgrp.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (pgrp === group && cmdline.includes('--type=extensionHost')) pids.push(Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
  return pids;
}

/** Whitespace collapsed, for comparing rendered text. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
