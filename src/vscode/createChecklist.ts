import * as vscode from 'vscode';
import {
  CHECKLIST_FILE_NAME,
  CONFIG_FILE_NAME,
  configCandidates,
  DEFAULT_TEMPLATE,
  encodeText,
  localIsoDate,
  starterChecklist,
  starterConfig,
  TEMPLATE_IDS,
  type TemplateId,
  TEMPLATES,
} from '../core';
import type { ChecklistStore } from './checklistStore';
import { exists, isFile, walkUpTo } from './fileSystem';

/** Outcome of `readiness.createChecklist`, for tests and other extensions. */
export type CreateChecklistResult = 'created' | 'exists' | 'cancelled' | 'no-folder' | 'failed';

/**
 * Registers `readiness.createChecklist`: writes a starter PRODUCTION_READINESS.md from a template
 * into a workspace folder (picked when there are several) and opens it; when no `.readiness.yml`
 * governs that folder yet, the template's config is written next to it. An optional folder uri
 * argument (inside the workspace) chooses the target folder directly, and an optional template
 * id the template; without a folder argument the template is picked, with one the default is used.
 */
export function registerCreateChecklist(store: ChecklistStore): vscode.Disposable {
  return vscode.commands.registerCommand('readiness.createChecklist', (target?: unknown, template?: unknown) =>
    createChecklist(store, target, template),
  );
}

async function createChecklist(store: ChecklistStore, target: unknown, templateArg: unknown): Promise<CreateChecklistResult> {
  const folder = await targetFolder(target);
  if (folder === 'cancelled' || folder === 'no-folder') return folder;
  const uri = vscode.Uri.joinPath(folder.uri, CHECKLIST_FILE_NAME);
  if (await exists(uri)) {
    const open = vscode.l10n.t('Open It');
    // Not awaited: the command finishes whether or not the message is ever answered.
    void vscode.window
      .showInformationMessage(vscode.l10n.t('{0} already exists in {1}; it was left unchanged.', CHECKLIST_FILE_NAME, folder.name), open)
      .then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(uri);
      });
    return 'exists';
  }
  const template = isTemplateId(templateArg) ? templateArg : target instanceof vscode.Uri ? DEFAULT_TEMPLATE : await pickTemplate();
  if (!template) return 'cancelled';
  const text = starterChecklist({ name: folder.name, today: localIsoDate(new Date()), template });
  try {
    await vscode.workspace.fs.writeFile(uri, encodeText(text, false));
    if (!(await hasConfig(folder.uri)))
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME), encodeText(starterConfig(template), false));
  } catch (error) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Could not create {0}: {1}', uri.fsPath || uri.toString(), error instanceof Error ? error.message : String(error)),
    );
    return 'failed';
  }
  store.reset();
  await vscode.window.showTextDocument(uri, { preview: false });
  return 'created';
}

function isTemplateId(value: unknown): value is TemplateId {
  return typeof value === 'string' && (TEMPLATE_IDS as readonly string[]).includes(value);
}

async function pickTemplate(): Promise<TemplateId | undefined> {
  const picked = await vscode.window.showQuickPick(
    TEMPLATES.map((t) => ({
      label: templateLabel(t.id),
      description: t.id,
      detail: t.categories.map((c) => c.title).join(' · '),
      id: t.id,
    })),
    { placeHolder: vscode.l10n.t('Template of the new checklist') },
  );
  return picked?.id;
}

function templateLabel(id: TemplateId): string {
  switch (id) {
    case 'service':
      return vscode.l10n.t('Service or API');
    case 'web-frontend':
      return vscode.l10n.t('Web frontend');
    case 'data-pipeline':
      return vscode.l10n.t('Data pipeline');
  }
}

/** True when a `.readiness.yml` in the folder or one of its parents inside the workspace folder applies. */
async function hasConfig(dir: vscode.Uri): Promise<boolean> {
  const root = vscode.workspace.getWorkspaceFolder(dir)?.uri ?? dir;
  for (const { file } of configCandidates(dir, walkUpTo(root))) if (await exists(file)) return true;
  return false;
}

/** The folder to create the checklist in: the argument, the only workspace folder, or the user's pick. */
async function targetFolder(target: unknown): Promise<{ uri: vscode.Uri; name: string } | 'cancelled' | 'no-folder'> {
  if (target instanceof vscode.Uri) {
    const folder = vscode.workspace.getWorkspaceFolder(target);
    if (!folder) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The checklist can only be created inside a workspace folder.'));
      return 'no-folder';
    }
    // A file argument (an explorer selection) means its folder.
    const dir = (await isFile(target)) ? vscode.Uri.joinPath(target, '..') : target;
    const name = dir.toString() === folder.uri.toString() ? folder.name : (dir.path.split('/').filter(Boolean).pop() ?? folder.name);
    return { uri: dir, name };
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first: the checklist is created in a workspace folder.'));
    return 'no-folder';
  }
  if (folders.length === 1) return folders[0];
  const picked = await vscode.window.showWorkspaceFolderPick({
    placeHolder: vscode.l10n.t('Workspace folder to create {0} in', CHECKLIST_FILE_NAME),
  });
  return picked ?? 'cancelled';
}
