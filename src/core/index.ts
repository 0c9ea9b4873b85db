/**
 * The public surface of the core for the hosts (`src/cli`, `src/vscode`): everything they use of
 * the pipeline text → parse → analyze → report, and of edits, config and templates. Hosts import
 * from here only (tests may reach into the stages). See ARCHITECTURE.md for the map of the folders.
 */

// Analysis: the one analyzer, and what it takes and gives.
export { type Analysis, type AnalyzerOptions, type ParsedChecklist } from './analyze/analysis';
export { analyzeChecklist } from './analyze/analyze';
export { ChecklistAnalyzer } from './analyze/analyzer';
export { type LinkCheck, linkTargets } from './analyze/links';
export { hasEvidence, needsEvidence } from './analyze/rules';

// The readiness model, progress, tree walks and the rule table.
export { countOpenCritical, sumProgress } from './model/progress';
export { type Finding, type FixChoice, type RuleId, ruleDocsUrl } from './model/ruleTable';
export {
  type Checklist,
  type ItemState,
  type LinkRef,
  type OffsetRange,
  type Progress,
  type ReadinessCategory,
  type ReadinessItem,
  SETTABLE_STATES,
  type SettableState,
  type Severity,
  type Span,
  type TextEdit,
} from './model/types';
export { allItems, findItem } from './model/walk';

// Text before Markdown: decoding, limits, labels, dates.
export { localIsoDate } from './text/dates';
export { type DecodedText, decodeText, encodeText, type TextEncoding } from './text/decode';
export { slugify } from './text/labels';
export { type AnalysisLimits, DEFAULT_LIMITS } from './text/limits';

// What hosts need of the parse stage: item metadata and link resolution.
export { configRelative, isUnderFolder, resolveLinkTarget } from './parse/linkTargets';

// Config: `.readiness.yml`, its discovery and defaults.
export { type ConfigResult, parseConfigText } from './config/config';
export { CONFIG_FILE_NAME, CONFIG_FILE_NAMES, type FolderWalk, configCandidates } from './config/discover';
export { type ReadinessConfig, defaultConfig } from './config/types';
export { type TeachResult, teachStatus } from './config/teachStatus';
export { type AddChecklistsResult, addChecklistGlobs, globForPath } from './config/addChecklists';
export { CHECKLIST_HEAD_CHARS, UNLISTED_EXCLUDE_GLOB, looksLikeChecklist, nameLooksLikeChecklist } from './config/unlisted';

// Edits computed from the model.
export { EVIDENCE_REFUSAL, evidenceRefusalMessage, refusesDone } from './edit/evidencePolicy';
export { insertLinkEdit, linkDestination, relinkEdit, removeLinkEdit } from './edit/links';
export { StaleModelError, applyEdits, setState } from './edit/setState';

// Reports and formats.
export { type ReportFormat, formatReport } from './report/formatReport';
export { type ReportSource, buildReport } from './report/jsonReport';
export { relativeUrlPath } from './report/relativeUrl';
export { openCriticalItems } from './report/summary';
export { PLAIN, type Paint } from './report/textReport';
export { visibleText } from './report/visibleText';

// History from git: progress over versions, sign-off from blame.
export { parseBlameDefault, parseBlamePorcelain } from './history/blame';
export { pointOf, progressHistory } from './history/progressHistory';
export { lastChanges, lastChangesOfText } from './history/signOff';
export { LOG_FORMAT, type LogEntry, parseCatFileBatch, parseGitLog } from './history/gitLog';
export { buildHistoryReport, type HistoryFile, type HistoryReport, historyCsv, historyText } from './report/historyReport';
export { type BlameLine, type CategoryPoint, type ChecklistVersion, type HistoryPoint, type LastChange } from './history/types';

// Starter checklists and configs.
export { DEFAULT_TEMPLATE, TEMPLATES, TEMPLATE_IDS, type TemplateId } from './templates/catalog';
export { CHECKLIST_FILE_NAME, starterChecklist, starterConfig } from './templates/starterFiles';
export { type RunbookTarget, runbookFileName, runbookTarget, runbookText } from './templates/runbook';
