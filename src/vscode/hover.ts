import * as vscode from 'vscode';
import { type Checklist, decodeText, type LinkRef, localIsoDate, type ReadinessCategory, type ReadinessItem } from '../core';
import type { ChecklistState, ChecklistStore } from './checklistStore';
import { itemAtPosition } from './itemTarget';
import { openCriticalCount, progressText, stateLabel } from './treeView';
import { checkLinkTarget } from './linkCheck';
import { CREATE_RUNBOOK, createRunbookLink } from './createRunbook';
import { isFile } from './fileSystem';
import { escapeMarkdown } from './markdownEscape';
import { spanRange } from './ranges';
import { OPEN_SIGN_OFF, type SignOffs, signOffMarkdown } from './signOff';

/** How much of a runbook the preview reads: enough for a heading and a few lines. */
const PREVIEW_BYTES = 16 * 1024;
const PREVIEW_LINES = 3;
const PREVIEW_LINE_CHARS = 200;

/** Registers the hover on checklist items and on their evidence and runbook links. */
export function registerHover(store: ChecklistStore, signOffs?: SignOffs): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'markdown' }, new ReadinessHoverProvider(store, signOffs));
}

class ReadinessHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: ChecklistStore,
    private readonly signOffs?: SignOffs,
  ) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    // The analysis of this very version, waited for: offsets are only valid for the version they were computed from.
    const target = await itemAtPosition(this.store, document, position, token);
    if (!target || token.isCancellationRequested || target.state.version !== document.version) return undefined;
    const { state, item } = target;
    const offset = document.offsetAt(position);
    const link = [...item.evidence, ...item.runbooks].find(
      (l) => l.span.end > l.span.start && l.span.start <= offset && offset < l.span.end,
    );
    if (link) {
      const kind = item.evidence.includes(link) ? vscode.l10n.t('Evidence') : vscode.l10n.t('Runbook');
      const md = untrustedMarkdown();
      await appendLink(md, state, kind, link, item.runbooks.includes(link) ? item : undefined);
      return new vscode.Hover(md, spanRange(link.span));
    }
    const md = await itemHover(state, item);
    // Who ticked it, from git; left out when that cannot be told (no Git extension, no repository, unsaved edits).
    const change = item.state === 'done' ? await this.signOffs?.lastChange(state, item) : undefined;
    if (change && !token.isCancellationRequested) {
      trustCommand(md, OPEN_SIGN_OFF);
      md.appendMarkdown(`\n\n${signOffMarkdown(state.uri, change)}`);
    }
    return new vscode.Hover(md, spanRange(item.span));
  }
}

/** Lets the hover run one more of our commands (document text stays escaped: it can name none). */
function trustCommand(md: vscode.MarkdownString, command: string): void {
  const enabled = typeof md.isTrusted === 'object' ? md.isTrusted.enabledCommands : [];
  md.isTrusted = { enabledCommands: [...enabled, command] };
}

/** Document text is never trusted: no HTML, no command links (but our own "Create runbook" and sign-off links). */
function untrustedMarkdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.supportHtml = false;
  md.isTrusted = false;
  return md;
}

function line(md: vscode.MarkdownString, label: string, value: string): void {
  md.appendMarkdown(`${escapeMarkdown(label)}: ${value}  \n`);
}

async function itemHover(state: ChecklistState, item: ReadinessItem): Promise<vscode.MarkdownString> {
  const md = untrustedMarkdown();
  md.appendMarkdown(`**${escapeMarkdown(item.label || vscode.l10n.t('(empty item)'))}**\n\n`);
  const criticality = item.critical ? vscode.l10n.t('critical') : vscode.l10n.t('not critical');
  line(md, vscode.l10n.t('State'), escapeMarkdown(`${stateLabel(item.state)} · ${criticality}`));
  if (item.owner) line(md, vscode.l10n.t('Owner'), escapeMarkdown(`@${item.owner}`));
  if (item.due) {
    const overdue = item.due < localIsoDate(new Date()) && (item.state === 'open' || item.state === 'in-progress');
    line(md, vscode.l10n.t('Due'), escapeMarkdown(overdue ? `${item.due} (${vscode.l10n.t('overdue')})` : item.due));
  }
  const category = categoryOf(state.analysis.checklist, item);
  if (category) {
    const critical = openCriticalCount(category.items, category.categories);
    const progress = progressText(category.progress) + (critical > 0 ? ` · ${vscode.l10n.t('{0} critical', critical)}` : '');
    line(md, vscode.l10n.t('Category'), escapeMarkdown(`${category.title} — ${progress}`));
  }
  for (const link of item.evidence) await appendLink(md, state, vscode.l10n.t('Evidence'), link);
  const runbooks: { link: LinkRef; uri: vscode.Uri }[] = [];
  for (const link of item.runbooks) {
    const uri = await appendLink(md, state, vscode.l10n.t('Runbook'), link, item);
    if (uri) runbooks.push({ link, uri });
  }
  if (runbooks.length > 0) await appendPreview(md, runbooks[0].link, runbooks[0].uri);
  return md;
}

