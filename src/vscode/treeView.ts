import * as vscode from 'vscode';
import { type Analysis, countOpenCritical, type Progress, type ReadinessCategory, type ReadinessItem, type Severity } from '../core';
import type { ChecklistState, ChecklistStore } from './checklistStore';
import type { ReadinessNode } from './itemTarget';
import { nextEvent } from './events';
import { treeIndex } from './treeIndex';
import { setItemState, type TickResult } from './ticking';
import { unlistedOfferLabel, type UnlistedChecklists } from './unlistedChecklists';
import { OPEN_SIGN_OFF, type SignOffs, signOffMarkdown } from './signOff';

/** Which items the view shows. */
export type TreeFilter = 'all' | 'open' | 'critical';

/** The view's id in package.json. */
export const VIEW_ID = 'readiness.tree';

/** Where the filter is kept across reloads (workspace state). */
const FILTER_KEY = 'readiness.filter';
const FILTERS: readonly TreeFilter[] = ['all', 'open', 'critical'];

/** The Readiness view: checklist files → categories → items with native checkboxes. */
export class ReadinessTreeProvider implements vscode.TreeDataProvider<ReadinessNode> {
  private readonly changed = new vscode.EventEmitter<ReadinessNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterValue: TreeFilter;
  /** Whether the root lists checklist files (several checklists) or the one checklist's categories. */
  private rootShowsFiles = false;
  /** Markdown checklists no config lists, offered in a row above the checklists. */
  private unlisted: UnlistedChecklists | undefined;
  /** The view showing this provider, once registered (tests read its badge). */
  view: vscode.TreeView<ReadinessNode> | undefined;

  /** `memento` keeps the filter across reloads (the workspace's state); `signOffs` adds who ticked done items to their tooltips. */
  constructor(
    private readonly store: ChecklistStore,
    private readonly memento?: vscode.Memento,
    private readonly signOffs?: SignOffs,
  ) {
    const saved = memento?.get<string>(FILTER_KEY);
    this.filterValue = FILTERS.find((f) => f === saved) ?? 'all';
  }

  get filter(): TreeFilter {
    return this.filterValue;
  }

  setFilter(filter: TreeFilter): void {
    this.filterValue = filter;
    void this.memento?.update(FILTER_KEY, filter === 'all' ? undefined : filter);
    void vscode.commands.executeCommand('setContext', 'readiness.filter', filter);
    if (this.view) this.view.description = filterDescription(filter);
    this.refresh();
  }

  /** Offers `unlisted`'s candidates in a row at the top while there are any. */
  offerUnlisted(unlisted: UnlistedChecklists): vscode.Disposable {
    this.unlisted = unlisted;
    return unlisted.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }

  async getChildren(node?: ReadinessNode): Promise<ReadinessNode[]> {
    if (!node) {
      const nodes = await this.rootChildren();
      // Without checklists the welcome view says all this (it shows only while the tree is empty).
      if (nodes.length === 0) return nodes;
      // A filter on says so in the tree itself: a view alone in its container hides its description.
      const hints = [filterHint(this.filterValue), unlistedHint(this.unlisted)].filter((h) => h !== undefined);
      return [...hints, ...nodes];
    }
    const state = this.store.peek(node.uri ?? vscode.Uri.parse('untitled:none'));
    if (!state) return [];
    if (node.kind === 'file') return this.fileChildren(state);
    if (node.kind === 'category') {
      const category = treeIndex(state.analysis.checklist).categories.get(node.categoryId);
      return category ? this.groupChildren(state, category.items, category.categories) : [];
    }
    if (node.kind === 'item') {
      const item = treeIndex(state.analysis.checklist).items.get(node.itemId);
      return item ? this.itemNodes(state, item.children) : [];
    }
    return [];
  }

