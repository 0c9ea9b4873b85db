/**
 * The reference evaluator: the naive meaning of an analysis, which the product's analyzer must
 * equal whatever the history of edits. It parses the whole text at once, builds it as a single
 * section, assembles that, checks every link and runs every rule over every item in `walkItems`
 * order, scanning the whole text for mojibake. No caches, no sections, no patches: slow and
 * obviously right. Property tests (test/unit/analyzer.reference.test.ts and
 * test/unit/incremental.property.test.ts) compare the analyzer with it.
 */
import type { Analysis, AnalyzeOptions, ParsedChecklist } from '../../src/core/analyze/analysis';
import { refusedParse } from '../../src/core/analyze/analyzer';
import { assembleChecklist } from '../../src/core/analyze/assemble';
import { AssemblyMemo } from '../../src/core/analyze/assemblyMemo';
import { applyFrontMatterNode } from '../../src/core/analyze/frontMatter';
import { linkChecker } from '../../src/core/analyze/links';
import { applySeverities, checkItem, mojibakeFindings, noItemsFinding, type RuleInputs } from '../../src/core/analyze/rules';
import { newSectionState } from '../../src/core/analyze/sectionState';
import type { Finding } from '../../src/core/model/ruleTable';
import type { Checklist, ReadinessItem } from '../../src/core/model/types';
import { walkItems } from '../../src/core/model/walk';
import { buildSection, definitionsOf } from '../../src/core/parse/buildSection';
import { parseMarkdown } from '../../src/core/parse/markdown';
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
  const ctx = { text, index, path: options.path, config, definitions: definitionsOf(tree.children) };
  const build = buildSection(ctx, tree.children, 0, tree.children.length, { offset: 0, line: 1 }, text.length);
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
  return findings;
}