/**
 * One line about a link: a clickable file link built from the resolved workspace path (never
 * the destination as written), and whether the target exists. Returns the target's uri when it
 * exists in the workspace. A missing runbook of `runbookOf` gets a "Create runbook" command
 * link, the only command the hover then trusts.
 */
async function appendLink(
  md: vscode.MarkdownString,
  state: ChecklistState,
  kind: string,
  link: LinkRef,
  runbookOf?: ReadinessItem,
): Promise<vscode.Uri | undefined> {
  // Asked again rather than read from the analysis: a symbolic link may have appeared meanwhile.
  const check = link.resolved !== null && !link.outside ? await checkLinkTarget(state.folder, link.resolved) : null;
  if (link.resolved === null || link.outside || check === 'outside') {
    const external = link.resolved === null && !link.outside;
    const why = external ? vscode.l10n.t('external, not checked') : vscode.l10n.t('outside the workspace, not followed');
    line(md, kind, escapeMarkdown(`${link.target} (${why})`));
    return undefined;
  }
  const uri = vscode.Uri.joinPath(state.folder.uri, ...link.resolved.split('/'));
  const exists = check && (await isFile(uri));
  const status = exists ? vscode.l10n.t('exists') : vscode.l10n.t('missing');
  let create = '';
  if (!exists && runbookOf) {
    trustCommand(md, CREATE_RUNBOOK);
    create = ` ${createRunbookLink({ uri: state.uri, itemId: runbookOf.id, target: link.target })}`;
  }
  line(md, kind, `[${escapeMarkdown(link.resolved)}](${uri.toString()}) ${escapeMarkdown(`(${status})`)}${create}`);
  return exists ? uri : undefined;
}

/** The runbook's first heading and the next few non-empty lines, as escaped plain text. */
async function appendPreview(md: vscode.MarkdownString, link: LinkRef, uri: vscode.Uri): Promise<void> {
  let text: string;
  try {
    text = decodeText((await vscode.workspace.fs.readFile(uri)).subarray(0, PREVIEW_BYTES)).text;
  } catch {
    return;
  }
  const preview = runbookPreview(text);
  if (!preview.heading && preview.lines.length === 0) return;
  md.appendMarkdown('\n\n---\n\n');
  md.appendMarkdown(`*${escapeMarkdown(vscode.l10n.t('Runbook preview: {0}', link.resolved ?? link.target))}*\n\n`);
  if (preview.heading) md.appendMarkdown(`**${escapeMarkdown(preview.heading)}**\n\n`);
  md.appendMarkdown(preview.lines.map((l) => escapeMarkdown(l)).join('  \n'));
}

/** The first ATX heading of a Markdown text and up to three non-empty lines after it (the first lines when there is no heading). */
function runbookPreview(text: string): { heading: string | null; lines: string[] } {
  const all = text.split(/\r\n|\r|\n/);
  const headingIndex = all.findIndex((l) => /^ {0,3}#{1,6}(?:\s|$)/.test(l));
  const heading =
    headingIndex >= 0
      ? all[headingIndex]
          .replace(/^ {0,3}#{1,6}\s*/, '')
          .replace(/\s+#+\s*$/, '')
          .trim()
      : null;
  const lines = all
    .slice(headingIndex + 1)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, PREVIEW_LINES)
    .map((l) => (l.length > PREVIEW_LINE_CHARS ? `${l.slice(0, PREVIEW_LINE_CHARS)}…` : l));
  return { heading: heading || null, lines };
}

/** The innermost category holding the item (nested items included). */
function categoryOf(checklist: Checklist, item: ReadinessItem): ReadinessCategory | undefined {
  const search = (categories: readonly ReadinessCategory[]): ReadinessCategory | undefined => {
    for (const category of categories) {
      const inner = search(category.categories);
      if (inner) return inner;
      if (containsItem(category.items, item)) return category;
    }
    return undefined;
  };
  return search(checklist.categories);
}

function containsItem(items: readonly ReadinessItem[], wanted: ReadinessItem): boolean {
  const stack = [...items];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item === wanted) return true;
    stack.push(...item.children);
  }
  return false;
}