  /**
   * The checklists analysed so far: the view fills as the first scan goes (each arrival
   * refreshes it) instead of waiting for the last one. Before the first arrives it waits for it,
   * so the view never shows an empty tree while checklists exist.
   */
  private async rootChildren(): Promise<ReadinessNode[]> {
    void this.store.scan();
    await this.store.checklistUris();
    if (this.store.scanned) {
      const all = await this.store.all();
      this.rootShowsFiles = all.length !== 1;
      return all.length === 1 ? this.fileChildren(all[0]) : all.map((s) => ({ kind: 'file', uri: s.uri }));
    }
    let { uris, states } = await this.store.analysedSoFar();
    // Other events (a rediscovery) may come first; the rounds only bound the wait.
    for (let round = 0; states.length === 0 && uris.length > 0 && !this.store.scanned && round < 100; round++) {
      await Promise.race([this.store.scan(), nextEvent(this.store.onDidChange)]);
      ({ uris, states } = await this.store.analysedSoFar());
    }
    // A single checklist shows its categories at the top; only once it is known to be the only one.
    this.rootShowsFiles = !(states.length === 1 && (uris.length === 1 || this.store.scanned));
    if (!this.rootShowsFiles) return this.fileChildren(states[0]);
    return states.map((s) => ({ kind: 'file', uri: s.uri }));
  }

  getTreeItem(node: ReadinessNode): vscode.TreeItem {
    if (node.kind === 'message') {
      const message = new vscode.TreeItem(node.message);
      message.iconPath = new vscode.ThemeIcon(node.hint?.icon ?? 'info');
      message.tooltip = node.message;
      if (node.hint) {
        message.id = `hint:${node.hint.command}`;
        message.description = node.hint.action;
        message.command = { command: node.hint.command, title: node.hint.action };
        message.contextValue = 'hint';
      }
      return message;
    }
    const state = this.store.peek(node.uri);
    if (!state) return new vscode.TreeItem(vscode.l10n.t('Loading…'));
    if (node.kind === 'file') return fileTreeItem(state);
    const index = treeIndex(state.analysis.checklist);
    if (node.kind === 'category') {
      const category = index.categories.get(node.categoryId);
      return category ? categoryTreeItem(state, category, index.itemCount) : new vscode.TreeItem('');
    }
    const item = index.items.get(node.itemId);
    if (!item) return new vscode.TreeItem('');
    const treeItem = itemTreeItem(state, item);
    // Sub-tasks the filter hides leave nothing to expand.
    if (!item.children.some((c) => this.itemVisible(c))) treeItem.collapsibleState = vscode.TreeItemCollapsibleState.None;
    return treeItem;
  }

