/**
 * The built-in checklist templates, as data: each one's categories of realistic items (which are
 * critical), the config's critical selectors and a few owner and due-date examples. Turning a
 * template into files is starterFiles.ts's job; adding a template means adding an entry here.
 */

/** A category of a template; each item is `[text, critical]`. */
export interface TemplateCategory {
  title: string;
  items: readonly (readonly [string, boolean])[];
}

/** Names of the built-in templates. */
export type TemplateId = 'service' | 'web-frontend' | 'data-pipeline';

/** A built-in checklist template with the `.readiness.yml` that goes with it. */
export interface ChecklistTemplate {
  id: TemplateId;
  /** One line saying what it is for (quick picks, `readiness init --help`). */
  description: string;
  categories: readonly TemplateCategory[];
  /** `critical` selectors of the config, written as YAML flow values (`category: Security`). */
  criticalSelectors: readonly string[];
  /** Owner and due-date examples, keyed by item text, so the checklist shows the notation. */
  exampleMeta: Readonly<Record<string, { owner: string; dueInDays: number }>>;
}

const SERVICE: ChecklistTemplate = {
  id: 'service',
  description: 'a backend service or API',
  categories: [
    {
      title: 'Security',
      items: [
        ['TLS enforced on every public endpoint', true],
        ['Secrets stored in a secret manager and rotated', true],
        ['Dependencies scanned; no known critical vulnerabilities', true],
        ['Access to production reviewed (least privilege)', true],
      ],
    },
    {
      title: 'Reliability',
      items: [
        ['Rollback procedure tested', true],
        ['Timeouts, retries and circuit breakers on outbound calls', false],
        ['Graceful shutdown drains in-flight requests', false],
        ['Runs in more than one availability zone', false],
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
      title: 'Performance',
      items: [
        ['Load tested at 2× expected peak', false],
        ['Capacity plan and autoscaling limits set', false],
        ['Latency budget per endpoint agreed', false],
      ],
    },
    {
      title: 'Data',
      items: [
        ['Backups taken and a restore rehearsed', true],
        ['Schema migrations backward compatible and reversible', false],
        ['Personal data classified; retention and deletion in place', false],
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
      title: 'Operations',
      items: [
        ['On-call rotation and escalation policy published', false],
        ['Runbooks for the top failure modes', false],
        ['Deploys automated, with a one-step rollback', false],
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
  ],
  criticalSelectors: ['category: Security', 'item: "Rollback*"', 'item: "Backups*"'],
  exampleMeta: {
    'Secrets stored in a secret manager and rotated': { owner: 'security', dueInDays: 14 },
    'Rollback procedure tested': { owner: 'sre', dueInDays: 21 },
    'Alerts routed to the on-call rotation': { owner: 'sre', dueInDays: 28 },
  },
};

const WEB_FRONTEND: ChecklistTemplate = {
  id: 'web-frontend',
  description: 'a web application or site (adds accessibility)',
  categories: [
    {
      title: 'Security',
      items: [
        ['Content-Security-Policy and security headers set', true],
        ['No secrets or internal URLs in the client bundle', true],
        ['Dependencies scanned; no known critical vulnerabilities', true],
        ['Authentication tokens kept out of local storage', true],
      ],
    },
    {
      title: 'Performance',
      items: [
        ['Core Web Vitals within "good" on a mid-range phone', false],
        ['Bundle size budget enforced in CI', false],
        ['Images sized, compressed and lazy-loaded', false],
      ],
    },
    {
      title: 'Reliability',
      items: [
        ['Rollback to the previous release takes one step', true],
        ['Error boundaries show a useful fallback instead of a blank page', false],
        ['Works offline or degrades clearly when the API is down', false],
      ],
    },
    {
      title: 'Observability',
      items: [
        ['Client errors reported with source maps', true],
        ['Real-user monitoring of load time and errors', false],
        ['Release version tagged on every error report', false],
      ],
    },
    {
      title: 'Accessibility',
      items: [
        ['Keyboard navigation works on every page', true],
        ['Automated accessibility checks pass (WCAG 2.2 AA)', false],
        ['Screen reader walkthrough of the main flows', false],
      ],
    },
    {
      title: 'Data',
      items: [
        ['Cookie consent and privacy notice in place', true],
        ['Analytics free of personal data', false],
        ['Forms validate input on the server too', false],
      ],
    },
    {
      title: 'Testing',
      items: [
        ['Unit and component tests run in CI', false],
        ['End-to-end tests of sign-in and checkout in CI', false],
        ['Tested on the supported browsers and screen sizes', false],
      ],
    },
    {
      title: 'Operations',
      items: [
        ['CDN caching and invalidation verified', false],
        ['Feature flags for risky changes', false],
        ['Status page and support contact linked from the app', false],
      ],
    },
    {
      title: 'Documentation',
      items: [
        ['Supported browsers listed', false],
        ['Build, deploy and environment variables documented', false],
        ['Ownership and support contacts listed', false],
      ],
    },
  ],
  criticalSelectors: ['category: Security', 'item: "Rollback*"', 'item: "Keyboard*"'],
  exampleMeta: {
    'Content-Security-Policy and security headers set': { owner: 'security', dueInDays: 14 },
    'Rollback to the previous release takes one step': { owner: 'web', dueInDays: 21 },
    'Keyboard navigation works on every page': { owner: 'design', dueInDays: 28 },
  },
};

const DATA_PIPELINE: ChecklistTemplate = {
  id: 'data-pipeline',
  description: 'a batch or streaming data pipeline',
  categories: [
    {
      title: 'Data',
      items: [
        ['Input schemas validated; bad records quarantined, not dropped', true],
        ['Data quality checks (nulls, duplicates, ranges) gate each run', true],
        ['Personal data classified; retention and deletion in place', true],
        ['Lineage from sources to outputs documented', false],
      ],
    },
    {
      title: 'Security',
      items: [
        ['Credentials in a secret manager, scoped per job', true],
        ['Access to raw data reviewed (least privilege)', true],
        ['Data encrypted at rest and in transit', true],
      ],
    },
    {
      title: 'Reliability',
      items: [
        ['Reruns are idempotent (no duplicate outputs)', true],
        ['Backfill procedure tested', true],
        ['Late and out-of-order data handled', false],
        ['Retries with backoff; poison messages parked', false],
      ],
    },
    {
      title: 'Observability',
      items: [
        ['Freshness and volume alerts routed to on-call', true],
        ['Run history, duration and row counts on a dashboard', false],
        ['Data quality results published per run', false],
      ],
    },
    {
      title: 'Performance',
      items: [
        ['Runs finish within the agreed window at 2× data volume', false],
        ['Partitioning and file sizes tuned', false],
        ['Cost per run measured and budgeted', false],
      ],
    },
    {
      title: 'Testing',
      items: [
        ['Transformations unit tested with fixture data', false],
        ['End-to-end run on a production-like sample in CI', false],
        ['Schema changes tested against downstream consumers', false],
      ],
    },
    {
      title: 'Operations',
      items: [
        ['Scheduler dependencies and SLAs configured', false],
        ['Runbooks for failed, late and partial runs', false],
        ['Downstream consumers know whom to contact', false],
      ],
    },
    {
      title: 'Documentation',
      items: [
        ['Output datasets described (fields, units, update cadence)', false],
        ['Data contracts with producers and consumers written down', false],
        ['Ownership and support contacts listed', false],
      ],
    },
  ],
  criticalSelectors: ['category: Security', 'item: "Reruns*"', 'item: "Backfill*"'],
  exampleMeta: {
    'Data quality checks (nulls, duplicates, ranges) gate each run': { owner: 'data', dueInDays: 14 },
    'Backfill procedure tested': { owner: 'data', dueInDays: 21 },
    'Freshness and volume alerts routed to on-call': { owner: 'sre', dueInDays: 28 },
  },
};

/** The built-in templates, `service` first (the default). */
export const TEMPLATES: readonly ChecklistTemplate[] = [SERVICE, WEB_FRONTEND, DATA_PIPELINE];

/** Template ids, in order. */
export const TEMPLATE_IDS: readonly TemplateId[] = TEMPLATES.map((t) => t.id);

/** The template used when none is named. */
export const DEFAULT_TEMPLATE: TemplateId = 'service';

/** A template by id. */
export function templateById(id: TemplateId): ChecklistTemplate {
  return TEMPLATES.find((t) => t.id === id)!;
}

/** Categories of the default template, in order. */
export const STARTER_CATEGORIES: readonly TemplateCategory[] = SERVICE.categories;
