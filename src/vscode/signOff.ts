/**
 * Who signed each done item off, from the repository's history: the commit that last changed the
 * item's marker line, read through VS Code's Git extension (no child processes here). Hovers and
 * tree tooltips of done items show it, with a command that opens that commit's change. Without
 * the Git extension (disabled, a virtual workspace, the web), or outside a repository, there is
 * simply nothing to show.
 */
import * as vscode from 'vscode';
import {
  type BlameLine,
  type ChecklistVersion,
  type HistoryPoint,
  type LastChange,
  lastChanges,
  parseBlameDefault,
  progressHistory,
  type ReadinessItem,
} from '../core';
import type { ChecklistState } from './checklistStore';
import type { GitApi, GitExtension, GitRepository } from './gitApi';
import type { Log } from './log';
import { escapeMarkdown } from './markdownEscape';

/** The command a sign-off's link runs: opens the change the commit made to the checklist. */
export const OPEN_SIGN_OFF = 'readiness.openSignOffChange';

/** How many commits of a checklist the report view's burn-up reads. */
const HISTORY_COMMITS = 200;

/** Sign-offs per checklist version, fetched once per version of the text. */
export class SignOffs implements vscode.Disposable {
  private readonly cache = new Map<string, { text: string; changes: Promise<Map<string, LastChange | null> | undefined> }>();
  private readonly subjects = new Map<string, Promise<string>>();
  private readonly histories = new Map<string, { key: string; points: Promise<HistoryPoint[] | undefined> }>();

  constructor(private readonly log?: Log) {}

  /**
   * The last change of the item's marker: undefined when it cannot be told (no Git extension, not
   * in a repository, or the text differs from the file git blamed), null when not committed yet.
   */
  async lastChange(state: ChecklistState, item: ReadinessItem): Promise<LastChange | null | undefined> {
    const key = state.uri.toString();
    let entry = this.cache.get(key);
    if (!entry || entry.text !== state.text) {
      entry = { text: state.text, changes: this.fetch(state) };
      this.cache.set(key, entry);
    }
    const changes = await entry.changes;
    // Asked again next time: the Git extension may be switched on, or open the repository, meanwhile.
    if (!changes && this.cache.get(key) === entry) this.cache.delete(key);
    if (!changes || !changes.has(item.id)) return undefined;
    const change = changes.get(item.id)!;
    if (change === null) return null;
    return { ...change, subject: change.subject || (await this.subject(state.uri, change.commit)) };
  }

  /**
   * The checklist's progress at each of its last commits (oldest first), and at the working tree's
   * text when that differs from HEAD's: the report view's burn-up. Undefined without git.
   */
  async history(state: ChecklistState): Promise<HistoryPoint[] | undefined> {
    const repository = await repositoryOf(state.uri).catch(() => undefined);
    if (!repository) return undefined;
    const key = `${repository.state.HEAD?.commit ?? ''}\0${state.text}`;
    let entry = this.histories.get(state.uri.toString());
    if (!entry || entry.key !== key) {
      entry = { key, points: this.readHistory(repository, state) };
      this.histories.set(state.uri.toString(), entry);
    }
    return entry.points;
  }

  private async readHistory(repository: GitRepository, state: ChecklistState): Promise<HistoryPoint[] | undefined> {
    try {
      const commits = await repository.log({ path: state.uri.fsPath, maxEntries: HISTORY_COMMITS });
      const versions: ChecklistVersion[] = [];
      for (const commit of [...commits].reverse()) {
        versions.push({
          commit: commit.hash,
          date: (commit.authorDate ?? new Date(0)).toISOString(),
          author: commit.authorName ?? '',
          subject: commit.message.split('\n')[0],
          text: await repository.show(commit.hash, state.uri.fsPath),
        });
      }
      if (versions.length === 0) return undefined;
      if (versions.at(-1)!.text !== state.text)
        versions.push({
          commit: null,
          date: new Date().toISOString(),
          author: '',
          subject: vscode.l10n.t('Not committed yet'),
          text: state.text,
        });
      return progressHistory(versions, { config: state.analysis.config, path: state.path });
    } catch (error) {
      this.log?.info(`No history for ${state.path}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** The diff of the checklist at the commit against its parent, opened in an editor. */
  async openChange(uri: vscode.Uri, commit: string): Promise<void> {
    const api = await gitApi();
    if (!api) return;
    const title = vscode.l10n.t('{0} ({1})', vscode.workspace.asRelativePath(uri, false), commit.slice(0, 7));
    await vscode.commands.executeCommand('vscode.diff', api.toGitUri(uri, `${commit}^`), api.toGitUri(uri, commit), title);
  }

  dispose(): void {
    this.cache.clear();
    this.histories.clear();
  }

  private async fetch(state: ChecklistState): Promise<Map<string, LastChange | null> | undefined> {
    try {
      const repository = await repositoryOf(state.uri);
      if (!repository) return undefined;
      const blame = parseBlameDefault(await repository.blame(state.uri.fsPath));
      return lastChanges(state.parsed.checklist, state.parsed.index, matchingLines(blame, state.text));
    } catch (error) {
      // A file git does not track, or a repository being closed: no sign-off to show.
      this.log?.info(`No sign-off history for ${state.path}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private subject(uri: vscode.Uri, commit: string): Promise<string> {
    let subject = this.subjects.get(commit);
    if (!subject) {
      subject = repositoryOf(uri)
        .then((repository) => repository?.getCommit(commit))
        .then((c) => c?.message.split('\n')[0] ?? '')
        .catch(() => '');
      this.subjects.set(commit, subject);
    }
    return subject;
  }
}

/** Blame entries whose line still reads as blamed; the others are dropped (the editor holds unsaved changes). */
function matchingLines(blame: readonly BlameLine[], text: string): (BlameLine | undefined)[] {
  const lines = text.split(/\r\n|\n|\r/);
  return lines.map((line, i) => (blame[i] && blame[i].content === line ? blame[i] : undefined));
}

/** The Git extension's API once it is initialised, or undefined when it is missing or disabled. */
async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  if (!exports?.enabled) return undefined;
  const api = exports.getAPI(1);
  if (api.state !== 'initialized') {
    await new Promise<void>((resolve) => {
      const subscription = api.onDidChangeState((state) => {
        if (state !== 'initialized') return;
        subscription.dispose();
        resolve();
      });
    });
  }
  return api;
}

async function repositoryOf(uri: vscode.Uri): Promise<GitRepository | undefined> {
  if (uri.scheme !== 'file') return undefined;
  return (await gitApi())?.getRepository(uri) ?? undefined;
}

/** "Done since 2026-11-20 · Alice · `abc1234` Tick rollback drill", as Markdown with a link that opens the change. */
export function signOffMarkdown(uri: vscode.Uri, change: LastChange): string {
  const escape = escapeMarkdown;
  const args = encodeURIComponent(JSON.stringify([uri.toString(), change.commit]));
  const short = change.commit.slice(0, 7);
  const head = escape(vscode.l10n.t('Done since {0} · {1}', change.date.slice(0, 10), change.author));
  return `${head} · [\`${short}\` ${escape(change.subject)}](command:${OPEN_SIGN_OFF}?${args} "${escape(vscode.l10n.t('Open the change'))}")`;
}

/** Registers the sign-off service and the command its links run. */
export function registerSignOffs(signOffs: SignOffs): vscode.Disposable {
  return vscode.Disposable.from(
    signOffs,
    vscode.commands.registerCommand(OPEN_SIGN_OFF, (uri: string | vscode.Uri, commit: string) =>
      signOffs.openChange(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri, commit),
    ),
  );
}
