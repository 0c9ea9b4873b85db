/**
 * Deterministic synthetic checklists for the benchmark: areas (`##`) of topics (`###`) holding
 * task lists (some nested, some with a bold group label), status tables with owner and priority
 * columns, and status glyph bullets; items link evidence and runbooks, name owners and due dates.
 */

/** A small seeded PRNG (mulberry32), so every run measures the same documents. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = ['Verify', 'Document', 'Load test', 'Alert on', 'Back up', 'Restore', 'Rotate', 'Scan', 'Review', 'Rehearse'];
const NOUNS = [
  'TLS certificates',
  'database failover',
  'rollback plan',
  'rate limits',
  'on-call rota',
  'log retention',
  'secrets',
  'dashboards',
  'capacity model',
  'DNS records',
];
const AREAS = ['Security', 'Reliability', 'Observability', 'Operations', 'Data', 'Release', 'Compliance', 'Performance'];
const STATUS = ['✅', '✅', '⏳', '❌', 'Done', 'In progress', ''];

/** A checklist with exactly `items` items (nested ones included), about 70 bytes per item. */
export function generateChecklist(items: number, seed = 1): string {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const out: string[] = ['# Platform production readiness', '', 'Owner: @platform. Tick items as they are done; link evidence.', ''];
  let made = 0;
  const text = () => {
    made++;
    const owner = rnd() < 0.3 ? ` @team${Math.floor(rnd() * 9)}` : '';
    const due = rnd() < 0.1 ? ` due: 2026-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}` : '';
    const evidence =
      rnd() < 0.3
        ? ` ([evidence](docs/evidence/item-${made}.md))`
        : rnd() < 0.1
          ? ` — see [runbook](docs/runbooks/${pick(NOUNS).replace(/ /g, '-')}.md)`
          : '';
    return `${pick(VERBS)} ${pick(NOUNS)} ${made}${owner}${due}${evidence}`;
  };
  for (let area = 1; made < items; area++) {
    out.push(`## ${area}. ${AREAS[area % AREAS.length]}`, '');
    for (let topic = 1; topic <= 3 && made < items; topic++) {
      out.push(`### ${AREAS[(area + topic) % AREAS.length]} topic ${area}.${topic}`, '');
      const count = Math.min(items - made, 8 + Math.floor(rnd() * 9));
      const shape = rnd();
      if (shape < 0.25) {
        out.push('| Check | Status | Owner | Priority |', '|---|---|---|---|');
        for (let i = 0; i < count; i++) out.push(`| ${text()} | ${pick(STATUS)} | @team${i % 7} | ${rnd() < 0.1 ? 'P0' : 'P2'} |`);
      } else if (shape < 0.32) {
        for (let i = 0; i < count; i++) out.push(`- ${pick(['✅', '⏳', '❌', '☐'])} ${text()}`);
      } else {
        if (shape < 0.45) out.push('**Before the release:**');
        for (let i = 0; i < count; i++) {
          const nested = i > 0 && rnd() < 0.15;
          out.push(`${nested ? '  ' : ''}- [${rnd() < 0.4 ? 'x' : ' '}] ${text()}`);
        }
      }
      out.push('');
    }
  }
  return out.join('\n');
}
