/**
 * The parts of the core a warm `readiness check --cache` run uses (arguments, discovery, reading,
 * reports): small modules without the parser, bundled into dist/cli.js. Everything else comes from
 * `../core`, which the build resolves to dist/core.js loaded on first use (scripts/build.mjs), so
 * a run that finds every analysis in the cache never compiles remark, micromark, yaml or ajv.
 * The one place in the hosts that imports stages of the core, hence the rule turned off here.
 */
/* eslint-disable no-restricted-imports */
export { localIsoDate } from '../core/text/dates';
export { type DecodedText, decodeText } from '../core/text/decode';
export { type AnalysisLimits, DEFAULT_LIMITS } from '../core/text/limits';
export { configCandidates } from '../core/config/discover';
export { type ReadinessConfig, defaultConfig } from '../core/config/types';
export { type ReportFormat, formatReport } from '../core/report/formatReport';
export { PLAIN, type Paint } from '../core/report/textReport';
export { visibleText } from '../core/report/visibleText';
export { DEFAULT_TEMPLATE, TEMPLATES, TEMPLATE_IDS, type TemplateId } from '../core/templates/catalog';
export { SETTABLE_STATES, type SettableState } from '../core/model/types';
export type { Finding, RuleId } from '../core/model/ruleTable';
export type { Span } from '../core/model/types';
export type { ReportSource } from '../core/report/jsonReport';
