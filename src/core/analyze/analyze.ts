/**
 * A one-off analysis of a checklist's text: a fresh analyzer's first parse and evaluation,
 * exactly what a host that keeps an analyzer per document gets on its first version.
 */
import type { Analysis, AnalyzeOptions } from './analysis';
import { ChecklistAnalyzer } from './analyzer';

/** Parses, checks links and runs every rule over one checklist's text. Never throws on any text. */
export function analyzeChecklist(text: string, options: AnalyzeOptions): Analysis {
  const { config, path, limits, ...evaluate } = options;
  return new ChecklistAnalyzer({ config, path, limits }).analyze(text, evaluate);
}
