/**
 * `npx tsx bench/coldOnly.ts [items…]`: only the cold-analysis case of `npm run bench` (default
 * 1,000 and 10,000 items), with each size's time per KB, for working on the cold parse without
 * the whole run's twenty minutes.
 */
import { measureCold } from './cold';
import { generateChecklist } from './generate';
import { round } from './stats';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const rows = (sizes.length > 0 ? sizes : [1_000, 10_000]).map((n) => {
  const result = measureCold(`${n.toLocaleString('en-US')} items`, [generateChecklist(n)]);
  const kb = result.bytes / 1000;
  return {
    ...result,
    bareMs: round(result.bareMs),
    fullMs: round(result.fullMs),
    ratio: round(result.ratio, 2),
    fullMsPerKB: round(result.fullMs / kb, 3),
  };
});
console.table(rows);
