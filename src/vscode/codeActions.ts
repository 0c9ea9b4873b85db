import * as vscode from 'vscode';
import {
  allItems,
  type Finding,
  findItem,
  type ReadinessItem,
  refusesDone,
  removeLinkEdit,
  type RuleId,
  setState,
  type TextEdit,
} from '../core';
import type { ChecklistState, ChecklistStore } from './checklistStore';
import { CREATE_RUNBOOK, type CreateRunbookArgument } from './createRunbook';
import { diagnosticRule } from './diagnostics';
import { offsetRange, spanRange } from './ranges';
import type { LinkEvidenceArgument } from './evidence';
import { type ItemReference, itemInState } from './itemTarget';
import { evidenceRefusalText } from './ticking';
import { teachArguments, teachTitle } from './teachStatus';

/** The kind of the action that applies every certain repair of a checklist (mis-decoded text, tables' delimiter rows). */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('readiness');

/** Registers the quick fixes and the fix-all action for Markdown checklists. */
export function registerCodeActions(store: ChecklistStore): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new ReadinessCodeActionProvider(store), {
    providedCodeActionKinds: ReadinessCodeActionProvider.providedCodeActionKinds,
  });
}

/**
 * Quick fixes on a checklist item (link or create evidence, mark as done, convert untracked
 * bullets) and on findings (re-link or remove a broken link, create a missing runbook, repair
 * mis-decoded text or a table's delimiter row), plus
 * `source.fixAll.readiness`. Edits are computed from the analysis of the document's current
 * version, which the provider waits for.
 */
export class ReadinessCodeActionProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds: readonly vscode.CodeActionKind[] = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly store: ChecklistStore) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
    token?: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    // The analysis of this very version, waited for: the first request after opening or editing gets the actions too.
    const state = await this.store.forDocument(document, token);
    if (!state || token?.isCancellationRequested) return [];
    const fixes = new Fixes(state, document, context.diagnostics);
    const actions: vscode.CodeAction[] = [];
    if (!context.only || context.only.contains(vscode.CodeActionKind.QuickFix)) {
      const target = itemInState(state, document, range.start);
      if (target) actions.push(...fixes.forItem(target.item));
      for (const finding of state.analysis.findings) {
        if (spanRange(finding.span).intersection(range)) actions.push(...fixes.forFinding(finding));
      }
    }
    // Source actions only when asked for (Source Action menu, fix all, code actions on save).
    if (context.only?.contains(FIX_ALL_KIND)) actions.push(...fixes.fixAll());
    return actions;
  }
}

/** Builds the actions for one analysed document. */
class Fixes {
  private readonly uri: vscode.Uri;

  constructor(
    private readonly state: ChecklistState,
    private readonly document: vscode.TextDocument,
    private readonly diagnostics: readonly vscode.Diagnostic[],
  ) {
    this.uri = document.uri;
  }

  forItem(item: ReadinessItem): vscode.CodeAction[] {
    if (item.state === 'untracked') return this.convert(item);
    const ref: ItemReference = { uri: this.uri, itemId: item.id };
    const missing = this.related(item, 'evidence-missing');
    const link = this.action(vscode.l10n.t('Link evidence file…'), missing);
    link.command = { command: 'readiness.linkEvidence', title: link.title, arguments: [ref] };
    link.isPreferred = missing.length > 0;
    const create = this.action(vscode.l10n.t('Create evidence file…'), missing);
    create.command = { command: 'readiness.createEvidence', title: create.title, arguments: [ref] };
    const actions = [link, create];
    if (item.state === 'open' || item.state === 'in-progress') {
      const done = this.action(vscode.l10n.t('Mark as done'), [...this.related(item, 'critical-open'), ...this.related(item, 'overdue')]);
      done.command = { command: 'readiness.markDone', title: done.title, arguments: [ref] };
      if (refusesDone(this.state.analysis.config, item, 'done')) done.disabled = { reason: evidenceRefusalText(item) };
      actions.push(done);
    }
    return actions;
  }

  forFinding(finding: Finding): vscode.CodeAction[] {
    if (finding.rule === 'mojibake' && finding.fix) {
      const repair = this.action(vscode.l10n.t('Repair mis-decoded text'), this.matching(finding));
      repair.edit = this.workspaceEdit(finding.fix);
      repair.isPreferred = true;
      return [repair];
    }
    if (finding.rule === 'mojibake' && finding.fixes) {
      // A byte was lost: one action per character it could have been, none preferred (a guess).
      return finding.fixes.map((choice) => {
        const repair = this.action(vscode.l10n.t('Repair mis-decoded text as "{0}"', choice.label), this.matching(finding));
        repair.edit = this.workspaceEdit(choice.edits);
        return repair;
      });
    }
    if (finding.rule === 'table-malformed' && finding.fix) {
      const repair = this.action(vscode.l10n.t("Repair the table's delimiter row"), this.matching(finding));
      repair.edit = this.workspaceEdit(finding.fix);
      repair.isPreferred = true;
      return [repair];
    }
    if (finding.rule === 'malformed-box' && finding.fix) {
      const box = finding.fix[0].newText.trimEnd();
      const repair = this.action(vscode.l10n.t('Write the box as "{0}", which GitHub shows as a checkbox', box), this.matching(finding));
      repair.edit = this.workspaceEdit(finding.fix);
      repair.isPreferred = true;
      return [repair];
    }
    if (finding.rule === 'checks-in-code-block' && finding.fix) {
      const unfence = this.action(vscode.l10n.t('Take the checks out of the code block'), this.matching(finding));
      unfence.edit = this.workspaceEdit(finding.fix);
      unfence.isPreferred = true;
      return [unfence];
    }
    if (finding.rule === 'evidence-broken') return this.brokenLink(finding);
    if (finding.rule === 'unknown-status') return this.teach(finding);
    return [];
  }

