import * as vscode from 'vscode';
import { version } from '../../package.json';
import { formatReport, type HistoryFile, localIsoDate, relativeUrlPath, type ReportFormat } from '../core';
import type { ChecklistStore } from './checklistStore';
import { logFailure, type Log } from './log';
import { revealLine } from './commands';
import { workspaceSources, type WorkspaceSource } from './reportSources';
import type { SignOffs } from './signOff';

/** The report panel's view type: its serializer restores the tab after a reload. */
const VIEW_TYPE = 'readiness.report';
/** The one command the report's links may run: opens a workspace file at a line. */
const OPEN_LOCATION = 'readiness.openLocation';

/** Formats "Export Report…" writes. */
export type ExportFormat = Extract<ReportFormat, 'html' | 'markdown' | 'json' | 'sarif'>;

const EXTENSIONS: Readonly<Record<ExportFormat, string>> = { html: 'html', markdown: 'md', json: 'json', sarif: 'sarif' };

/** The report view's commands, plus what the panel shows now (for tests). */
export interface ReportView extends vscode.Disposable {
  /** The HTML the report panel shows, or undefined while it is closed. */
  html(): string | undefined;
}

/**
 * Registers "Readiness: Open Report" (the HTML report in a webview that follows every change of
 * the store; no scripts, no local resources, a CSP that allows only its own nonce-tagged
 * stylesheet) and "Readiness: Export Report…" (HTML, Markdown, JSON or SARIF to a file).
 */
export function registerReportView(store: ChecklistStore, log: Log, signOffs?: SignOffs): ReportView {
  let panel: vscode.WebviewPanel | undefined;
  let shown: string | undefined;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** The latest render: an overtaken render answers with it. */
  let latest: Promise<string | undefined> = Promise.resolve(undefined);
  const render = (): Promise<string | undefined> => (latest = renderNow(++generation));
  const renderNow = async (current: number): Promise<string | undefined> => {
    const sources = await workspaceSources(store);
    // The burn-up, when the Git extension knows the checklists' history (left out otherwise).
    const history = signOffs ? await histories(store, signOffs, sources) : [];
    if (!panel) return shown;
    // A later render started meanwhile: its page is the one to show and to answer with.
    if (current !== generation) return latest;
    const nonce = createNonce();
    const html = formatReport(sources, 'html', {
      toolVersion: version,
      today: localIsoDate(new Date()),
      html: {
        title: vscode.l10n.t('Production readiness'),
        csp: `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:`,
        nonce,
        linkTo: commandLinks(sources),
        history: history.length > 0 ? history : undefined,
      },
    });
    panel.webview.html = html;
    shown = html;
    return html;
  };

  const adopt = (created: vscode.WebviewPanel): void => {
    panel = created;
    // Restored panels keep the options they were saved with: set the current ones.
    created.webview.options = WEBVIEW_OPTIONS;
    created.onDidDispose(() => {
      // A render still scheduled for the closed panel would race the next panel's first one.
      if (timer) clearTimeout(timer);
      if (panel === created) {
        panel = undefined;
        shown = undefined;
      }
    });
  };

  const open = async (): Promise<string | undefined> => {
    if (panel) panel.reveal();
    else
      adopt(
        vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Readiness Report'), vscode.ViewColumn.Active, {
          ...WEBVIEW_OPTIONS,
          enableFindWidget: true,
        }),
      );
    return render();
  };

  const serializer = vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
    async deserializeWebviewPanel(restored: vscode.WebviewPanel) {
      // A second report tab restored after the first one: keep one panel, as the command does.
      if (panel) {
        restored.dispose();
        return;
      }
      adopt(restored);
      await render().catch((error: unknown) => logFailure(log, 'the report could not be rendered', error));
    },
  });

  const changed = store.onDidChange(() => {
    if (!panel) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void render().catch((error: unknown) => logFailure(log, 'the report could not be rendered', error)), 150);
  });

  const disposable = vscode.Disposable.from(
    changed,
    serializer,
    vscode.commands.registerCommand('readiness.openReport', open),
    vscode.commands.registerCommand(OPEN_LOCATION, openLocation),
    vscode.commands.registerCommand('readiness.exportReport', (target?: unknown, format?: unknown) => exportReport(store, target, format)),
    {
      dispose: () => {
        if (timer) clearTimeout(timer);
        panel?.dispose();
      },
    },
  );
  return { dispose: () => disposable.dispose(), html: () => shown };
}

