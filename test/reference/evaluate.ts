/**
 * The reference evaluator: the naive meaning of an analysis, which the product's analyzer must
 * equal whatever the history of edits. It parses the whole text at once, builds it as a single
 * section, assembles that, checks every link and runs every rule over every item in `walkItems`
 * order, scanning the whole text for mojibake. No caches, no sections, no patches: slow and
 * obviously right. Property tests (test/unit/analyzer.reference.test.ts and
 * test/unit/incremental.property.test.ts) compare the analyzer with it.
 */
import type { RootContent } from 'mdast';
import type { Analysis, AnalyzeOptions, ParsedChecklist } from '../../src/core/analyze/analysis';
import { refusedParse } from '../../src/core/analyze/analyzer';
import { assembleChecklist } from '../../src/core/analyze/assemble';
import { AssemblyMemo } from '../../src/core/analyze/assemblyMemo';
import { applyFrontMatterNode } from '../../src/core/analyze/frontMatter';
import { linkChecker } from '../../src/core/analyze/links';
import {
  applySeverities,
  checkItem,
  legendFindings,
  mojibakeFindings,
  noItemsFinding,
  tableMalformedFindings,
  type RuleInputs,
} from '../../src/core/analyze/rules';
import { newSectionState } from '../../src/core/analyze/sectionState';
import type { Finding } from '../../src/core/model/ruleTable';
import type { Checklist, ReadinessItem } from '../../src/core/model/types';
import { walkItems } from '../../src/core/model/walk';
import { buildSection, definitionsOf } from '../../src/core/parse/buildSection';
import { codeBlockChecks } from '../../src/core/parse/codeBlockChecks';
import { codeBlockFindings } from '../../src/core/analyze/rules';
import { documentVocabulary, legendOf } from '../../src/core/parse/legend';
import { parseMarkdown } from '../../src/core/parse/markdown';
import { readMalformedTable, type MalformedTable } from '../../src/core/parse/malformedTable';
import { exceededLimit } from '../../src/core/text/limits';
import { LineIndex } from '../../src/core/text/lineIndex';
import { findMojibake } from '../../src/core/text/mojibake';

/** Parses the whole text as one section and applies its front matter config. */
export function referenceParse(text: string, options: Pick<AnalyzeOptions, 'config' | 'path' | 'limits'>): ParsedChecklist {
  const index = new LineIndex(text);
  const problem = exceededLimit(text, options.limits);
  if (problem) return refusedParse(text, index, options.config, problem);
  const tree = parseMarkdown(text);
  const { config, configFindings, frontMatterData } = applyFrontMatterNode(options.config, tree.children[0], text, index);
  // A legend's words apply to the whole document, wherever they are written.
  const vocabulary = documentVocabulary(config, legendOf(text, tree.children, 0, tree.children.length).entries);
  const ctx = { text, index, path: options.path, config, definitions: definitionsOf(tree.children), vocabulary };
  const whole = (tracked: boolean) =>
    buildSection({ ...ctx, tracked }, tree.children, 0, tree.children.length, { offset: 0, line: 1 }, text.length);
  // Documentation bullets are items only in a checklist without tracked items (format rule 6).
  const assumed = whole(true);
  const build = assumed.trackedItems > 0 ? assumed : whole(false);
  const sections = [{ build, state: newSectionState(build), offset: 0, line: 1 }];
  const { checklist } = assembleChecklist(sections, { config, index, frontMatterData, memo: new AssemblyMemo() });
  return { text, index, checklist, config, configFindings, refused: null };
}

/** Checks every link and runs every rule over a whole-text parse. */
export function referenceEvaluate(parsed: ParsedChecklist, options: Pick<AnalyzeOptions, 'exists' | 'today'>): Analysis {
  const { checklist, config, text, index } = parsed;
  if (parsed.refused) return { checklist, findings: applySeverities([parsed.refused], config), config };
  const check = options.exists ? linkChecker(options.exists) : undefined;
  for (const item of walkItems(checklist.items, checklist.categories)) {
    if (check) for (const link of [...item.evidence, ...item.runbooks]) check(link);
  }
  const findings = [
    ...parsed.configFindings,
    ...referenceRules(checklist, { text, index, config, today: options.today, linksChecked: check !== undefined }),
  ];
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return { checklist, findings: applySeverities(findings, config), config };
}

/** The reference analysis of a text. */
export function referenceAnalyze(text: string, options: AnalyzeOptions): Analysis {
  return referenceEvaluate(referenceParse(text, options), options);
}

/** Every rule over every item in `walkItems` order, duplicates found by a plain map, mojibake over the whole text. */
function referenceRules(checklist: Checklist, inputs: RuleInputs): Finding[] {
  const findings: Finding[] = [];
  const seenExplicit = new Map<string, ReadinessItem>();
  let count = 0;
  for (const item of walkItems(checklist.items, checklist.categories)) {
    count++;
    let duplicateOf: ReadinessItem | undefined;
    if (item.explicitId) {
      duplicateOf = seenExplicit.get(item.id);
      if (!duplicateOf) seenExplicit.set(item.id, item);
    }
    checkItem(item, inputs, duplicateOf, findings);
  }
  if (count === 0) findings.push(noItemsFinding(inputs.index));
  findings.push(...mojibakeFindings(findMojibake(inputs.text), inputs.index));
  findings.push(...tableMalformedFindings(malformedTablesOf(inputs.text), inputs.index));
  const tree = parseMarkdown(inputs.text);
  findings.push(...legendFindings(legendOf(inputs.text, tree.children, 0, tree.children.length).entries, 0, inputs));
  findings.push(...codeBlockFindings(codeBlockChecks(inputs.text, tree.children, 0, tree.children.length, 0), 0, inputs.index));
  return findings;
}

/** Every paragraph of the whole text (top level and in block quotes) that is a malformed pipe table. */
function malformedTablesOf(text: string): MalformedTable[] {
  const tree = parseMarkdown(text);
  const definitions = definitionsOf(tree.children);
  const found: MalformedTable[] = [];
  const visit = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'blockquote') visit(node.children);
      if (node.type !== 'paragraph') continue;
      const table = readMalformedTable(text, node, definitions);
      if (table) found.push(table.malformed);
    }
  };
  visit(tree.children);
  return found;
}
