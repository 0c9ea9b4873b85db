/** Starter content for new checklists, shared by the editor's "Create" command and the CLI. */

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
}

/** Categories of the starter checklist, in order; each item is `[text, critical]`. */
export const STARTER_CATEGORIES: readonly { title: string; items: readonly (readonly [string, boolean])[] }[] = [
  {
    title: 'Security',
    items: [
      ['TLS enforced on every public endpoint', true],
      ['Secrets stored in a secret manager and rotated', true],
      ['Dependencies scanned; no known critical vulnerabilities', true],
      ['Access to production reviewed (least privilege)', false],
    ],
  },
  {
    title: 'Reliability',
    items: [
      ['Rollback procedure tested', true],
      ['Load tested at 2× expected peak', false],
      ['Backups taken and a restore rehearsed', true],
      ['Timeouts, retries and circuit breakers on outbound calls', false],
    ],
  },
  {
    title: 'Observability',
    items: [
      ['Dashboards for traffic, errors, latency and saturation', false],
      ['Alerts routed to the on-call rotation', true],
      ['SLOs defined and error budget tracked', false],
      ['Structured logs with request ids', false],
    ],
  },
  {
    title: 'Operations',
    items: [
      ['On-call rotation and escalation policy published', false],
      ['Runbooks for the top failure modes', false],
      ['Deploys automated, with a one-step rollback', false],
    ],
  },
  {
    title: 'Testing',
    items: [
      ['Unit and integration tests run in CI on every change', false],
      ['End-to-end smoke test after each deploy', false],
      ['Failure injection (dependency down, slow network) exercised', false],
    ],
  },
  {
    title: 'Documentation',
    items: [
      ['Architecture overview and data flows documented', false],
      ['API reference published', false],
      ['Ownership and support contacts listed', false],
    ],
  },
];

/** Owner and due-date examples, keyed by item text, so the template shows the notation. */
const EXAMPLE_META: Readonly<Record<string, { owner: string; dueInDays: number }>> = {
  'Secrets stored in a secret manager and rotated': { owner: 'security', dueInDays: 14 },
  'Rollback procedure tested': { owner: 'sre', dueInDays: 21 },
  'Alerts routed to the on-call rotation': { owner: 'sre', dueInDays: 28 },
};

/** `YYYY-MM-DD` plus a number of days (calendar arithmetic in UTC, so no time zone shifts it). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * A starter `PRODUCTION_READINESS.md`: six categories of realistic items, the critical ones
 * marked `(critical)`, a few with `@owner` and `due:` examples, and a short how-to.
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
  for (const category of STARTER_CATEGORIES) {
    lines.push('', `## ${category.title}`, '');
    for (const [text, critical] of category.items) {
      const meta = EXAMPLE_META[text];
      const parts = [`- [ ] ${text}`];
      if (critical) parts.push('(critical)');
      if (meta) parts.push(`@${meta.owner}`, `due: ${addDays(options.today, meta.dueInDays)}`);
      lines.push(parts.join(' '));
    }
  }
  return lines.join(options.eol ?? '\n') + (options.eol ?? '\n');
}
