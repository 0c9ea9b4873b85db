import * as vscode from 'vscode';
import {
  configRelative,
  insertLinkEdit,
  isUnderFolder,
  linkDestination,
  localIsoDate,
  type ReadinessItem,
  relinkEdit,
  resolveLinkTarget,
  slugify,
} from '../core';
import type { ChecklistState, ChecklistStore } from './checklistStore';
import { offerCreateRunbook } from './createRunbook';
import { resolveItemTarget, type ItemReference, type ItemTarget } from './itemTarget';
import { exists } from './fileSystem';
import { editItem } from './ticking';

/**
 * What `readiness.linkEvidence` accepts besides a tree node: an item reference, optionally
 * naming the destination of an existing link to replace instead of adding a new link.
 */
export interface LinkEvidenceArgument extends ItemReference {
  replaceTarget?: string;
}

/** Outcome of an evidence command, for callers and tests. */
export type EvidenceResult = 'applied' | 'unchanged' | 'cancelled' | 'invalid' | 'stale' | 'failed' | 'missing';

const EXCLUDE = '{**/node_modules/**,**/.git/**}';
const MAX_PICK_FILES = 5000;

/**
 * Registers the evidence commands. Each acts on the item it is given (tree node or
 * `{uri, itemId}`), else on the item under the cursor:
 * - `readiness.linkEvidence(item?, file?)`: links a workspace file (a workspace-relative POSIX
 *   path or a uri; without it, a quick pick) at the end of the item's first line;
 * - `readiness.createEvidence(item?, fileName?)`: creates a Markdown stub in `evidence.dir`
 *   (without a name, an input box), links it and opens it;
 * - `readiness.openEvidence(item?)` / `readiness.openRunbook(item?)`: opens a linked file that
 *   exists inside the workspace (a quick pick when there are several); a missing runbook (no
 *   link, or no linked file) is offered to be created.
 */
export function registerEvidenceCommands(store: ChecklistStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('readiness.linkEvidence', (arg?: unknown, file?: unknown) => linkEvidence(store, arg, file)),
    vscode.commands.registerCommand('readiness.createEvidence', (arg?: unknown, fileName?: unknown) =>
      createEvidence(store, arg, fileName),
    ),
    vscode.commands.registerCommand('readiness.openEvidence', (arg?: unknown) => openLinked(store, arg, 'evidence')),
    vscode.commands.registerCommand('readiness.openRunbook', (arg?: unknown) => openLinked(store, arg, 'runbooks')),
  );
}

async function linkEvidence(store: ChecklistStore, arg: unknown, file: unknown): Promise<EvidenceResult | undefined> {
  const target = await resolveItemTarget(store, arg);
  if (!target) return noItem();
  const replaceTarget = replaceTargetOf(arg);
  let path: string | undefined;
  if (file === undefined) {
    path = await pickWorkspaceFile(target, replaceTarget !== undefined);
    if (path === undefined) return 'cancelled';
  } else {
    path = workspacePathOf(target.state.folder, file);
    if (path === undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot link "{0}": it is not a file inside the workspace folder.', String(file)));
      return 'invalid';
    }
  }
  const linked = path;
  if (replaceTarget === undefined && [...target.item.evidence, ...target.item.runbooks].some((l) => l.resolved === linked)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" already links {1}.', target.item.label, linked));
    return 'unchanged';
  }
  return editItem(store, target.state.uri, target.item.id, (state, item) => {
    const destination = linkDestination(state.path, linked);
    if (replaceTarget !== undefined) {
      const link = [...item.evidence, ...item.runbooks].find((l) => l.target === replaceTarget && l.span.end > l.span.start);
      if (link) return relinkEdit(state.text, link, destination);
      void vscode.window.showWarningMessage(vscode.l10n.t('The link to replace is no longer in "{0}".', item.label));
      return null;
    }
    const label = isUnderFolder(linked, state.analysis.config.runbooks.dirs) ? 'runbook' : 'evidence';
    return insertLinkEdit(state.text, item, label, destination);
  });
}

