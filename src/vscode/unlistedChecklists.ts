import * as vscode from 'vscode';
import {
  addChecklistGlobs,
  CHECKLIST_HEAD_CHARS,
  CONFIG_FILE_NAME,
  configCandidates,
  decodeText,
  globForPath,
  looksLikeChecklist,
  nameLooksLikeChecklist,
  UNLISTED_EXCLUDE_GLOB,
} from '../core';
import type { ChecklistStore } from './checklistStore';
import { nextEvent } from './events';
import { isFile, walkUpTo } from './fileSystem';
import { type Log, logFailure } from './log';
import { changedRange } from './teachStatus';

/** At most this many Markdown files are looked at. */
const MAX_FILES = 2_000;
/** Files over this size are judged by their name only (the file system reads whole files). */
const MAX_READ_BYTES = 1_048_576;
/** Where "Don't ask again for this workspace" is kept. */
const DISMISSED_KEY = 'readiness.unlistedChecklists.dismissed';
/** The first look waits this long after activation: activation and the first requests come first. */
const FIRST_LOOK_MS = 2_000;
/** True while there are candidates (the welcome view's offer). */
const CONTEXT_KEY = 'readiness.unlistedChecklists';

/** The label of the view's offer: "Found 2 more Markdown checklists — add them?". */
export function unlistedOfferLabel(count: number): string {
  return count === 1
    ? vscode.l10n.t('Found 1 more Markdown checklist — add it?')
    : vscode.l10n.t('Found {0} more Markdown checklists — add them?', count);
}

/** Outcome of `readiness.addUnlistedChecklists`, for callers and tests. */
export type AddUnlistedResult = 'added' | 'cancelled' | 'refused' | 'failed' | 'none';

/**
 * Markdown files of the workspace that look like readiness checklists (core `looksLikeChecklist`)
 * but that no config names: found after the store's discovery, again whenever the set of
 * checklists may have changed. The Readiness view offers to add them (`candidates`,
 * `onDidChange`); `readiness.addUnlistedChecklists` writes their globs into `.readiness.yml`.
 */
export class UnlistedChecklists implements vscode.Disposable {
  private found: vscode.Uri[] = [];
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /** Each file's content verdict by its modification time and size: a look again reads only files that changed. */
  private readonly verdicts = new Map<string, { stamp: string; looks: boolean }>();

  /** Fires when `candidates` changed. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly store: ChecklistStore,
    private readonly state: vscode.Memento,
    private readonly log?: Log,
  ) {
    this.disposables.push(
      this.emitter,
      // `undefined`: the set of checklists may have changed (files created or deleted, configs reloaded).
      store.onDidChange((uri) => {
        if (uri === undefined) this.schedule();
      }),
    );
    this.schedule(FIRST_LOOK_MS);
  }

  /** Files to offer, sorted; empty while looking, after "Don't ask again", or when there are none. */
  get candidates(): vscode.Uri[] {
    return [...this.found];
  }

  /** True when the user chose "Don't ask again for this workspace". */
  get dismissed(): boolean {
    return this.state.get<boolean>(DISMISSED_KEY, false);
  }

