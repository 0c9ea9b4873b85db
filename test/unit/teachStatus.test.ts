import { strict as assert } from 'node:assert';
import { parseConfigText } from '../../src/core/config/config';
import { teachStatus, yamlKey } from '../../src/core/config/teachStatus';

function taught(text: string, term: string, state: Parameters<typeof teachStatus>[2] = 'done'): string {
  const result = teachStatus(text, term, state);
  assert.ok('text' in result, JSON.stringify(result));
  return result.text;
}

describe('teachStatus (writing statuses: in .readiness.yml)', () => {
  it('creates the block in an empty or missing file', () => {
    assert.equal(taught('', 'Verify'), 'statuses:\n  Verify: done\n');
    assert.equal(taught('# team config\n', 'Verify', 'open'), '# team config\nstatuses:\n  Verify: open\n');
  });

  it('appends a block after the other keys, keeping every byte (a missing final line break is added)', () => {
    const text = '# Readiness\nevidence:\n  required: critical # strict\n\nrules:\n  overdue: error';
    assert.equal(taught(text, 'Verify', 'in-progress'), `${text}\nstatuses:\n  Verify: in-progress\n`);
  });

  it('adds an entry at the end of an existing block, with its indentation and comments kept', () => {
    const text = 'statuses:\n    # ours\n    Shipped: done   # released\n    Parked: n/a\nrules:\n  overdue: error\n';
    assert.equal(
      taught(text, '⚠️', 'open'),
      'statuses:\n    # ours\n    Shipped: done   # released\n    Parked: n/a\n    "⚠️": open\nrules:\n  overdue: error\n',
    );
  });

  it('replaces the state of an entry for the same word (any case) instead of adding a key', () => {
    assert.equal(taught('statuses:\n  verify: open # for now\n', 'Verify', 'done'), 'statuses:\n  verify: done # for now\n');
    assert.equal(taught('statuses: { Verify: open, Shipped: done }\n', 'VERIFY', 'n/a'), 'statuses: { Verify: n/a, Shipped: done }\n');
  });

  it('extends a flow map, empty or not', () => {
    assert.equal(taught('statuses: {}\n', 'Verify'), 'statuses: { Verify: done }\n');
    assert.equal(taught('statuses: { Shipped: done }\n', 'Verify', 'open'), 'statuses: { Shipped: done, Verify: open }\n');
  });

  it('fills an empty statuses: key', () => {
    assert.equal(taught('statuses:\nrules: {}\n', 'Verify'), 'statuses:\n  Verify: done\nrules: {}\n');
    assert.equal(taught('statuses: # later\n', 'Verify'), 'statuses: # later\n  Verify: done\n');
  });

  it('keeps CRLF line endings', () => {
    assert.equal(taught('rules:\r\n  overdue: error\r\n', 'Verify'), 'rules:\r\n  overdue: error\r\nstatuses:\r\n  Verify: done\r\n');
    assert.equal(taught('statuses:\r\n  A: done\r\n', 'B', 'open'), 'statuses:\r\n  A: done\r\n  B: open\r\n');
  });

  it('refuses a file that does not parse or is not a map, and a statuses: that is not a map', () => {
    assert.ok('refused' in teachStatus('rules: [\n', 'Verify', 'done'));
    assert.ok('refused' in teachStatus('- a\n- b\n', 'Verify', 'done'));
    assert.ok('refused' in teachStatus('statuses: [a]\n', 'Verify', 'done'));
  });

  it('quotes keys YAML would read as something else; the result reads back as the taught entry', () => {
    assert.deepEqual(['Verify', 'No', 'n/a', '1.0', 'Needs: work', '⚠️ Needs Work', 'Go with conditions'].map(yamlKey), [
      'Verify',
      '"No"',
      'n/a',
      '"1.0"',
      '"Needs: work"',
      '"⚠️ Needs Work"',
      'Go with conditions',
    ]);
    for (const term of ['Verify', 'No', 'true', '1.0', 'Needs: work', '⚠️', '#tag', "it's", 'a "b"']) {
      const { config, findings } = parseConfigText(taught('rules: {}\n', term, 'in-progress'));
      assert.deepEqual(findings, [], term);
      assert.deepEqual(config.statuses, { [term]: 'in-progress' }, term);
    }
  });
});