async function createEvidence(store: ChecklistStore, arg: unknown, fileName: unknown): Promise<EvidenceResult | undefined> {
  const target = await resolveItemTarget(store, arg);
  if (!target) return noItem();
  const { state, item } = target;
  const dir = resolveLinkTarget(state.analysis.config.evidence.dir, configRelative(state.analysis.config));
  if (dir.kind === 'outside' || dir.kind === 'external') {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('The evidence folder "{0}" is not inside the workspace folder.', state.analysis.config.evidence.dir),
    );
    return 'invalid';
  }
  const dirPath = dir.kind === 'workspace' ? dir.path : '';
  const dirUri = workspaceUri(state.folder, dirPath);
  let name: string | undefined;
  if (fileName === undefined) {
    const suggested = `${slugify(item.text) || 'evidence'}.md`;
    name = await vscode.window.showInputBox({
      title: vscode.l10n.t('Create evidence for "{0}"', item.label),
      prompt: vscode.l10n.t('File name in {0}', dirPath === '' ? './' : dirPath + '/'),
      value: suggested,
      valueSelection: [0, suggested.length - '.md'.length],
      validateInput: (value) => fileNameProblem(dirUri, value),
    });
    if (name === undefined) return 'cancelled';
  } else {
    name = String(fileName);
  }
  const problem = await fileNameProblem(dirUri, name);
  if (problem) {
    void vscode.window.showErrorMessage(problem);
    return 'invalid';
  }
  const file = markdownName(name);
  const path = dirPath === '' ? file : `${dirPath}/${file}`;
  const uri = workspaceUri(state.folder, path);
  await vscode.workspace.fs.createDirectory(dirUri);
  // Checked again right before writing: never overwrite a file that appeared meanwhile.
  if (await exists(uri)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" already exists; it was not changed.', path));
    return 'invalid';
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(evidenceStub(state, item, path)));
  const result = await linkEvidence(store, { uri: state.uri, itemId: item.id }, uri);
  await vscode.window.showTextDocument(uri);
  return result;
}

async function openLinked(store: ChecklistStore, arg: unknown, kind: 'evidence' | 'runbooks'): Promise<vscode.Uri | undefined> {
  const target = await resolveItemTarget(store, arg);
  if (!target) return noItem();
  const { state, item } = target;
  const links = item[kind];
  if (links.length === 0) {
    if (kind === 'runbooks') {
      offerCreateRunbook(vscode.l10n.t('"{0}" has no runbook.', item.label), { uri: state.uri, itemId: item.id }, false);
      return undefined;
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" links no evidence file.', item.label));
    return undefined;
  }
  const openable = new Map<string, vscode.Uri>();
  let refused: string | undefined;
  let missing: string | undefined;
  for (const link of links) {
    const uri = link.outside || link.resolved === null ? undefined : workspaceUri(state.folder, link.resolved);
    if (uri && (await exists(uri))) openable.set(link.resolved!, uri);
    else
      refused ??= link.outside
        ? vscode.l10n.t('"{0}" points outside the workspace; it is not opened.', link.target)
        : vscode.l10n.t('"{0}" does not exist.', link.target);
    if (uri && !openable.has(link.resolved!)) missing ??= link.target;
  }
  if (openable.size === 0 && kind === 'runbooks' && missing !== undefined) {
    offerCreateRunbook(vscode.l10n.t('"{0}" does not exist.', missing), { uri: state.uri, itemId: item.id, target: missing }, true);
    return undefined;
  }
  if (openable.size === 0) {
    void vscode.window.showWarningMessage(refused ?? vscode.l10n.t('Nothing to open.'));
    return undefined;
  }
  let chosen: vscode.Uri | undefined;
  if (openable.size === 1) {
    chosen = [...openable.values()][0];
  } else {
    const picked = await vscode.window.showQuickPick(
      [...openable].map(([path, uri]) => ({ label: basename(path), description: dirname(path), uri })),
      {
        title:
          kind === 'evidence' ? vscode.l10n.t('Open evidence of "{0}"', item.label) : vscode.l10n.t('Open runbook of "{0}"', item.label),
      },
    );
    chosen = picked?.uri;
  }
  if (chosen) await vscode.commands.executeCommand('vscode.open', chosen);
  return chosen;
}

/** Workspace files to link, evidence folder first; the checklist itself left out. */
async function pickWorkspaceFile(target: ItemTarget, relink: boolean): Promise<string | undefined> {
  const { state, item } = target;
  const resolvedDir = resolveLinkTarget(state.analysis.config.evidence.dir, configRelative(state.analysis.config));
  const evidenceDir = resolvedDir.kind === 'workspace' ? resolvedDir.path : state.analysis.config.evidence.dir;
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(state.folder, '**/*'), EXCLUDE, MAX_PICK_FILES);
  const paths = uris.map((u) => folderRelative(state.folder, u)).filter((p): p is string => p !== undefined && p !== state.path);
  const inEvidence = paths.filter((p) => isUnderFolder(p, [evidenceDir])).sort();
  const others = paths.filter((p) => !isUnderFolder(p, [evidenceDir])).sort();
  type Pick = vscode.QuickPickItem & { path?: string };
  const group = (label: string, list: string[]): Pick[] =>
    list.length === 0
      ? []
      : [
          { label, kind: vscode.QuickPickItemKind.Separator },
          ...list.map((p) => ({ label: basename(p), description: dirname(p), path: p })),
        ];
  const picked = await vscode.window.showQuickPick<Pick>(
    [...group(vscode.l10n.t('Evidence folder'), inEvidence), ...group(vscode.l10n.t('Other files'), others)],
    {
      title: relink ? vscode.l10n.t('Re-link evidence of "{0}"', item.label) : vscode.l10n.t('Link evidence to "{0}"', item.label),
      placeHolder: vscode.l10n.t('Choose the file that shows this item is done'),
      matchOnDescription: true,
    },
  );
  return picked?.path;
}