  /** "Treat "Verify" as done" and its siblings: teach the value under `statuses:` in .readiness.yml. */
  private teach(finding: Finding): vscode.CodeAction[] {
    const diagnostics = this.matching(finding);
    return teachArguments(this.uri, finding).map((argument) => {
      const action = this.action(teachTitle(argument.status, argument.state), diagnostics);
      action.command = { command: 'readiness.teachStatus', title: action.title, arguments: [argument] };
      return action;
    });
  }

  fixAll(): vscode.CodeAction[] {
    // Certain repairs only: a run that lost a byte has alternative `fixes`, never a `fix`.
    const { findings } = this.state.analysis;
    const text = findings.filter((f) => f.rule === 'mojibake').flatMap((f) => f.fix ?? []);
    const tables = findings.filter((f) => f.rule === 'table-malformed').flatMap((f) => f.fix ?? []);
    if (text.length + tables.length === 0) return [];
    const title =
      tables.length === 0
        ? vscode.l10n.t('Repair all mis-decoded text')
        : text.length === 0
          ? vscode.l10n.t("Repair all tables' delimiter rows")
          : vscode.l10n.t("Repair all mis-decoded text and tables' delimiter rows");
    const action = new vscode.CodeAction(title, FIX_ALL_KIND);
    action.edit = this.workspaceEdit([...text, ...tables]);
    return [action];
  }

  private brokenLink(finding: Finding): vscode.CodeAction[] {
    const item = finding.itemId === undefined ? undefined : findItem(this.state.analysis.checklist, finding.itemId);
    const link =
      item && [...item.evidence, ...item.runbooks].find((l) => l.span.start === finding.span.start && l.span.end === finding.span.end);
    // Links added by `runbooks.links` in the config are not written in the checklist: nothing to edit.
    if (!item || !link || link.span.end === link.span.start) return [];
    const diagnostics = this.matching(finding);
    const isRunbook = item.runbooks.includes(link);
    const relink = this.action(isRunbook ? vscode.l10n.t('Re-link runbook…') : vscode.l10n.t('Re-link evidence…'), diagnostics);
    const argument: LinkEvidenceArgument = { uri: this.uri, itemId: item.id, replaceTarget: link.target };
    relink.command = { command: 'readiness.linkEvidence', title: relink.title, arguments: [argument] };
    relink.isPreferred = true;
    const remove = this.action(vscode.l10n.t('Remove broken link'), diagnostics);
    remove.edit = this.workspaceEdit([removeLinkEdit(this.state.text, link)]);
    if (!isRunbook || link.resolved === null || link.outside) return [relink, remove];
    const create = this.action(vscode.l10n.t('Create runbook "{0}"', link.resolved), diagnostics);
    const createArgument: CreateRunbookArgument = { uri: this.uri, itemId: item.id, target: link.target };
    create.command = { command: CREATE_RUNBOOK, title: create.title, arguments: [createArgument] };
    return [relink, create, remove];
  }

  private convert(item: ReadinessItem): vscode.CodeAction[] {
    const { text, analysis } = this.state;
    const one = this.action(vscode.l10n.t('Convert to checklist item'), this.related(item, 'untracked-item'));
    one.edit = this.workspaceEdit([setState(text, analysis.checklist, item, 'open')]);
    one.isPreferred = true;
    const key = item.categoryPath.join('\u0000');
    const section = allItems(analysis.checklist).filter((i) => i.state === 'untracked' && i.categoryPath.join('\u0000') === key);
    if (section.length < 2) return [one];
    const all = this.action(vscode.l10n.t('Convert section to checklist'), this.related(item, 'untracked-item'));
    all.edit = this.workspaceEdit(section.map((i) => setState(text, analysis.checklist, i, 'open')));
    return [one, all];
  }

  private action(title: string, diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    if (diagnostics.length > 0) action.diagnostics = diagnostics;
    return action;
  }

  /** The context's diagnostics that report one of this item's findings of a rule. */
  private related(item: ReadinessItem, rule: RuleId): vscode.Diagnostic[] {
    return this.state.analysis.findings.filter((f) => f.rule === rule && f.itemId === item.id).flatMap((f) => this.matching(f));
  }

  private matching(finding: Finding): vscode.Diagnostic[] {
    const range = spanRange(finding.span);
    return this.diagnostics.filter((d) => diagnosticRule(d) === finding.rule && d.range.isEqual(range));
  }

  private workspaceEdit(edits: readonly (TextEdit | null)[]): vscode.WorkspaceEdit {
    const edit = new vscode.WorkspaceEdit();
    for (const e of edits) {
      if (e) edit.replace(this.uri, offsetRange(this.document, e), e.newText);
    }
    return edit;
  }
}