  /** Looks again now (after the store's discovery); settles when the candidates are current. */
  async refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.look();
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops offering in this workspace. */
  async dismiss(): Promise<void> {
    await this.state.update(DISMISSED_KEY, true);
    this.set([]);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private schedule(delay = 500): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  private async look(): Promise<void> {
    if (this.dismissed) return this.set([]);
    try {
      this.set(await this.find());
    } catch (error) {
      // Nothing to offer is the safe side: the configured checklists are shown as before.
      if (this.log) logFailure(this.log, 'looking for unlisted checklists failed', error);
      this.set([]);
    }
  }

  /**
   * Looks through the workspace's Markdown files (at most `MAX_FILES`, excluded folders skipped)
   * for files that look like checklists and that the store's discovery did not find, whether or
   * not offers were dismissed; sorted.
   */
  async find(): Promise<vscode.Uri[]> {
    if (!vscode.workspace.workspaceFolders?.length) return [];
    // After the first scan, not beside it: the store's scan is what the user waits for.
    while (this.store.scanStatus !== undefined) await nextEvent(this.store.onDidScan);
    const started = performance.now();
    // Covered files are the ones the store's discovery (every config's globs) found.
    await this.store.checklistUris();
    const files = await vscode.workspace.findFiles('**/*.{md,markdown}', UNLISTED_EXCLUDE_GLOB, MAX_FILES);
    const found: vscode.Uri[] = [];
    for (const [i, uri] of files.entries()) {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder || this.store.isChecklist(uri)) continue;
      const path = vscode.workspace.asRelativePath(uri, false);
      if (globForPath(path) === undefined) continue;
      if (nameLooksLikeChecklist(path) || (await this.contentLooksLikeChecklist(uri, path))) found.push(uri);
      // Gives the extension host's thread back now and then: thousands of files are read.
      if (i % 50 === 49) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const current = new Set(files.map((u) => u.toString()));
    for (const key of [...this.verdicts.keys()]) if (!current.has(key)) this.verdicts.delete(key);
    // The store may have found some of them meanwhile (a config was written).
    await this.store.checklistUris();
    const unlisted = found.filter((u) => !this.store.isChecklist(u)).sort((a, b) => a.toString().localeCompare(b.toString()));
    this.log?.trace(
      `unlisted checklists: ${unlisted.length} of ${files.length} Markdown files in ${(performance.now() - started).toFixed(0)} ms`,
    );
    return unlisted;
  }

  private async contentLooksLikeChecklist(uri: vscode.Uri, path: string): Promise<boolean> {
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (!stat) return false;
    const stamp = `${stat.mtime}:${stat.size}`;
    const known = this.verdicts.get(uri.toString());
    if (known?.stamp === stamp) return known.looks;
    const looks = looksLikeChecklist(path, stat.size > MAX_READ_BYTES ? undefined : await head(uri));
    this.verdicts.set(uri.toString(), { stamp, looks });
    return looks;
  }

  private set(uris: vscode.Uri[]): void {
    const same = uris.length === this.found.length && uris.every((u, i) => u.toString() === this.found[i].toString());
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY, uris.length > 0);
    if (same) return;
    this.found = uris;
    this.emitter.fire();
  }
}

/**
 * Registers the finder and its commands: `readiness.addUnlistedChecklists(uris?)` (without
 * arguments a pick of every candidate, all picked; with an array of uris those files, without
 * asking) and `readiness.dismissUnlistedChecklists`.
 */
export function registerUnlistedChecklists(
  store: ChecklistStore,
  state: vscode.Memento,
  log?: Log,
): vscode.Disposable & { finder: UnlistedChecklists } {
  const finder = new UnlistedChecklists(store, state, log);
  const disposable = vscode.Disposable.from(
    finder,
    vscode.commands.registerCommand('readiness.addUnlistedChecklists', (arg?: unknown) => addUnlisted(store, finder, arg)),
    vscode.commands.registerCommand('readiness.dismissUnlistedChecklists', () => finder.dismiss()),
  );
  return Object.assign(disposable, { finder });
}

async function addUnlisted(store: ChecklistStore, finder: UnlistedChecklists, arg: unknown): Promise<AddUnlistedResult> {
  const given = urisOf(arg);
  const uris = given ?? (await pick(finder));
  if (uris === undefined) return 'cancelled';
  if (uris === 'dismissed') {
    await finder.dismiss();
    return 'cancelled';
  }
  if (uris.length === 0) return 'none';
  const byConfig = new Map<string, { config: vscode.Uri; globs: string[] }>();
  for (const uri of uris) {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) continue;
    const config = await governingConfig(uri, folder);
    const dir = vscode.Uri.joinPath(config, '..');
    const glob = globForPath(uri.path.slice(dir.path.replace(/\/$/, '').length + 1));
    if (glob === undefined) continue;
    const entry = byConfig.get(config.toString()) ?? { config, globs: [] };
    entry.globs.push(glob);
    byConfig.set(config.toString(), entry);
  }
  if (byConfig.size === 0) return 'none';
  let result: AddUnlistedResult = 'added';
  for (const { config, globs } of byConfig.values()) {
    const outcome = await writeGlobs(config, globs);
    if (outcome !== 'added') result = outcome;
  }
  // The file watcher may report the write late: the configs are read again now.
  store.reset();
  await store.checklistUris();
  await finder.refresh();
  return result;
}

