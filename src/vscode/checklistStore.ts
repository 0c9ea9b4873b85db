import * as vscode from 'vscode';
import {
  type Analysis,
  type AnalyzerOptions,
  ChecklistAnalyzer,
  CONFIG_FILE_NAMES,
  configCandidates,
  type ConfigResult,
  decodeText,
  defaultConfig,
  type LinkCheck,
  linkTargets,
  localIsoDate,
  parseConfigText,
  type ParsedChecklist,
  type ReadinessConfig,
} from '../core';
import { checkLinkTarget } from './linkCheck';
import { readSettings } from './settings';
import { walkUpTo } from './fileSystem';
import type { Log } from './log';

const EXCLUDE = '{**/node_modules/**,**/.git/**}';
/** How long a parse runs before it gives the extension host's thread back (issue 15: no task over 50 ms). */
const SLICE_MS = 12;

/** One analysed checklist. */
export interface ChecklistState {
  uri: vscode.Uri;
  folder: vscode.WorkspaceFolder;
  /** Path relative to the workspace folder, POSIX. */
  path: string;
  /** The open document's version the analysis was made from; undefined when read from disk. */
  version: number | undefined;
  text: string;
  parsed: ParsedChecklist;
  analysis: Analysis;
  /** The config file that applied, if any. */
  configUri: vscode.Uri | undefined;
}

/** A parsed `.readiness.yml`. */
export interface ConfigState {
  uri: vscode.Uri;
  result: ConfigResult;
}

/**
 * Knows every checklist of the workspace, analyses them lazily, and keeps the analyses fresh:
 * debounced re-analysis on edits, on save, on config changes, and cheap re-evaluation (no
 * re-parse) when evidence files appear or disappear. Every checklist, open in an editor or
 * not, keeps one analyzer (the core's only analysis path), so an edit or a change on disk
 * re-parses only the sections it touched; each document version is analysed at most once.
 */
export class ChecklistStore implements vscode.Disposable {
  private readonly states = new Map<string, ChecklistState>();
  private readonly pending = new Map<string, { version: number | undefined; job: Promise<ChecklistState | undefined> }>();
  /** One analyzer per checklist (open or not), following its versions. */
  private readonly analyzers = new Map<string, ChecklistAnalyzer>();
  /** Bumped when configs or everything are forgotten: an analysis started before must not be stored. */
  private epoch = 0;
  private readonly configs = new Map<string, ConfigState | null>();
  private readonly existence = new Map<string, LinkCheck>();
  /** Bumped whenever `existence` changes: analyzers ask again about links only then (`existsVersion`). */
  private existenceVersion = 0;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private discovered: Promise<vscode.Uri[]> | undefined;
  private readonly generation = new Map<string, number>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly disposables: vscode.Disposable[] = [];

  /** Fires with a checklist's uri when its analysis changed, or undefined when the set of checklists may have changed. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly log?: Log) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      this.emitter,
      this.scanEmitter,
      watcher,
      watcher.onDidCreate((uri) => {
        this.onFileEvent(uri, true);
        void this.rediscoverIfFolder(uri);
      }),
      watcher.onDidDelete((uri) => this.onFileEvent(uri, false)),
      watcher.onDidChange((uri) => this.onFileChanged(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.isChecklistDocument(e.document)) this.schedule(e.document.uri);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (this.isChecklistDocument(d) && this.states.get(d.uri.toString())?.text !== d.getText()) this.schedule(d.uri);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.isChecklist(d.uri)) this.schedule(d.uri, 0);
        else if (isConfigUri(d.uri)) this.reloadConfigs();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reset()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('readiness.maxFileSize')) this.states.clear();
        if (e.affectsConfiguration('readiness')) this.emitter.fire(undefined);
      }),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    if (this.folderTimer) clearTimeout(this.folderTimer);
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /** Checklist files of the workspace (config globs, else `**\/PRODUCTION_READINESS.md`). */
  checklistUris(): Promise<vscode.Uri[]> {
    this.discovered ??= this.nextDiscovery();
    return this.discovered;
  }

  /**
   * A discovery that starts once the running one ended, shared by every request made before it
   * starts: a burst of file events while the scan gives the thread back (a folder deleted) costs
   * one more discovery, not one per event.
   */
  private nextDiscovery(): Promise<vscode.Uri[]> {
    if (this.queuedDiscovery) return this.queuedDiscovery;
    const queued = this.runningDiscovery.then(() => {
      if (this.queuedDiscovery === queued) this.queuedDiscovery = undefined;
      return this.discover();
    });
    this.queuedDiscovery = queued;
    this.runningDiscovery = queued.catch(() => undefined);
    return queued;
  }

