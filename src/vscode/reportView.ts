import * as vscode from 'vscode';
import { version } from '../../package.json';
import { formatReport, localIsoDate, type ReportFormat } from '../core';
import type { ChecklistStore } from './checklistStore';
import { logFailure, type Log } from './log';
import { workspaceSources } from './reportSources';

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
export function registerReportView(store: ChecklistStore, log: Log): ReportView {
  let panel: vscode.WebviewPanel | undefined;
  let shown: string | undefined;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const render = async (): Promise<string | undefined> => {
    const current = ++generation;
    const sources = await workspaceSources(store);
    // A later render started meanwhile, or the panel closed: that one knows better.
    if (current !== generation || !panel) return shown;
    const nonce = createNonce();
    const html = formatReport(sources, 'html', {
      toolVersion: version,
      today: localIsoDate(new Date()),
      html: { title: vscode.l10n.t('Production readiness'), csp: `default-src 'none'; style-src 'nonce-${nonce}'; img-src data:`, nonce },
    });
    panel.webview.html = html;
    shown = html;
    return html;
  };

  const open = async (): Promise<string | undefined> => {
    if (panel) {
      panel.reveal();
    } else {
      panel = vscode.window.createWebviewPanel('readiness.report', vscode.l10n.t('Readiness Report'), vscode.ViewColumn.Active, {
        enableScripts: false,
        enableCommandUris: false,
        enableFindWidget: true,
        localResourceRoots: [],
      });
      panel.onDidDispose(() => {
        // A render still scheduled for the closed panel would race the next panel's first one.
        if (timer) clearTimeout(timer);
        panel = undefined;
        shown = undefined;
      });
    }
    return render();
  };

  const changed = store.onDidChange(() => {
    if (!panel) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void render().catch((error: unknown) => logFailure(log, 'the report could not be rendered', error)), 150);
  });

  const disposable = vscode.Disposable.from(
    changed,
    vscode.commands.registerCommand('readiness.openReport', open),
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
    const text = formatReport(await workspaceSources(store), chosen, { toolVersion: version, today: localIsoDate(new Date()) });
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