  /** Adds who ticked a done item (from git) to its tooltip, when the tooltip is about to show. */
  async resolveTreeItem(treeItem: vscode.TreeItem, node: ReadinessNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node.kind !== 'item' || !this.signOffs || !(treeItem.tooltip instanceof vscode.MarkdownString)) return treeItem;
    const state = this.store.peek(node.uri);
    const item = state && treeIndex(state.analysis.checklist).items.get(node.itemId);
    if (!state || !item || item.state !== 'done') return treeItem;
    const change = await this.signOffs.lastChange(state, item);
    if (!change || token.isCancellationRequested) return treeItem;
    const tooltip = treeItem.tooltip;
    tooltip.isTrusted = { enabledCommands: [OPEN_SIGN_OFF] };
    tooltip.appendMarkdown(`\n\n${signOffMarkdown(state.uri, change)}`);
    return treeItem;
  }

  /**
   * Applies checkbox clicks (the view's `onDidChangeCheckboxState`): checked marks the item done,
   * unchecked marks it open, each through `setItemState` and so through the evidence policy. The
   * view already shows a click; when one was not applied (refused, stale, failed), the tree is
   * rendered again from the real state so that checkbox snaps back.
   */
  async checkboxesChanged(changes: readonly (readonly [ReadinessNode, vscode.TreeItemCheckboxState])[]): Promise<TickResult[]> {
    const results: TickResult[] = [];
    for (const [node, checkbox] of changes) {
      if (node.kind !== 'item') continue;
      const state = checkbox === vscode.TreeItemCheckboxState.Checked ? 'done' : 'open';
      results.push(await setItemState(this.store, node.uri, node.itemId, state));
    }
    if (results.some((r) => r !== 'applied')) this.refresh();
    return results;
  }

  /** The node above a node, as `getChildren` nests them (what `TreeView.reveal` walks up). */
  getParent(node: ReadinessNode): ReadinessNode | undefined {
    if (node.kind === 'file' || node.kind === 'message' || !node.uri) return undefined;
    const state = this.store.peek(node.uri);
    if (!state) return undefined;
    const top: ReadinessNode | undefined = this.rootShowsFiles ? { kind: 'file', uri: node.uri } : undefined;
    const index = treeIndex(state.analysis.checklist);
    const self = node.kind === 'item' ? index.items.get(node.itemId) : index.categories.get(node.categoryId);
    const parent = self && index.parents.get(self);
    if (!parent) return top;
    return 'state' in parent
      ? { kind: 'item', uri: node.uri, itemId: parent.id }
      : { kind: 'category', uri: node.uri, categoryId: parent.id };
  }

  /**
   * Shows a category in the view, selected and expanded. A filter that hides it is switched off
   * first: revealing what the view does not show would fail.
   */
  async revealCategory(uri: vscode.Uri, categoryId: string): Promise<boolean> {
    const state = await this.store.get(uri);
    const category = state && treeIndex(state.analysis.checklist).categories.get(categoryId);
    if (!category || !this.view) return false;
    if (!this.categoryVisible(category)) this.setFilter('all');
    // The view's tree must hold the root's nodes before it can walk down to one: show it first.
    if (!this.view.visible) {
      const shown = nextEvent(this.view.onDidChangeVisibility);
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
      if (!this.view.visible) await shown;
    }
    // The root decides whether checklists are nodes of their own (getParent walks up to them).
    await this.getChildren();
    const node: ReadinessNode = { kind: 'category', uri, categoryId };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.view.reveal(node, { select: true, focus: true, expand: true });
        break;
      } catch (error) {
        // A refresh in flight can drop the nodes the reveal walks through; it settles within a render.
        if (attempt === 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
    return true;
  }

  private fileChildren(state: ChecklistState): ReadinessNode[] {
    const { refused } = state.parsed;
    if (refused) return [{ kind: 'message', message: vscode.l10n.t('Not analysed: {0}', refused.message), uri: state.uri }];
    const { checklist } = state.analysis;
    const nodes = this.groupChildren(state, checklist.items, checklist.categories);
    if (nodes.length === 0 && this.filterValue !== 'all')
      return [{ kind: 'message', message: vscode.l10n.t('Nothing matches the filter.'), uri: state.uri }];
    return nodes;
  }

  private groupChildren(state: ChecklistState, items: readonly ReadinessItem[], categories: readonly ReadinessCategory[]): ReadinessNode[] {
    const cats: ReadinessNode[] = categories
      .filter((c) => this.categoryVisible(c))
      .map((c) => ({ kind: 'category', uri: state.uri, categoryId: c.id }));
    return [...this.itemNodes(state, items), ...cats];
  }

  private itemNodes(state: ChecklistState, items: readonly ReadinessItem[]): ReadinessNode[] {
    return items.filter((i) => this.itemVisible(i)).map((i) => ({ kind: 'item', uri: state.uri, itemId: i.id }));
  }

  private itemVisible(item: ReadinessItem): boolean {
    if (this.filterValue === 'all') return true;
    const matches = (i: ReadinessItem): boolean => {
      const open = i.state === 'open' || i.state === 'in-progress';
      return (this.filterValue === 'open' ? open : open && i.critical) || i.children.some(matches);
    };
    return matches(item);
  }

  private categoryVisible(category: ReadinessCategory): boolean {
    if (this.filterValue === 'all') return true;
    return category.items.some((i) => this.itemVisible(i)) || category.categories.some((c) => this.categoryVisible(c));
  }
}

/** The first row while a filter hides items: what shows, and a click to show everything. */
function filterHint(filter: TreeFilter): ReadinessNode | undefined {
  if (filter === 'all') return undefined;
  const message = filter === 'open' ? vscode.l10n.t('Showing open items only') : vscode.l10n.t('Showing open critical items only');
  return { kind: 'message', message, hint: { action: vscode.l10n.t('Show all'), command: 'readiness.filterAll', icon: 'filter-filled' } };
}

/** The row offering Markdown checklists that no config lists yet. */
function unlistedHint(unlisted: UnlistedChecklists | undefined): ReadinessNode | undefined {
  const count = unlisted?.candidates.length ?? 0;
  if (count === 0) return undefined;
  return {
    kind: 'message',
    message: unlistedOfferLabel(count),
    hint: { action: vscode.l10n.t('Add to .readiness.yml…'), command: 'readiness.addUnlistedChecklists', icon: 'lightbulb' },
  };
}

/** What the view's title says about the filter (nothing when every item shows). */
function filterDescription(filter: TreeFilter): string | undefined {
  if (filter === 'open') return vscode.l10n.t('open items');
  if (filter === 'critical') return vscode.l10n.t('open critical items');
  return undefined;
}