  private runningDiscovery: Promise<unknown> = Promise.resolve();
  private queuedDiscovery: Promise<vscode.Uri[]> | undefined;

  /** True when the uri is a known checklist (after discovery). */
  isChecklist(uri: vscode.Uri): boolean {
    return this.known.has(uri.toString());
  }

  private known = new Set<string>();
  /** The globs the last discovery searched: they tell a checklist created since then. */
  private patterns: vscode.RelativePattern[] = [];

  /**
   * True when an open document is a checklist: known from discovery, or matching the globs
   * discovery searched. A file created a moment ago is a checklist before the file watcher
   * reports it (its event may come seconds later, or after the document was opened and
   * edited): it is adopted at once, and the next discovery finds it on disk anyway.
   */
  isChecklistDocument(document: vscode.TextDocument): boolean {
    if (this.isChecklist(document.uri)) return true;
    const matches = (pattern: vscode.GlobPattern) => vscode.languages.match({ pattern }, document) > 0;
    if (!this.patterns.some(matches) || matches(EXCLUDE)) return false;
    this.known.add(document.uri.toString());
    const before = this.discovered;
    this.discovered = before?.then((uris) =>
      uris.some((u) => u.toString() === document.uri.toString()) ? uris : sortUris([...uris, document.uri]),
    );
    this.emitter.fire(undefined);
    return true;
  }

