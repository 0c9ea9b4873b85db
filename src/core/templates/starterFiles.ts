/**
 * The files a new checklist starts from, rendered from a template of catalog.ts: the
 * PRODUCTION_READINESS.md and the `.readiness.yml` that goes with it. Shared by the editor's
 * "Create" command and `readiness init`.
 */
import { DEFAULT_TEMPLATE, templateById, type TemplateId } from './catalog';

/** The file name a new checklist gets. */
export const CHECKLIST_FILE_NAME = 'PRODUCTION_READINESS.md';

/** Inputs of `starterChecklist`. */
export interface StarterOptions {
  /** What the checklist is about (a service or repository name), used in the title. */
  name: string;
  /** Today's date `YYYY-MM-DD`; example due dates are set a few weeks after it. */
  today: string;
  /** Line ending to write. */
  eol?: '\n' | '\r\n';
  /** Which template (default `service`). */
  template?: TemplateId;
}

/** `YYYY-MM-DD` plus a number of days (calendar arithmetic in UTC, so no time zone shifts it). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * A starter `PRODUCTION_READINESS.md` from a template: its categories of realistic items, the
 * critical ones marked `(critical)`, a few with `@owner` and `due:` examples, and a short how-to.
 */
export function starterChecklist(options: StarterOptions): string {
  const name = options.name.replace(/[\r\n]+/g, ' ').trim() || 'Service';
  const lines = [
    `# ${name}: production readiness`,
    '',
    'Tick items as they are done (`- [x]`), mark work in progress with `- [~]` and items that do not apply with `- [-]`.',
    'Mark must-haves `(critical)`, name an owner with `@team` and a deadline with `due: YYYY-MM-DD`.',
    'Link evidence next to an item, for example `([evidence](docs/evidence/tls-scan.md))`, and runbooks from `docs/runbooks/`.',
  ];
  const template = templateById(options.template ?? DEFAULT_TEMPLATE);
  for (const category of template.categories) {
    lines.push('', `## ${category.title}`, '');
    for (const [text, critical] of category.items) {
      const meta = template.exampleMeta[text];
      const parts = [`- [ ] ${text}`];
      if (critical) parts.push('(critical)');
      if (meta) parts.push(`@${meta.owner}`, `due: ${addDays(options.today, meta.dueInDays)}`);
      lines.push(parts.join(' '));
    }
  }
  return lines.join(options.eol ?? '\n') + (options.eol ?? '\n');
}

const CONFIG_SCHEMA_URL =
  'https://raw.githubusercontent.com/production-readiness/production-readiness/main/schemas/readiness-config.schema.json';

/**
 * The `.readiness.yml` that goes with a template: its critical selectors, evidence required for
 * critical items, and the usual evidence and runbook folders.
 */
export function starterConfig(template: TemplateId = DEFAULT_TEMPLATE, eol: '\n' | '\r\n' = '\n'): string {
  const lines = [
    `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}`,
    `# Production readiness settings (template: ${template}); every key is optional.`,
    'checklists:',
    '  - "**/PRODUCTION_READINESS.md"',
    '# Items that must be done before launch, besides those marked (critical) in the checklist.',
    'critical:',
    ...templateById(template).criticalSelectors.map((selector) => `  - ${selector}`),
    'evidence:',
    '  # Done critical items must link a file that shows it (a scan, a test report, a review).',
    '  required: critical',
    '  dir: docs/evidence',
    'runbooks:',
    '  dirs: [docs/runbooks]',
  ];
  return lines.join(eol) + eol;
}