/** Counts open (or in-progress) critical items. */
export function openCriticalCount(items: readonly ReadinessItem[], categories: readonly ReadinessCategory[] = []): number {
  return countOpenCritical(items, categories);
}

/** `12/20 · 60%`, the way rows and lenses show progress. */
export function progressText(progress: Progress): string {
  const total = progress.done + progress.open + progress.inProgress;
  return progress.percent === null ? vscode.l10n.t('no tracked items') : `${progress.done}/${total} · ${progress.percent}%`;
}

function fileTreeItem(state: ChecklistState): vscode.TreeItem {
  const { checklist } = state.analysis;
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const label = multiRoot ? `${state.folder.name}/${state.path}` : state.path;
  const t = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
  t.id = state.uri.toString();
  t.resourceUri = state.uri;
  t.description = withCritical(progressText(checklist.progress), openCriticalCount(checklist.items, checklist.categories));
  t.tooltip = checklist.title ?? state.path;
  t.contextValue = 'file';
  t.iconPath = new vscode.ThemeIcon('checklist');
  t.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [state.uri] };
  return t;
}

/** Above this many items a checklist's categories start collapsed: expanding all would render every item at once. */
const EXPAND_UP_TO_ITEMS = 500;

function categoryTreeItem(state: ChecklistState, category: ReadinessCategory, checklistItems: number): vscode.TreeItem {
  const t = new vscode.TreeItem(
    category.title || vscode.l10n.t('(untitled section)'),
    checklistItems > EXPAND_UP_TO_ITEMS ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
  );
  t.id = `${state.uri.toString()}#${category.id}`;
  const critical = openCriticalCount(category.items, category.categories);
  t.description = withCritical(progressText(category.progress), critical);
  t.tooltip = new vscode.MarkdownString().appendText(`${category.title}\n${t.description}`);
  t.contextValue = 'category';
  t.command = revealCommand(state.uri, category.line);
  return t;
}

function itemTreeItem(state: ChecklistState, item: ReadinessItem): vscode.TreeItem {
  // Owner, due date and evidence are in the description; the label is the item's clean label.
  const t = new vscode.TreeItem(
    item.label || vscode.l10n.t('(empty item)'),
    item.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
  );
  t.id = `${state.uri.toString()}#${item.id}`;
  // n/a and untracked items have nothing to tick; a checkbox would read as "open".
  if (item.state !== 'n/a' && item.state !== 'untracked') {
    t.checkboxState = item.state === 'done' ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
  }
  t.iconPath = itemIcon(item, criticalSeverities(state.analysis).get(item.id));
  const details = [
    item.owner ? `@${item.owner}` : '',
    item.due ? vscode.l10n.t('due {0}', item.due) : '',
    item.evidence.length > 0 ? vscode.l10n.t('{0} evidence', item.evidence.length) : '',
  ];
  if (item.state === 'in-progress') details.unshift(vscode.l10n.t('in progress'));
  if (item.state === 'n/a') details.unshift(vscode.l10n.t('n/a'));
  if (item.state === 'untracked') details.unshift(vscode.l10n.t('untracked'));
  t.description = details.filter(Boolean).join(' · ');
  t.tooltip = itemTooltip(item);
  const flags = [
    'item',
    item.state,
    item.critical ? 'critical' : '',
    item.evidence.length > 0 ? 'hasEvidence' : '',
    item.runbooks.length > 0 ? 'hasRunbook' : '',
    item.runbooks.some((r) => r.exists === false) ? 'runbookMissing' : '',
  ];
  t.contextValue = flags.filter(Boolean).join(' ');
  t.command = revealCommand(state.uri, item.line);
  t.accessibilityInformation = {
    label: `${item.label}, ${stateLabel(item.state)}${item.critical ? `, ${vscode.l10n.t('critical')}` : ''}`,
  };
  return t;
}

/** The icon and theme colour of each severity, as the Problems panel shows it. */
const SEVERITY_ICONS: Readonly<Record<Severity, [icon: string, color: string]>> = {
  error: ['error', 'problemsErrorIcon.foreground'],
  warning: ['warning', 'problemsWarningIcon.foreground'],
  info: ['info', 'problemsInfoIcon.foreground'],
};

const severityCache = new WeakMap<Analysis, Map<string, Severity>>();