  /**
   * The analysis of an open document's current version, for editor providers: waits for
   * discovery and for the analysis of exactly `document.version` (an analysis of an older
   * version, or of the file on disk, is never answered from). Undefined when the document is not
   * a checklist, was closed, or the request was cancelled.
   */
  async forDocument(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<ChecklistState | undefined> {
    await this.checklistUris();
    if (token?.isCancellationRequested || !this.isChecklistDocument(document)) return undefined;
    // Each round waits for a newer version: the document moved on while the last one was analysed.
    for (let round = 0; round < 20; round++) {
      if (token?.isCancellationRequested || document.isClosed) return undefined;
      const state = await this.get(document.uri);
      if (!state || token?.isCancellationRequested) return undefined;
      if (state.version === document.version) return state;
    }
    return undefined;
  }

  /** Every checklist, analysed (through the first scan while it runs). */
  async all(): Promise<ChecklistState[]> {
    await this.scan();
    const uris = await this.checklistUris();
    const states = await Promise.all(uris.map((u) => this.get(u)));
    return states.filter((s): s is ChecklistState => s !== undefined);
  }

  /**
   * Analyses the checklists of the last discovery that have no analysis yet, one at a time, open
   * editors first, giving the extension host's thread back between files so the views and other
   * extensions stay responsive while a large workspace is analysed; each arrival fires
   * `onDidChange`. One scan runs at a time and callers share it; a rediscovery while it runs
   * (a reset, files created or deleted) extends it rather than starting another.
   */
  scan(): Promise<void> {
    this.scanning ??= this.runScan().finally(() => (this.scanning = undefined));
    return this.scanning;
  }

  /** True when no scan runs and the last discovery has been scanned (every checklist analysed once). */
  get scanned(): boolean {
    return this.scanning === undefined && this.scannedDiscovery === this.discoveries;
  }

  /** How far the running scan got; undefined when none runs. */
  get scanStatus(): ScanStatus | undefined {
    return this.scanProgress;
  }

  /** The checklists of the last discovery analysed so far, in discovery order. */
  async analysedSoFar(): Promise<{ uris: vscode.Uri[]; states: ChecklistState[] }> {
    const uris = await this.checklistUris();
    const states = uris.map((u) => this.states.get(u.toString())).filter((s): s is ChecklistState => s !== undefined);
    return { uris, states };
  }

  private scanning: Promise<void> | undefined;
  /** Counts discoveries started afresh (a checklist adopted from an open document extends the last one). */
  private discoveries = 0;
  private scannedDiscovery = -1;
  private scanProgress: ScanStatus | undefined;
  private readonly scanEmitter = new vscode.EventEmitter<ScanStatus | undefined>();
  /** Fires as a scan starts, advances and ends (undefined). */
  readonly onDidScan = this.scanEmitter.event;

  private async runScan(): Promise<void> {
    // Checklists that could not be analysed (unreadable, outside the folders) are not tried again.
    const tried = new Set<string>();
    const sizes = new Map<string, number>();
    let status: ScanStatus | undefined;
    try {
      let epoch = this.epoch;
      for (;;) {
        if (epoch !== this.epoch) {
          // Everything was forgotten: the scan starts over, and so does its progress.
          epoch = this.epoch;
          tried.clear();
          if (status) this.report(undefined);
          status = undefined;
        }
        const discovery = this.discoveries;
        const uris = await this.checklistUris();
        if (discovery !== this.discoveries) continue;
        const unanalysed = uris.filter((u) => !this.states.has(u.toString()) && !tried.has(u.toString()));
        await Promise.all(
          unanalysed
            .filter((u) => !sizes.has(u.toString()))
            .map(async (u) =>
              sizes.set(
                u.toString(),
                await vscode.workspace.fs.stat(u).then(
                  (s) => s.size,
                  () => 0,
                ),
              ),
            ),
        );
        if (discovery !== this.discoveries) continue;
        const pending = scanOrder(unanalysed, sizes);
        if (pending.length === 0) {
          this.scannedDiscovery = discovery;
          return;
        }
        status = { done: status?.done ?? 0, total: (status?.done ?? 0) + pending.length };
        this.report(status);
        // Only failures are not tried again: a reset or config reload meanwhile forgets analyses,
        // and the scan must analyse those checklists again. It starts over at once, open editors
        // first, rather than waiting for the checklist it was on to be analysed again.
        const forgotten = this.forgotten.promise.then(() => FORGOTTEN);
        const job = this.get(pending[0]);
        // Left behind when the race is lost: its failure is no longer the scan's.
        job.catch(() => undefined);
        const analysed = await Promise.race([job, forgotten]);
        if (analysed === FORGOTTEN) continue;
        if (analysed === undefined) tried.add(pending[0].toString());
        status.done++;
        this.report(status);
        // A macrotask, not a microtask: the host's message loop (views, other extensions, input) runs in between.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      if (status) this.report(undefined);
    }
  }

  private report(status: ScanStatus | undefined): void {
    this.scanProgress = status;
    this.scanEmitter.fire(status && { ...status });
  }

  /** The analysis of one checklist, fresh for its open document's current version. */
  async get(uri: vscode.Uri): Promise<ChecklistState | undefined> {
    const key = uri.toString();
    const doc = openDocument(uri);
    const cached = this.states.get(key);
    const version = doc?.version;
    if (cached && cached.version === version) return cached;
    const running = this.pending.get(key);
    if (running && running.version === version) return running.job;
    const job = this.analyze(uri).finally(() => {
      if (this.pending.get(key)?.job === job) this.pending.delete(key);
    });
    this.pending.set(key, { version, job });
    return job;
  }

  /** The last analysis, without waiting (may be stale or missing). */
  peek(uri: vscode.Uri): ChecklistState | undefined {
    return this.states.get(uri.toString());
  }

  /** Every parsed `.readiness.yml` in the workspace. */
  async configStates(): Promise<ConfigState[]> {
    await this.checklistUris();
    return [...this.configs.values()].filter((c): c is ConfigState => c !== null);
  }

  /** Settles when the epoch is next bumped (`bumpEpoch`). */
  private forgotten = settledLater();

  /** Bumps the epoch: analyses started before are not stored, and a running scan starts over. */
  private bumpEpoch(): void {
    this.epoch++;
    this.forgotten.settle();
    this.forgotten = settledLater();
  }

  /** Forgets everything and rediscovers (the Refresh command). */
  reset(): void {
    this.bumpEpoch();
    this.states.clear();
    this.pending.clear();
    this.analyzers.clear();
    this.configs.clear();
    this.existence.clear();
    this.existenceVersion++;
    this.discovered = undefined;
    this.discoveries++;
    this.known.clear();
    this.emitter.fire(undefined);
  }

  private async discover(): Promise<vscode.Uri[]> {
    // Never inside `activate`: the first discovery loads the core bundle (scripts/build.mjs).
    await new Promise<void>((resolve) => setImmediate(resolve));
    const found = new Map<string, vscode.Uri>();
    const loading = performance.now();
    const configNames = CONFIG_FILE_NAMES.join(',');
    this.firstCoreUseMs ??= performance.now() - loading;
    const configUris = await vscode.workspace.findFiles(`**/{${configNames}}`, EXCLUDE);
    const globs: vscode.RelativePattern[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? [])
      globs.push(new vscode.RelativePattern(folder, '**/PRODUCTION_READINESS.md'));
    for (const uri of configUris) {
      const state = await this.loadConfig(uri);
      const dir = vscode.Uri.joinPath(uri, '..');
      for (const glob of state?.result.config.checklists ?? []) globs.push(new vscode.RelativePattern(dir, glob));
    }
    for (const pattern of globs) {
      for (const uri of await vscode.workspace.findFiles(pattern, EXCLUDE)) found.set(uri.toString(), uri);
    }
    const uris = sortUris([...found.values()]);
    this.known = new Set(uris.map((u) => u.toString()));
    this.patterns = globs;
    await vscode.commands.executeCommand('setContext', 'readiness.noChecklists', uris.length === 0);
    return uris;
  }

  private async analyze(uri: vscode.Uri): Promise<ChecklistState | undefined> {
    const started = performance.now();
    const key = uri.toString();
    const gen = (this.generation.get(key) ?? 0) + 1;
    this.generation.set(key, gen);
    const epoch = this.epoch;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const doc = openDocument(uri);
    let text: string;
    if (doc) {
      text = doc.getText();
    } else {
      try {
        text = decodeText(await vscode.workspace.fs.readFile(uri)).text;
      } catch {
        this.forget(key);
        return undefined;
      }
    }
    const version = doc?.version;
    const path = relativePath(folder, uri);
    const { config, configUri } = await this.configFor(uri, folder);
    const analyzer = this.analyzerFor(key, { config, path, limits: readSettings(uri).limits });
    // A newer analysis of the same file started meanwhile, or the configs were reloaded: the
    // current analysis answers (the newer one, or a fresh one), never a state that is gone.
    const overtaken = () => this.generation.get(key) !== gen || this.epoch !== epoch;
    const first = await this.parseInSlices(key, analyzer, text, overtaken);
    if (!first) return this.get(uri);
    await this.checkExistence(folder, linkTargets(first.checklist));
    if (overtaken()) return this.get(uri);
    // An older one may have parsed its version meanwhile: back to this text (no parse when it is still the last).
    const parsed = analyzer.parse(text);
    const analysis = this.evaluate(folder, analyzer);
    const state: ChecklistState = { uri, folder, path, version, text, parsed, analysis, configUri };
    this.states.set(key, state);
    this.log?.trace(`analysed ${path} in ${(performance.now() - started).toFixed(1)} ms`);
    this.emitter.fire(uri);
    return state;
  }

  /**
   * Parses the text as `analyzer.parse` does, but a cold parse (the first scan's) gives the
   * extension host's thread back between its pieces whenever a slice has run for `SLICE_MS`, so
   * no single task parses a whole large file. Undefined when `overtaken` says, at such a break,
   * that the result is no longer wanted (the analyzer is left as it was).
   */
  private async parseInSlices(
    key: string,
    analyzer: ChecklistAnalyzer,
    text: string,
    overtaken: () => boolean,
  ): Promise<ParsedChecklist | undefined> {
    const steps = analyzer.parseSteps(text);
    let sliceStarted = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (performance.now() - sliceStarted < SLICE_MS) continue;
      this.suspended.set(key, (this.suspended.get(key) ?? 0) + 1);
      try {
        // A macrotask, as between files: input, views and other extensions run in between.
        await new Promise<void>((resolve) => setImmediate(resolve));
      } finally {
        const left = this.suspended.get(key)! - 1;
        if (left > 0) this.suspended.set(key, left);
        else this.suspended.delete(key);
      }
      this.slices++;
      if (overtaken()) return undefined;
      sliceStarted = performance.now();
    }
  }

  /**
   * How long the first discovery's first use of the core took: loading and evaluating
   * dist/core.js when nothing used it before (one task the first scan cannot slice).
   */
  firstCoreUseMs: number | undefined;

  /** Parses suspended between two slices, by checklist: see `parseInSlices`. */
  private readonly suspended = new Map<string, number>();
  private slices = 0;

  /** True while a parse of the checklist is suspended between two slices (the thread was given back in the middle of a file). */
  isParseSuspended(uri: vscode.Uri): boolean {
    return this.suspended.has(uri.toString());
  }

  /** How many times parses gave the thread back in the middle of a file, since the store was made. */
  get parseSlices(): number {
    return this.slices;
  }

  /** The checklist's analyzer, set up with the current config, path and limits. */
  private analyzerFor(key: string, options: AnalyzerOptions): ChecklistAnalyzer {
    let analyzer = this.analyzers.get(key);
    if (analyzer) analyzer.configure(options);
    else this.analyzers.set(key, (analyzer = new ChecklistAnalyzer(options)));
    return analyzer;
  }

  /** Evaluates the analyzer's last parse with what the store knows of the files links point to. */
  private evaluate(folder: vscode.WorkspaceFolder, analyzer: ChecklistAnalyzer): Analysis {
    return analyzer.evaluate({
      exists: (p: string) => this.existence.get(existenceKey(folder, p)) ?? false,
      existsVersion: this.existenceVersion,
      today: localIsoDate(new Date()),
    });
  }

  private async checkExistence(folder: vscode.WorkspaceFolder, paths: readonly string[]): Promise<void> {
    await Promise.all(
      paths.map(async (p) => {
        const key = existenceKey(folder, p);
        if (this.existence.has(key)) return;
        this.existence.set(key, await checkLinkTarget(folder, p));
        this.existenceVersion++;
      }),
    );
  }

  private async configFor(
    uri: vscode.Uri,
    folder: vscode.WorkspaceFolder,
  ): Promise<{ config: ReadinessConfig; configUri: vscode.Uri | undefined }> {
    // A config that cannot be read counts as absent: the walk goes on to the parent folders.
    for (const { dir, file } of configCandidates(vscode.Uri.joinPath(uri, '..'), walkUpTo(folder.uri))) {
      const state = await this.loadConfig(file);
      if (state) return { config: { ...state.result.config, baseDir: relativePath(folder, dir) }, configUri: file };
    }
    return { config: defaultConfig(), configUri: undefined };
  }

  private async loadConfig(uri: vscode.Uri): Promise<ConfigState | null> {
    const key = uri.toString();
    if (this.configs.has(key)) return this.configs.get(key) ?? null;
    let state: ConfigState | null;
    try {
      const doc = openDocument(uri);
      const text = doc ? doc.getText() : decodeText(await vscode.workspace.fs.readFile(uri)).text;
      state = { uri, result: parseConfigText(text) };
    } catch {
      // No such file (the usual case while walking up the folders) or unreadable: no config here.
      state = null;
    }
    this.configs.set(key, state);
    return state;
  }

  private schedule(uri: vscode.Uri, delay = readSettings(uri).debounceMs): void {
    const key = uri.toString();
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.get(uri);
      }, delay),
    );
  }

  private folderTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * A folder created with files in it: the watcher may report the folder yet lose the events of
   * files written into it a moment later (a new folder is watched only once it has been seen), so
   * discovery searches again after a folder appears. Names with a dot are taken for files, and
   * dependency and VCS folders are skipped, so that an install does not stat every file it writes.
   */
  private async rediscoverIfFolder(uri: vscode.Uri): Promise<void> {
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    if (name.includes('.') || /\/(?:node_modules|\.git)(?:\/|$)/.test(uri.path)) return;
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (!stat || (stat.type & vscode.FileType.Directory) === 0) return;
    if (this.folderTimer) clearTimeout(this.folderTimer);
    this.folderTimer = setTimeout(() => {
      this.folderTimer = undefined;
      this.discovered = undefined;
      this.discoveries++;
      this.emitter.fire(undefined);
    }, 100);
  }

  /** Tells the store about a file the extension just created, ahead of the file watcher's event (which may come seconds later). */
  fileCreated(uri: vscode.Uri): void {
    this.onFileEvent(uri, true);
  }

  private onFileEvent(uri: vscode.Uri, exists: boolean): void {
    if (isConfigUri(uri)) {
      this.reloadConfigs();
      return;
    }
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder) {
      const key = existenceKey(folder, relativePath(folder, uri));
      // Created files are asked about again: one may be a symbolic link pointing out.
      if (this.existence.has(key) && this.existence.get(key) !== exists) void this.restat(folder, [relativePath(folder, uri)]);
      // A folder was deleted or created: anything below it may have changed.
      const prefix = key + '/';
      const below = [...this.existence.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(existenceKey(folder, '').length));
      if (below.length > 0) void this.restat(folder, below);
    }
    // A deleted folder may be reported without the checklists inside it.
    const holdsChecklist = !exists && [...this.known].some((k) => k.startsWith(uri.toString() + '/'));
    if (uri.path.endsWith('.md') || holdsChecklist) {
      if (holdsChecklist) for (const k of [...this.states.keys()]) if (k.startsWith(uri.toString() + '/')) this.forget(k);
      this.discovered = undefined;
      this.discoveries++;
      if (!exists) this.forget(uri.toString());
      this.emitter.fire(undefined);
    }
  }

  private onFileChanged(uri: vscode.Uri): void {
    if (isConfigUri(uri)) this.reloadConfigs();
    else if (this.isChecklist(uri) && !openDocument(uri)) {
      this.states.delete(uri.toString());
      this.schedule(uri, 0);
    }
  }

  /** Asks the file system again about paths whose folder changed, and re-evaluates what changed. */
  private async restat(folder: vscode.WorkspaceFolder, paths: readonly string[]): Promise<void> {
    for (const path of paths) {
      const key = existenceKey(folder, path);
      const before = this.existence.get(key);
      this.existence.delete(key);
      this.existenceVersion++;
      await this.checkExistence(folder, [path]);
      if (this.existence.get(key) !== before) this.reevaluate(folder, path);
    }
  }

  /** Re-runs the rules (no parse) for checklists that link to a path whose existence changed. */
  private reevaluate(folder: vscode.WorkspaceFolder, path: string): void {
    for (const state of this.states.values()) {
      if (state.folder.uri.toString() !== folder.uri.toString()) continue;
      if (!linkTargets(state.parsed.checklist).includes(path)) continue;
      const analyzer = this.analyzers.get(state.uri.toString());
      if (!analyzer) continue;
      // Another analysis of this file may have parsed another version since: back to this one's text.
      state.parsed = analyzer.parse(state.text);
      state.analysis = this.evaluate(folder, analyzer);
      this.emitter.fire(state.uri);
    }
  }

  /** Drops what the store knows of one checklist (deleted or unreadable). */
  private forget(key: string): void {
    this.states.delete(key);
    this.analyzers.delete(key);
  }

  private reloadConfigs(): void {
    this.bumpEpoch();
    this.configs.clear();
    this.states.clear();
    this.pending.clear();
    this.analyzers.clear();
    this.discovered = undefined;
    this.discoveries++;
    this.emitter.fire(undefined);
  }
}