/** The candidates to add, picked by the user (all picked to start with); 'dismissed' for "Don't ask again". */
async function pick(finder: UnlistedChecklists): Promise<vscode.Uri[] | 'dismissed' | undefined> {
  // Asked for by name: offers dismissed for the view are still made here.
  if (!finder.dismissed) await finder.refresh();
  const candidates = finder.dismissed ? await finder.find() : finder.candidates;
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Every Markdown file that looks like a readiness checklist is already listed.'),
    );
    return [];
  }
  const items = candidates.map((uri) => ({ label: vscode.workspace.asRelativePath(uri, true), picked: true, uri }));
  const quickPick = vscode.window.createQuickPick<(typeof items)[number]>();
  const dismiss: vscode.QuickInputButton = {
    iconPath: new vscode.ThemeIcon('bell-slash'),
    tooltip: vscode.l10n.t("Don't Ask Again for This Workspace"),
  };
  quickPick.title = vscode.l10n.t('Add Markdown Checklists to .readiness.yml');
  quickPick.placeholder = vscode.l10n.t('These files look like readiness checklists but no configuration lists them');
  quickPick.canSelectMany = true;
  quickPick.items = items;
  quickPick.selectedItems = items;
  quickPick.buttons = [dismiss];
  return new Promise((resolve) => {
    let answer: vscode.Uri[] | 'dismissed' | undefined;
    quickPick.onDidAccept(() => {
      answer = quickPick.selectedItems.map((i) => i.uri);
      quickPick.hide();
    });
    quickPick.onDidTriggerButton((button) => {
      if (button !== dismiss) return;
      answer = 'dismissed';
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(answer);
    });
    quickPick.show();
  });
}

/** The config file that governs a file (the nearest in its folder or above), or a new one at the workspace folder's root. */
async function governingConfig(uri: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<vscode.Uri> {
  for (const { file } of configCandidates(vscode.Uri.joinPath(uri, '..'), walkUpTo(folder.uri))) if (await isFile(file)) return file;
  return vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
}

async function writeGlobs(config: vscode.Uri, globs: string[]): Promise<AddUnlistedResult> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === config.toString());
  const text = open ? open.getText() : await readText(config);
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const result = addChecklistGlobs(text.slice(bom.length), globs);
  const name = vscode.workspace.asRelativePath(config, true);
  if ('refused' in result) {
    const message =
      result.line === undefined
        ? vscode.l10n.t('Could not add checklists to {0}: {1}', name, result.refused)
        : vscode.l10n.t('Could not add checklists to {0} (line {1}): {2}', name, result.line, result.refused);
    const show = vscode.l10n.t('Open {0}', name);
    void vscode.window.showErrorMessage(message, show).then((choice) => {
      if (choice !== show) return;
      const at = new vscode.Position(Math.max(0, (result.line ?? 1) - 1), 0);
      void vscode.window.showTextDocument(config, { selection: new vscode.Range(at, at) });
    });
    return 'refused';
  }
  if (result.added.length === 0) return 'added';
  const next = bom + result.text;
  try {
    if (open) {
      const edit = new vscode.WorkspaceEdit();
      const { from, to, insert } = changedRange(text, next);
      edit.replace(config, new vscode.Range(open.positionAt(from), open.positionAt(to)), insert);
      if (!(await vscode.workspace.applyEdit(edit))) return 'failed';
      await open.save();
    } else {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(next));
    }
  } catch (error) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Could not write {0}: {1}', name, error instanceof Error ? error.message : String(error)),
    );
    return 'failed';
  }
  return 'added';
}

/** The head of a file's text, for the content rule; undefined when it is unreadable. */
async function head(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    // Four bytes a character at most: enough for CHECKLIST_HEAD_CHARS characters. The cut falls
    // between two characters, else the decoder would take the text for another encoding.
    let end = Math.min(bytes.length, CHECKLIST_HEAD_CHARS * 4);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) end -= end % 2;
    else while (end < bytes.length && end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
    return decodeText(bytes.subarray(0, end)).text;
  } catch {
    return undefined;
  }
}

/** The file's text; '' when it does not exist (it is created). */
async function readText(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return '';
  }
}

function urisOf(arg: unknown): vscode.Uri[] | undefined {
  if (!Array.isArray(arg)) return undefined;
  return arg.flatMap((u) => (u instanceof vscode.Uri ? [u] : typeof u === 'string' ? [vscode.Uri.parse(u)] : []));
}