/** The severity of each item's `critical-open` finding (as configured; none when the rule is off), per analysis. */
function criticalSeverities(analysis: Analysis): Map<string, Severity> {
  let byItem = severityCache.get(analysis);
  if (!byItem) {
    byItem = new Map();
    for (const f of analysis.findings) if (f.rule === 'critical-open' && f.itemId !== undefined) byItem.set(f.itemId, f.severity);
    severityCache.set(analysis, byItem);
  }
  return byItem;
}

/** An open critical item wears its problem's severity icon and colour, so the view and Problems agree. */
function itemIcon(item: ReadinessItem, criticalSeverity: Severity | undefined): vscode.ThemeIcon | undefined {
  const openCritical = item.critical && item.state !== 'done' && item.state !== 'n/a';
  if (openCritical && criticalSeverity) {
    const [icon, color] = SEVERITY_ICONS[criticalSeverity];
    return new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
  }
  if (item.critical) return new vscode.ThemeIcon('shield');
  if (item.state === 'in-progress') return new vscode.ThemeIcon('clock');
  if (item.state === 'n/a') return new vscode.ThemeIcon('circle-slash');
  if (item.state === 'untracked') return new vscode.ThemeIcon('dash');
  return undefined;
}

/** A localized name of a state. */
export function stateLabel(state: ReadinessItem['state']): string {
  switch (state) {
    case 'done':
      return vscode.l10n.t('done');
    case 'open':
      return vscode.l10n.t('open');
    case 'in-progress':
      return vscode.l10n.t('in progress');
    case 'n/a':
      return vscode.l10n.t('not applicable');
    case 'untracked':
      return vscode.l10n.t('untracked');
  }
}

function itemTooltip(item: ReadinessItem): vscode.MarkdownString {
  // Document text is never trusted: plain text only, no command links, no HTML.
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendText(item.label).appendMarkdown('\n\n');
  md.appendText(
    `${vscode.l10n.t('State')}: ${stateLabel(item.state)}${item.critical ? ` · ${vscode.l10n.t('critical')}` : ''}`,
  ).appendMarkdown('  \n');
  if (item.owner) md.appendText(`${vscode.l10n.t('Owner')}: @${item.owner}`).appendMarkdown('  \n');
  if (item.due) md.appendText(`${vscode.l10n.t('Due')}: ${item.due}`).appendMarkdown('  \n');
  for (const e of item.evidence)
    md.appendText(`${vscode.l10n.t('Evidence')}: ${e.target}${e.exists === false ? ` (${vscode.l10n.t('missing')})` : ''}`).appendMarkdown(
      '  \n',
    );
  for (const r of item.runbooks)
    md.appendText(`${vscode.l10n.t('Runbook')}: ${r.target}${r.exists === false ? ` (${vscode.l10n.t('missing')})` : ''}`).appendMarkdown(
      '  \n',
    );
  return md;
}

function withCritical(text: string, critical: number): string {
  return critical > 0 ? `${text} · ${vscode.l10n.t('{0} critical', critical)}` : text;
}

function revealCommand(uri: vscode.Uri, line: number): vscode.Command {
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  const options: vscode.TextDocumentShowOptions = { selection: new vscode.Range(position, position), preserveFocus: false };
  // `vscode.open` runs in the workbench itself: the editor shows at once, even while this extension host is busy.
  return { command: 'vscode.open', title: vscode.l10n.t('Reveal in Editor'), arguments: [uri, options] };
}

/** Registers the Readiness view, its checkboxes and badge. */
export function registerTreeView(store: ChecklistStore, provider: ReadinessTreeProvider): vscode.Disposable {
  const view = vscode.window.createTreeView(VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
    manageCheckboxStateManually: true,
  });
  provider.view = view;
  view.description = filterDescription(provider.filter);
  const updateBadge = async () => {
    const states = await store.all();
    const count = states.reduce((n, s) => n + openCriticalCount(s.analysis.checklist.items, s.analysis.checklist.categories), 0);
    view.badge = count > 0 ? { value: count, tooltip: vscode.l10n.t('{0} open critical items', count) } : undefined;
  };
  let pending: ReturnType<typeof setTimeout> | undefined;
  const onChange = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      provider.refresh();
      void updateBadge();
    }, 50);
  };
  void vscode.commands.executeCommand('setContext', 'readiness.filter', provider.filter);
  void updateBadge();
  return vscode.Disposable.from(
    view,
    provider,
    store.onDidChange(onChange),
    view.onDidChangeCheckboxState((e) => provider.checkboxesChanged(e.items)),
    { dispose: () => pending && clearTimeout(pending) },
  );
}
