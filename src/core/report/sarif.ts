/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Every rule of
 * the rule table is in the tool driver; each finding is a result at its file and 1-based region,
 * with a fingerprint that does not depend on line numbers, so alerts survive edits above them.
 */
import type * as Sarif from 'sarif';
import type { ReadinessReport, ReportFinding } from './jsonReport';
import type { Severity } from '../model/types';
import { RULE_DOCS_BASE, RULES, ruleDocsUrl, type RuleId } from '../model/ruleTable';
import { fnv1a64 } from './fingerprint';

/** The `$schema` GitHub's documentation gives for SARIF 2.1.0. */
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The key of our entry in `partialFingerprints` (versioned: a new scheme gets a new key). */
export const FINGERPRINT_KEY = 'readinessFindingHash/v1';

/** The base id relative result paths are resolved against (the folder the CLI ran in). */
export const SOURCE_ROOT = '%SRCROOT%';

/** The project's home page: the rule documentation links without their README anchor. */
const INFORMATION_URI = RULE_DOCS_BASE.slice(0, RULE_DOCS_BASE.indexOf('/blob/'));

const LEVELS: Readonly<Record<Severity, Sarif.ReportingConfiguration.level>> = { error: 'error', warning: 'warning', info: 'note' };

/** Inputs of `toSarif` besides the report. */
export interface SarifOptions {
  /** The `readiness` version that produced the findings. */
  toolVersion: string;
}

/** The report as a SARIF 2.1.0 log with one run. */
export function toSarif(report: ReadinessReport, options: SarifOptions): Sarif.Log {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const seen = new Map<string, number>();
  const results: Sarif.Result[] = [];
  for (const file of report.files) {
    for (const finding of file.findings) {
      const identity = `${finding.rule}\u0000${file.path}\u0000${finding.itemId ?? finding.message}`;
      // Two findings with the same identity (the same message twice in a file) stay apart.
      const occurrence = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, occurrence);
      results.push(result(finding, file.path, ruleIndex.get(finding.rule), fnv1a64(`${identity}\u0000${occurrence}`)));
    }
  }
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'readiness',
            fullName: 'Production Readiness',
            informationUri: INFORMATION_URI,
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: pascalCase(rule.id),
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              helpUri: ruleDocsUrl(rule.id),
              help: {
                text: `${rule.description} See ${ruleDocsUrl(rule.id)}`,
                markdown: `${rule.description} [Documentation](${ruleDocsUrl(rule.id)})`,
              },
              defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
              properties: { tags: ['production-readiness'] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function result(finding: ReportFinding, path: string, index: number | undefined, fingerprint: string): Sarif.Result {
  const out: Sarif.Result = {
    ruleId: finding.rule,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(path), uriBaseId: SOURCE_ROOT },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
  };
  if (index !== undefined) out.ruleIndex = index;
  if (finding.itemId !== undefined) out.properties = { itemId: finding.itemId };
  return out;
}

/** A relative POSIX path as a relative URI reference: each segment percent-encoded (spaces, `#`, `?`, `%`). */
export function pathToUri(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

function pascalCase(id: RuleId): string {
  return id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