/** Each checklist's history from git, by report path; checklists without one are left out. */
async function histories(store: ChecklistStore, signOffs: SignOffs, sources: readonly WorkspaceSource[]): Promise<HistoryFile[]> {
  const files: HistoryFile[] = [];
  for (const source of sources) {
    const state = source.analysis.checklist ? store.peek(source.uri) : undefined;
    const points = state && (await signOffs.history(state));
    if (points) files.push({ path: source.path, points });
  }
  return files;
}

/** No scripts, no local resources; links may run only the command that opens a place. */
const WEBVIEW_OPTIONS: vscode.WebviewOptions = { enableScripts: false, enableCommandUris: [OPEN_LOCATION], localResourceRoots: [] };

/** Links of the report view: a command link per place, for the files the report holds. */
function commandLinks(sources: readonly WorkspaceSource[]): (path: string, line: number) => string | undefined {
  const uris = new Map(sources.map((s) => [s.path, s.uri.toString()]));
  return (path, line) => {
    const uri = uris.get(path);
    return uri === undefined ? undefined : `command:${OPEN_LOCATION}?${encodeURIComponent(JSON.stringify([uri, line]))}`;
  };
}

/** Opens a report's place: a file of the workspace at a 1-based line; anything else is refused. */
async function openLocation(target: unknown, line: unknown): Promise<vscode.TextEditor | undefined> {
  const uri = typeof target === 'string' ? vscode.Uri.parse(target, true) : target instanceof vscode.Uri ? target : undefined;
  if (!uri || !vscode.workspace.getWorkspaceFolder(uri)) return undefined;
  return revealLine(uri, typeof line === 'number' && Number.isInteger(line) && line > 0 ? line : 1);
}

/** Relative links from the exported page's folder to each place's file, for files in the same file system. */
function relativeLinks(page: vscode.Uri, sources: readonly WorkspaceSource[]): (path: string, line: number) => string | undefined {
  const uris = new Map(sources.map((s) => [s.path, s.uri]));
  const folder = vscode.Uri.joinPath(page, '..');
  return (path, line) => {
    const file = uris.get(path);
    if (!file || file.scheme !== page.scheme || file.authority !== page.authority) return undefined;
    return `${relativeUrlPath(folder.path, file.path)}#L${line}`;
  };
}

/**
 * Writes the report to `target` in `format`; asks for whichever is missing. Returns the file
 * written, or undefined when the user cancelled or the write failed.
 */
async function exportReport(store: ChecklistStore, target: unknown, format: unknown): Promise<vscode.Uri | undefined> {
  const chosen = isExportFormat(format) ? format : await pickFormat();
  if (!chosen) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Export Readiness Report'),
          defaultUri: folder ? vscode.Uri.joinPath(folder, `readiness-report.${EXTENSIONS[chosen]}`) : undefined,
          filters: { [formatLabel(chosen)]: [EXTENSIONS[chosen]] },
        });
  if (!uri) return undefined;
  try {
    const sources = await workspaceSources(store);
    const text = formatReport(sources, chosen, {
      toolVersion: version,
      today: localIsoDate(new Date()),
      html: { linkTo: relativeLinks(uri, sources) },
    });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  } catch (error) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Could not export the report to {0}: {1}',
        uri.fsPath || uri.toString(),
        error instanceof Error ? error.message : String(error),
      ),
    );
    return undefined;
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Readiness report saved to {0}.', vscode.workspace.asRelativePath(uri)));
  return uri;
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const formats: ExportFormat[] = ['html', 'markdown', 'json', 'sarif'];
  const picked = await vscode.window.showQuickPick(
    formats.map((f) => ({ label: formatLabel(f), description: `.${EXTENSIONS[f]}`, format: f })),
    { placeHolder: vscode.l10n.t('Format of the exported report') },
  );
  return picked?.format;
}

function formatLabel(format: ExportFormat): string {
  switch (format) {
    case 'html':
      return vscode.l10n.t('HTML page with charts');
    case 'markdown':
      return vscode.l10n.t('Markdown summary');
    case 'json':
      return vscode.l10n.t('JSON report');
    case 'sarif':
      return vscode.l10n.t('SARIF 2.1.0 (code scanning)');
  }
}

function isExportFormat(value: unknown): value is ExportFormat {
  return value === 'html' || value === 'markdown' || value === 'json' || value === 'sarif';
}

/** 32 hex digits from the platform's random source. */
function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