/** A workspace-relative POSIX path from a command argument (path string or uri), when it names a place inside the folder. */
function workspacePathOf(folder: vscode.WorkspaceFolder, file: unknown): string | undefined {
  if (file instanceof vscode.Uri) return folderRelative(folder, file);
  if (typeof file !== 'string') return undefined;
  const target = resolveLinkTarget(file.replace(/\\/g, '/'), '');
  return target.kind === 'workspace' ? target.path : undefined;
}

function folderRelative(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== folder.uri.scheme || uri.authority !== folder.uri.authority) return undefined;
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
  return uri.path.startsWith(base) && uri.path.length > base.length ? uri.path.slice(base.length) : undefined;
}

function workspaceUri(folder: vscode.WorkspaceFolder, path: string): vscode.Uri {
  return path === '' ? folder.uri : vscode.Uri.joinPath(folder.uri, ...path.split('/'));
}

function replaceTargetOf(arg: unknown): string | undefined {
  const value = typeof arg === 'object' && arg !== null ? (arg as LinkEvidenceArgument).replaceTarget : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Why a file name cannot be used for a new evidence file in `dir`, or undefined when it can. */
async function fileNameProblem(dir: vscode.Uri, value: string): Promise<string | undefined> {
  const name = value.trim();
  if (name === '') return vscode.l10n.t('Enter a file name.');
  if (/[/\\]/.test(name)) return vscode.l10n.t('Enter a file name, not a path.');
  if (name.startsWith('.')) return vscode.l10n.t('The name must not start with a dot.');
  // eslint-disable-next-line no-control-regex -- control characters are what this rejects
  if (/[<>:"|?*\u0000-\u001f]/.test(name)) return vscode.l10n.t('The name must not contain < > : " | ? * or control characters.');
  if (name.length > 200) return vscode.l10n.t('The name is too long.');
  const file = markdownName(name);
  if (await exists(vscode.Uri.joinPath(dir, file))) return vscode.l10n.t('"{0}" already exists.', file);
  return undefined;
}

function markdownName(name: string): string {
  const trimmed = name.trim();
  return /\.(?:md|markdown)$/i.test(trimmed) ? trimmed : `${trimmed}.md`;
}

function evidenceStub(state: ChecklistState, item: ReadinessItem, path: string): string {
  const back = linkDestination(path, state.path);
  return [
    `# ${vscode.l10n.t('Evidence: {0}', item.label)}`,
    '',
    `- ${vscode.l10n.t('Checklist')}: [${state.path}](${back})`,
    `- ${vscode.l10n.t('Item')}: ${item.label}`,
    `- ${vscode.l10n.t('Date')}: ${localIsoDate(new Date())}`,
    '',
    `## ${vscode.l10n.t('What was checked')}`,
    '',
    '',
  ].join('\n');
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function dirname(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

function noItem(): undefined {
  void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a checklist item, or run this from the Readiness view.'));
  return undefined;
}
