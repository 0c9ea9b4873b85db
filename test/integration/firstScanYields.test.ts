// The first scan gives the extension host's thread back in the middle of a large file: a timer
// scheduled in the host fires while the store's parse of that file is suspended between two
// slices. An ordering, not a clock: a parse in one synchronous call leaves no such moment.
import * as assert from 'node:assert/strict';
import { activateExtension, workspaceUri } from './helpers/extension';

describe('first scan yields', () => {
  it('runs host timers while the parse of a large checklist is suspended between slices', async function () {
    this.timeout(180_000);
    const api = await activateExtension();
    // The fixture's generated checklist of over 1 MB (scripts/fixture-workspace.mjs).
    const large = workspaceUri('large/PRODUCTION_READINESS.md');
    await api.store.all();
    let ticks = 0;
    let ticksMidParse = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      ticks++;
      if (api.store.isParseSuspended(large)) ticksMidParse++;
      timer = setTimeout(tick, 0);
    };
    const slicesBefore = api.store.parseSlices;
    try {
      tick();
      // Forgets every analysis: the scan parses every checklist again from cold.
      api.store.reset();
      const states = await api.store.all();
      const state = states.find((s) => s.uri.toString() === large.toString());
      assert.ok(state, 'the large checklist was not analysed');
      // 140 sections of 60 tasks (every third done) and 20 rows (every second done).
      assert.equal(state.analysis.checklist.progress.done, 140 * 30);
    } finally {
      clearTimeout(timer);
    }
    assert.ok(api.store.parseSlices > slicesBefore, 'no parse gave the thread back');
    assert.ok(ticksMidParse > 0, `no timer fired while the large checklist's parse was suspended (${ticks} ticks in all)`);
  });
});
