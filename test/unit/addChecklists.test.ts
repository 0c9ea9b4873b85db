import { strict as assert } from 'node:assert';
import { addChecklistGlobs, globForPath } from '../../src/core/config/addChecklists';
import { parseConfigText } from '../../src/core/config/config';

const DOC = 'docs/PRODUCTION_CHECKLIST.md';

function added(text: string, globs: readonly string[] = [DOC]): string {
  const result = addChecklistGlobs(text, globs);
  assert.ok('text' in result, JSON.stringify(result));
  return result.text;
}

describe('addChecklistGlobs (writing checklists: in .readiness.yml)', () => {
  it('creates the list in a missing, empty or comment-only file, with the default glob first', () => {
    const expected = 'checklists:\n  - "**/PRODUCTION_READINESS.md"\n  - docs/PRODUCTION_CHECKLIST.md\n';
    assert.equal(added(''), expected);
    assert.equal(added('# team config'), `# team config\n${expected}`);
    assert.deepEqual(parseConfigText(added('')).config.checklists, ['**/PRODUCTION_READINESS.md', DOC]);
  });

  it('appends the list after the other keys of a file without checklists:, keeping the defaults it relied on', () => {
    const text = '# Readiness\r\ncritical:\r\n  - category: Security # always\r\n';
    assert.equal(
      added(text, [DOC, 'production-readiness-checklist.md']),
      `${text}checklists:\r\n  - "**/PRODUCTION_READINESS.md"\r\n  - docs/PRODUCTION_CHECKLIST.md\r\n  - production-readiness-checklist.md\r\n`,
    );
  });

  it('adds entries after the last one of a block list, with its indentation, comments and line endings kept', () => {
    const text =
      '# ours\nchecklists:\n    - "**/PRODUCTION_READINESS.md"   # main\n    - checklists/*.md\n# next\nrules:\n  overdue: error\n';
    assert.equal(
      added(text),
      '# ours\nchecklists:\n    - "**/PRODUCTION_READINESS.md"   # main\n    - checklists/*.md\n    - docs/PRODUCTION_CHECKLIST.md\n# next\nrules:\n  overdue: error\n',
    );
    assert.equal(
      added('checklists:\r\n- a.md\r\nrules: {}\r\n'),
      'checklists:\r\n- a.md\r\n- docs/PRODUCTION_CHECKLIST.md\r\nrules: {}\r\n',
    );
  });

  it('extends a flow list, and fills an empty list or an empty key with the defaults first', () => {
    assert.equal(added('checklists: [a.md] # few\n'), 'checklists: [a.md, docs/PRODUCTION_CHECKLIST.md] # few\n');
    assert.equal(added('checklists: []\n'), 'checklists: ["**/PRODUCTION_READINESS.md", docs/PRODUCTION_CHECKLIST.md]\n');
    assert.equal(
      added('checklists: # later\nrules: {}\n'),
      'checklists: # later\n  - "**/PRODUCTION_READINESS.md"\n  - docs/PRODUCTION_CHECKLIST.md\nrules: {}\n',
    );
  });

  it('adds nothing already listed, and quotes what would not read back as the same string', () => {
    const text = 'checklists:\n  - docs/PRODUCTION_CHECKLIST.md\n';
    assert.deepEqual(addChecklistGlobs(text, [DOC, DOC]), { text, added: [] });
    assert.equal(
      added('checklists:\n  - a.md\n', ['*.md', 'true', 'a b.md', '#x.md']),
      'checklists:\n  - a.md\n  - "*.md"\n  - "true"\n  - a b.md\n  - "#x.md"\n',
    );
    const written = added('checklists:\n  - a.md\n', ['*.md', 'true', '#x.md', 'docs/[*]x.md']);
    assert.deepEqual(parseConfigText(written).config.checklists, ['a.md', '*.md', 'true', '#x.md', 'docs/[*]x.md']);
  });

  it('refuses a file that does not parse, naming the line, and one it cannot add to', () => {
    assert.deepEqual(addChecklistGlobs('rules:\n  overdue: error\nevidence: required: all\n', [DOC]), {
      refused: 'invalid YAML: Nested mappings are not allowed in compact mappings',
      line: 3,
    });
    assert.deepEqual(addChecklistGlobs('rules: {}\nchecklists: docs\n', [DOC]), { refused: 'checklists: is not a list', line: 2 });
    assert.deepEqual(addChecklistGlobs('- a\n', [DOC]), { refused: 'it is not a map of settings', line: 1 });
    assert.deepEqual(addChecklistGlobs('# ours\n{ rules: {} }\n', [DOC]), { refused: 'it is written as one flow map', line: 2 });
    assert.deepEqual(addChecklistGlobs('checklists: [a]\nchecklists: [b]\n', [DOC]), {
      refused: 'duplicate key "checklists": each key may appear only once',
      line: 2,
    });
  });
});

describe('globForPath', () => {
  it('names a path, glob characters in brackets; refuses what a glob cannot name', () => {
    assert.equal(globForPath('docs/PRODUCTION_CHECKLIST.md'), 'docs/PRODUCTION_CHECKLIST.md');
    assert.equal(globForPath('a b/x*y?{z}.md'), 'a b/x[*]y[?][{]z[}].md');
    assert.equal(globForPath('docs/!x.md'), undefined);
    assert.equal(globForPath('docs/a]b.md'), undefined);
  });
});