/** What a scan's wait for an analysis gives when the epoch was bumped meanwhile. */
const FORGOTTEN = Symbol('forgotten');

/** A promise and the function that settles it. */
function settledLater(): { promise: Promise<void>; settle: () => void } {
  let settle!: () => void;
  const promise = new Promise<void>((resolve) => (settle = resolve));
  return { promise, settle };
}

/** The open text document for a uri, if any. */
/** How far the first scan got: `done` of `total` checklists analysed. */
export interface ScanStatus {
  done: number;
  total: number;
}

/**
 * Open editors' checklists first (the visible ones before the rest), then the smaller files
 * first: one large checklist does not hold back the many small ones behind it.
 */
function scanOrder(uris: readonly vscode.Uri[], sizes: ReadonlyMap<string, number>): vscode.Uri[] {
  const rank = new Map<string, number>();
  for (const d of vscode.workspace.textDocuments) rank.set(d.uri.toString(), 1);
  for (const e of vscode.window.visibleTextEditors) rank.set(e.document.uri.toString(), 0);
  const key = (u: vscode.Uri) => [rank.get(u.toString()) ?? 2, sizes.get(u.toString()) ?? 0];
  return [...uris].sort((a, b) => {
    const [ra, sa] = key(a);
    const [rb, sb] = key(b);
    return ra - rb || sa - sb;
  });
}

export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

function sortUris(uris: vscode.Uri[]): vscode.Uri[] {
  return uris.sort((a, b) => a.toString().localeCompare(b.toString()));
}

function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
  if (uri.path === base || uri.path + '/' === base) return '';
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path.replace(/^\//, '');
}

function existenceKey(folder: vscode.WorkspaceFolder, path: string): string {
  return `${folder.uri.toString()}::${path}`;
}

function isConfigUri(uri: vscode.Uri): boolean {
  return CONFIG_FILE_NAMES.some((n) => uri.path.endsWith('/' + n));
}
