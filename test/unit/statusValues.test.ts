import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { tokenFor } from '../../src/core/edit/writeStatus';
import { SETTABLE_STATES, type SettableState, type TokenFamily } from '../../src/core/model/types';
import { readLeadingGlyph, readStatusCell, type StatusToken } from '../../src/core/parse/readStatus';
import { isCriticalPriority, isItemHeader, isPriorityHeader, isStatusHeader } from '../../src/core/parse/tableColumns';

const corpus = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');

/** Reads a cell that must hold a known token, checking the offsets against the raw text. */
function known(raw: string): StatusToken {
  const cell = readStatusCell(raw);
  assert.equal(cell.kind, 'known', `${JSON.stringify(raw)} should be known, got ${JSON.stringify(cell)}`);
  const { token } = cell as { kind: 'known'; token: StatusToken };
  assert.equal(raw.slice(token.start, token.end), token.text, `offsets of ${JSON.stringify(raw)}`);
  return token;
}

function replaceToken(raw: string, token: StatusToken, text: string): string {
  return raw.slice(0, token.start) + text + raw.slice(token.end);
}

describe('statusValues', () => {
  describe('readStatusCell: glyphs', () => {
    const cases: [string, SettableState, string][] = [
      ['☐', 'open', '☐'],
      ['⬜', 'open', '⬜'],
      ['❌', 'open', '❌'],
      ['✗', 'open', '✗'],
      ['✘', 'open', '✘'],
      ['✖', 'open', '✖'],
      ['✖️', 'open', '✖️'],
      ['🔲', 'open', '🔲'],
      ['🔳', 'open', '🔳'],
      ['□', 'open', '□'],
      ['🔴', 'open', '🔴'],
      ['☑', 'done', '☑'],
      ['☑️', 'done', '☑️'],
      ['☒', 'done', '☒'],
      ['✅', 'done', '✅'],
      ['✔', 'done', '✔'],
      ['✓', 'done', '✓'],
      ['✔️', 'done', '✔️'],
      ['🟢', 'done', '🟢'],
      ['👍', 'done', '👍'],
      ['👍🏽', 'done', '👍🏽'],
      ['🔄', 'in-progress', '🔄'],
      ['⏳', 'in-progress', '⏳'],
      ['⌛', 'in-progress', '⌛'],
      ['🚧', 'in-progress', '🚧'],
      ['🟡', 'in-progress', '🟡'],
      ['◐', 'in-progress', '◐'],
      ['➖', 'n/a', '➖'],
    ];
    for (const [glyph, state, text] of cases) {
      it(`${glyph} → ${state}`, () => {
        const token = known(` ${glyph} `);
        assert.deepEqual([token.state, token.text, token.family, token.start], [state, text, 'glyph', 1]);
      });
    }

    it('keeps U+FE0F and skin tones inside the token', () => {
      assert.equal(known('✔️').end, 2);
      assert.equal(known('| 👍🏿 |'.slice(1, -1)).text, '👍🏿');
    });
  });

  describe('readStatusCell: boxes, shortcodes and entities', () => {
    const cases: [string, SettableState, TokenFamily, string][] = [
      ['[ ]', 'open', 'box', '[ ]'],
      ['[x]', 'done', 'box', '[x]'],
      ['[X]', 'done', 'box', '[X]'],
      ['[~]', 'in-progress', 'box', '[~]'],
      ['[/]', 'in-progress', 'box', '[/]'],
      ['[-]', 'n/a', 'box', '[-]'],
      [':x:', 'open', 'shortcode', ':x:'],
      [':heavy_multiplication_x:', 'open', 'shortcode', ':heavy_multiplication_x:'],
      [':white_large_square:', 'open', 'shortcode', ':white_large_square:'],
      [':red_circle:', 'open', 'shortcode', ':red_circle:'],
      [':white_check_mark:', 'done', 'shortcode', ':white_check_mark:'],
      [':heavy_check_mark:', 'done', 'shortcode', ':heavy_check_mark:'],
      [':ballot_box_with_check:', 'done', 'shortcode', ':ballot_box_with_check:'],
      [':+1:', 'done', 'shortcode', ':+1:'],
      [':hourglass:', 'in-progress', 'shortcode', ':hourglass:'],
      [':hourglass_flowing_sand:', 'in-progress', 'shortcode', ':hourglass_flowing_sand:'],
      [':construction:', 'in-progress', 'shortcode', ':construction:'],
      [':arrows_counterclockwise:', 'in-progress', 'shortcode', ':arrows_counterclockwise:'],
      [':yellow_circle:', 'in-progress', 'shortcode', ':yellow_circle:'],
      [':heavy_minus_sign:', 'n/a', 'shortcode', ':heavy_minus_sign:'],
      ['&#9744;', 'open', 'entity', '&#9744;'],
      ['&#x2610;', 'open', 'entity', '&#x2610;'],
      ['&#10060;', 'open', 'entity', '&#10060;'],
      ['&#9745;', 'done', 'entity', '&#9745;'],
      ['&#9746;', 'done', 'entity', '&#9746;'],
      ['&#x2705;', 'done', 'entity', '&#x2705;'],
      ['&check;', 'done', 'entity', '&check;'],
      ['&checkmark;', 'done', 'entity', '&checkmark;'],
      ['&cross;', 'open', 'entity', '&cross;'],
      ['&#x2714;&#xFE0F;', 'done', 'entity', '&#x2714;&#xFE0F;'],
      ['&#9203;', 'in-progress', 'entity', '&#9203;'],
      ['&#10134;', 'n/a', 'entity', '&#10134;'],
    ];
    for (const [raw, state, family, text] of cases) {
      it(`${raw} → ${state} (${family})`, () => {
        const token = known(`  ${raw} `);
        assert.deepEqual([token.state, token.family, token.text, token.start], [state, family, text, 2]);
      });
    }

    it('does not read unknown shortcodes, entities or boxes', () => {
      for (const raw of [':smile:', ':o:', '&#9888;', '&nbsp;x', '[?]', '[]', 'x:white_check_mark:']) {
        assert.notEqual(readStatusCell(raw).kind, 'known', raw);
      }
    });
  });

  describe('readStatusCell: words', () => {
    const cases: [string, SettableState][] = [
      ['No', 'open'],
      ['TODO', 'open'],
      ['To do', 'open'],
      ['To-do', 'open'],
      ['todo', 'open'],
      ['Open', 'open'],
      ['Pending', 'open'],
      ['Not started', 'open'],
      ['Not Started', 'open'],
      ['not_started', 'open'],
      ['Not done', 'open'],
      ['Missing', 'open'],
      ['Fail', 'open'],
      ['Failed', 'open'],
      ['FAILED', 'open'],
      ['Blocked', 'open'],
      ['Blocker', 'open'],
      ['Incomplete', 'open'],
      ['未着手', 'open'],
      ['未', 'open'],
      ['Yes', 'done'],
      ['Done', 'done'],
      ['DONE', 'done'],
      ['done', 'done'],
      ['Complete', 'done'],
      ['Completed', 'done'],
      ['Passed', 'done'],
      ['Pass', 'done'],
      ['OK', 'done'],
      ['Ok', 'done'],
      ['Ready', 'done'],
      ['Verified', 'done'],
      ['完了', 'done'],
      ['已完成', 'done'],
      ['Готово', 'done'],
      ['WIP', 'in-progress'],
      ['In progress', 'in-progress'],
      ['In Progress', 'in-progress'],
      ['In-progress', 'in-progress'],
      ['in_progress', 'in-progress'],
      ['InProgress', 'in-progress'],
      ['Partial', 'in-progress'],
      ['Partially', 'in-progress'],
      ['Partially done', 'in-progress'],
      ['Ongoing', 'in-progress'],
      ['Started', 'in-progress'],
      ['対応中', 'in-progress'],
      ['进行中', 'in-progress'],
      ['В работе', 'in-progress'],
      ['N/A', 'n/a'],
      ['n/a', 'n/a'],
      ['N / A', 'n/a'],
      ['NA', 'n/a'],
      ['n.a.', 'n/a'],
      ['N.A.', 'n/a'],
      ['Skipped', 'n/a'],
      ['Skip', 'n/a'],
      ['Not applicable', 'n/a'],
      ['Not Applicable', 'n/a'],
      ["Won't do", 'n/a'],
      ['Won’t do', 'n/a'],
      ['対象外', 'n/a'],
      ['不适用', 'n/a'],
    ];
    for (const [word, state] of cases) {
      it(`${word} → ${state}`, () => {
        const token = known(` ${word} `);
        assert.deepEqual([token.state, token.family, token.text], [state, 'word', word]);
      });
    }

    const separated: [string, SettableState, string][] = [
      ['Done - verified in staging', 'done', 'Done'],
      ['Done — see runbook', 'done', 'Done'],
      ['Done—see runbook', 'done', 'Done'],
      ['Done – 2024-05-01', 'done', 'Done'],
      ['Done: 2024-05-01', 'done', 'Done'],
      ['Done (2024-05-01)', 'done', 'Done'],
      ['Done(2024-05-01)', 'done', 'Done'],
      ['完了（5/1）', 'done', '完了'],
      ['Fail: **1 of 4** required cells present', 'open', 'Fail'],
      ['Not applicable - no data stored', 'n/a', 'Not applicable'],
      ['In progress: 3 of 5', 'in-progress', 'In progress'],
      ['Done.', 'done', 'Done'],
      ['Done!', 'done', 'Done'],
      ['**Done.**', 'done', 'Done'],
      ['Done<br>since May', 'done', 'Done'],
    ];
    for (const [raw, state, text] of separated) {
      it(`${raw} → ${state}`, () => {
        const token = known(` ${raw} `);
        assert.deepEqual([token.state, token.text], [state, text]);
      });
    }
  });

  describe('readStatusCell: wrapping', () => {
    const wrappers: [string, (t: string) => string][] = [
      ['bold', (t) => `**${t}**`],
      ['bold underscores', (t) => `__${t}__`],
      ['italic', (t) => `*${t}*`],
      ['italic underscores', (t) => `_${t}_`],
      ['bold italic', (t) => `***${t}***`],
      ['code', (t) => `\`${t}\``],
      ['code with spaces', (t) => `\`\` ${t} \`\``],
      ['link text', (t) => `[${t}](https://ci.example/run/1)`],
      ['reference link', (t) => `[${t}][run]`],
      ['bold link', (t) => `**[${t}](#evidence)**`],
      ['html bold', (t) => `<b>${t}</b>`],
      ['html span', (t) => `<span style="color:green">${t}</span>`],
      ['wide spaces', (t) => `\u00a0   ${t}\t  `],
    ];
    const tokens: [string, SettableState, TokenFamily][] = [
      ['✅', 'done', 'glyph'],
      ['✔️', 'done', 'glyph'],
      ['Done', 'done', 'word'],
      ['In progress', 'in-progress', 'word'],
      ['N/A', 'n/a', 'word'],
      [':x:', 'open', 'shortcode'],
      ['&#9744;', 'open', 'entity'],
      ['☐', 'open', 'glyph'],
    ];
    for (const [name, wrap] of wrappers) {
      for (const [text, state, family] of tokens) {
        it(`${name}: ${text}`, () => {
          const raw = ` ${wrap(text)} `;
          const token = known(raw);
          assert.deepEqual([token.state, token.family, token.text], [state, family, text]);
          // Replacing exactly the token keeps the wrapping.
          const target: SettableState = state === 'done' ? 'open' : 'done';
          const replacement = tokenFor(target, family);
          assert.equal(replaceToken(raw, token, replacement), ` ${wrap(replacement)} `);
        });
      }
    }

    it('reads a box written inside emphasis, not as a link', () => {
      assert.deepEqual(known(' **[x]** ').text, '[x]');
      assert.deepEqual(known(' [[x]](#a) ').text, '[x]');
    });
  });

  describe('readStatusCell: a leading glyph wins over the words after it', () => {
    const cases: [string, SettableState, string][] = [
      ['✅ **Ready**', 'done', '✅'],
      ['✅ **Excellent**', 'done', '✅'],
      ['❌ **Missing**', 'open', '❌'],
      ['❌ 要設定', 'open', '❌'],
      ['✅ Done', 'done', '✅'],
      ['✅ Partial', 'done', '✅'],
      ['⏳ In Progress', 'in-progress', '⏳'],
      ['**✅ Passed**', 'done', '✅'],
      [':white_check_mark: all green', 'done', ':white_check_mark:'],
      ['[x] verified', 'done', '[x]'],
      ['🟡 Should have', 'in-progress', '🟡'],
      // A glyph that repeats the word, a date, a note after a comma, a withdrawn value struck out.
      ['Done ✅', 'done', 'Done'],
      ['Complete ✔', 'done', 'Complete'],
      ['Completed 2026-11-02', 'done', 'Completed'],
      ['Done 14/10/2026', 'done', 'Done'],
      ['Yes, since v2.3', 'done', 'Yes'],
      ['~~Open~~ Done', 'done', 'Done'],
    ];
    for (const [raw, state, text] of cases) {
      it(`${raw} → ${state}`, () => {
        const token = known(` ${raw} `);
        assert.deepEqual([token.state, token.text], [state, text]);
      });
    }
  });

  describe('readStatusCell: unknown values', () => {
    const cases: [string, string][] = [
      ['⚠️ **Needs Work**', '⚠️ Needs Work'],
      ['⚠️ 要改善', '⚠️ 要改善'],
      ['⚠ Warning', '⚠ Warning'],
      ['⭕', '⭕'],
      ['Conditional: baseline uncalibrated', 'Conditional: baseline uncalibrated'],
      ['Conditional / limited', 'Conditional / limited'],
      ['Pass for configured cohort; expansion tracked', 'Pass for configured cohort; expansion tracked'],
      ['Passing evidence present for Python 3.14 only', 'Passing evidence present for Python 3.14 only'],
      ['Not applicable to current product form', 'Not applicable to current product form'],
      ['Required gate', 'Required gate'],
      ['`Verify`', 'Verify'],
      ['Done ❌', 'Done ❌'],
      ['Done 5 of 6', 'Done 5 of 6'],
      ['Done with X', 'Done with X'],
      ['Doneish', 'Doneish'],
      ['None', 'None'],
      ['Nope', 'Nope'],
      ['Okta configured', 'Okta configured'],
      ['TBD', 'TBD'],
      ['?', '?'],
      ['95/100', '95/100'],
      ['**[Dashboard](https://grafana/x)**', 'Dashboard'],
      ['&#9888; &amp; more', '⚠ & more'],
      ['完了済み', '完了済み'],
      ['👩‍✅', '👩‍✅'],
    ];
    for (const [raw, value] of cases) {
      it(`${raw} → unknown`, () => {
        assert.deepEqual(readStatusCell(` ${raw} `), { kind: 'unknown', value });
      });
    }
  });

  describe('readStatusCell: unfilled option lists (open, not unknown)', () => {
    const cases: [string, string][] = [
      ['pass / fail / follow-up', 'pass / fail / follow-up'],
      ['`Not Started` / `In Progress` / `Done`', 'Not Started / In Progress / Done'],
      ['✅ / ❌', '✅ / ❌'],
      ['Yes/No', 'Yes/No'],
    ];
    for (const [raw, value] of cases) {
      it(`${raw} → options`, () => {
        assert.deepEqual(readStatusCell(` ${raw} `), { kind: 'options', value });
      });
    }
  });

  describe('readStatusCell: empty cells', () => {
    for (const raw of ['', ' ', '   ', '\t', '****', ' ** ** ', '``', '<b></b>', '&nbsp;', ' <br> ', '__']) {
      it(`${JSON.stringify(raw)} → empty`, () => {
        assert.deepEqual(readStatusCell(raw), { kind: 'empty' });
      });
    }

    const placeholders: [string, string, number][] = [
      [' — ', '—', 1],
      [' - ', '-', 1],
      [' – ', '–', 1],
      [' -- ', '--', 1],
      [' **—** ', '—', 3],
      [' &mdash; ', '&mdash;', 1],
    ];
    for (const [raw, text, start] of placeholders) {
      it(`${JSON.stringify(raw)} → empty with a placeholder to replace`, () => {
        assert.deepEqual(readStatusCell(raw), { kind: 'empty', placeholder: { start, end: start + text.length, text } });
      });
    }

    it('a dash followed by words is not a placeholder', () => {
      assert.deepEqual(readStatusCell(' - see notes '), { kind: 'unknown', value: '- see notes' });
    });
  });

  describe('readLeadingGlyph', () => {
    const cases: [string, SettableState, string, number, TokenFamily][] = [
      ['✅ Backups verified', 'done', '✅', 0, 'glyph'],
      ['☐ Load test', 'open', '☐', 0, 'glyph'],
      ['  ☐ Load test', 'open', '☐', 2, 'glyph'],
      ['✔️ Alerts routed', 'done', '✔️', 0, 'glyph'],
      ['✓ Linting: Zero warnings', 'done', '✓', 0, 'glyph'],
      ['❌ Rollback untested', 'open', '❌', 0, 'glyph'],
      ['⏳ In Progress', 'in-progress', '⏳', 0, 'glyph'],
      ['🚧 Runbook', 'in-progress', '🚧', 0, 'glyph'],
      ['➖ Not needed', 'n/a', '➖', 0, 'glyph'],
      ['✅Backups', 'done', '✅', 0, 'glyph'],
      [':white_check_mark: Done', 'done', ':white_check_mark:', 0, 'shortcode'],
      [':x: Pager rota', 'open', ':x:', 0, 'shortcode'],
      ['&#9744; Restore drill', 'open', '&#9744;', 0, 'entity'],
      ['**✅** Backups', 'done', '✅', 2, 'glyph'],
      ['**✅ Backups**', 'done', '✅', 2, 'glyph'],
      ['\u00a0☑ Docs', 'done', '☑', 1, 'glyph'],
    ];
    for (const [raw, state, text, start, family] of cases) {
      it(`${raw} → ${state}`, () => {
        const token = readLeadingGlyph(raw);
        assert.ok(token, raw);
        assert.deepEqual(token, { state, start, end: start + text.length, text, family });
        assert.equal(raw.slice(token.start, token.end), text);
      });
    }

    const none = [
      'Done with X',
      'Done',
      'N/A',
      'TODO: add alerts',
      '[x] Backups',
      '[ ] Backups',
      '🔴 Critical: fix auth',
      '🟡 Medium',
      '🟢 Low',
      ':red_circle: Critical',
      '⚠️ Needs work',
      '⭕ Maybe',
      '— note',
      'Backups ✅',
      '📖 [Guide](x)',
      '🛠 Tools',
      '',
      '   ',
      '`✅` code',
    ];
    for (const raw of none) {
      it(`${JSON.stringify(raw)} → null`, () => assert.equal(readLeadingGlyph(raw), null));
    }
  });

  describe('tokenFor', () => {
    const map = (entries: [SettableState, string][]) => new Map(entries);
    const cases: [SettableState, TokenFamily, [SettableState, string][], string][] = [
      // Defaults per family.
      ['done', 'glyph', [], '✅'],
      ['open', 'glyph', [], '☐'],
      ['in-progress', 'glyph', [], '⏳'],
      ['n/a', 'glyph', [], '➖'],
      ['done', 'word', [], 'Done'],
      ['open', 'word', [], 'Open'],
      ['in-progress', 'word', [], 'In progress'],
      ['n/a', 'word', [], 'N/A'],
      ['done', 'shortcode', [], ':white_check_mark:'],
      ['open', 'shortcode', [], ':x:'],
      ['in-progress', 'shortcode', [], ':hourglass_flowing_sand:'],
      ['n/a', 'shortcode', [], ':heavy_minus_sign:'],
      ['done', 'box', [], '[x]'],
      ['open', 'box', [], '[ ]'],
      ['in-progress', 'box', [], '[~]'],
      ['n/a', 'box', [], '[-]'],
      ['done', 'entity', [], '&#9745;'],
      ['open', 'entity', [], '&#9744;'],
      ['in-progress', 'entity', [], '&#9203;'],
      ['n/a', 'entity', [], '&#10134;'],
      // What the document already uses for the state wins.
      ['open', 'glyph', [['open', '☐']], '☐'],
      ['done', 'glyph', [['done', '✔️']], '✔️'],
      ['in-progress', 'glyph', [['in-progress', '🔄']], '🔄'],
      ['done', 'word', [['done', 'Complete']], 'Complete'],
      ['open', 'word', [['open', 'Pending']], 'Pending'],
      ['done', 'box', [['done', '[X]']], '[X]'],
      ['in-progress', 'box', [['in-progress', '[/]']], '[/]'],
      ['done', 'shortcode', [['done', ':heavy_check_mark:']], ':heavy_check_mark:'],
      // Otherwise the spelling that pairs with the document's other tokens.
      ['open', 'glyph', [['done', '✅']], '☐'],
      ['open', 'glyph', [['done', '☑']], '☐'],
      ['open', 'glyph', [['done', '☒']], '☐'],
      ['done', 'glyph', [['open', '☐']], '✅'],
      ['done', 'glyph', [['open', '❌']], '✅'],
      ['open', 'glyph', [['done', '✓']], '✗'],
      ['open', 'glyph', [['done', '✔']], '✖'],
      ['open', 'glyph', [['done', '✔️']], '✖️'],
      ['done', 'glyph', [['open', '✘']], '✔'],
      ['done', 'glyph', [['open', '⬜']], '✅'],
      ['open', 'glyph', [['done', '🟢']], '🔴'],
      [
        'in-progress',
        'glyph',
        [
          ['done', '🟢'],
          ['open', '🔴'],
        ],
        '🟡',
      ],
      ['done', 'word', [['open', 'No']], 'Yes'],
      ['open', 'word', [['done', 'Yes']], 'No'],
      ['open', 'word', [['done', 'Pass']], 'Fail'],
      ['open', 'word', [['done', 'Passed']], 'Failed'],
      ['open', 'word', [['done', 'Complete']], 'Incomplete'],
      ['open', 'word', [['done', 'DONE']], 'OPEN'],
      ['in-progress', 'word', [['done', 'DONE']], 'IN PROGRESS'],
      ['open', 'word', [['done', 'done']], 'open'],
      ['in-progress', 'word', [['open', 'Not Started']], 'In Progress'],
      [
        'open',
        'word',
        [
          ['done', 'Done'],
          ['in-progress', 'In Progress'],
        ],
        'Open',
      ],
      ['open', 'word', [['done', '完了']], '未着手'],
      ['in-progress', 'word', [['done', '已完成']], '进行中'],
      ['open', 'word', [['done', 'Готово']], 'Не начато'],
      ['open', 'shortcode', [['done', ':heavy_check_mark:']], ':heavy_multiplication_x:'],
      ['done', 'shortcode', [['open', ':white_large_square:']], ':ballot_box_with_check:'],
      ['open', 'entity', [['done', '&#x2611;']], '&#x2610;'],
      ['open', 'entity', [['done', '&#X2611;']], '&#x2610;'],
      ['open', 'entity', [['done', '&check;']], '&cross;'],
      ['open', 'entity', [['done', '&#9989;']], '&#9744;'],
      ['done', 'entity', [['open', '&#x2610;']], '&#x2611;'],
      // A used token that does not read as the state (or family) asked for is ignored.
      ['open', 'glyph', [['open', 'Done']], '☐'],
      ['done', 'word', [['done', '✅']], 'Done'],
    ];
    for (const [state, family, used, expected] of cases) {
      it(`${state} as ${family} with ${JSON.stringify(used)} → ${expected}`, () => {
        assert.equal(tokenFor(state, family, map(used)), expected);
      });
    }

    it('every token it writes reads back as the same state and family', () => {
      const families: TokenFamily[] = ['glyph', 'word', 'shortcode', 'box', 'entity'];
      const examples: Record<TokenFamily, [SettableState, string][][]> = {
        glyph: [[], [['done', '☑']], [['done', '✔️']], [['done', '✓']], [['open', '🔴']]],
        word: [[], [['done', 'YES']], [['done', 'passed']], [['done', '完了']], [['done', 'Готово']]],
        shortcode: [[], [['done', ':ballot_box_with_check:']], [['open', ':red_circle:']]],
        box: [[], [['done', '[X]']]],
        entity: [[], [['done', '&check;']], [['done', '&#x2705;']]],
      };
      for (const family of families) {
        for (const used of examples[family]) {
          for (const state of SETTABLE_STATES) {
            const text = tokenFor(state, family, map(used));
            const token = known(` **${text}** `);
            assert.deepEqual([token.state, token.family, token.text], [state, family, text], `${family} ${JSON.stringify(used)} ${state}`);
          }
        }
      }
    });
  });

  describe('rewriting a cell', () => {
    const cases: [string, SettableState, Map<SettableState, string>, string][] = [
      ['| **✅** |', 'open', new Map(), '| **☐** |'],
      ['| ✔️ Looks good |', 'open', new Map([['done', '✔️']]), '| ✖️ Looks good |'],
      ['| `Done` |', 'in-progress', new Map([['in-progress', 'Partial']]), '| `Partial` |'],
      ['| [Pending](https://jira/X-1) |', 'done', new Map(), '| [Done](https://jira/X-1) |'],
      ['| __N/A__ - not stored |', 'open', new Map(), '| __Open__ - not stored |'],
      ['| :x: |', 'done', new Map([['done', ':white_check_mark:']]), '| :white_check_mark: |'],
      ['| &#9744; |', 'done', new Map(), '| &#9745; |'],
      ['| [ ] |', 'done', new Map(), '| [x] |'],
      ['| ❌ **Missing** |', 'done', new Map(), '| ✅ **Missing** |'],
    ];
    for (const [row, state, used, expected] of cases) {
      it(`${row} → ${expected}`, () => {
        const raw = row.slice(1, -1);
        const token = known(raw);
        assert.equal(`|${replaceToken(raw, token, tokenFor(state, token.family, used))}|`, expected);
      });
    }
  });

  describe('headers', () => {
    const status = [
      'Status',
      'status',
      '**Status**',
      'State',
      'Done',
      'Done?',
      'Complete',
      'Completed',
      'Result',
      'Results',
      '✓',
      '✔',
      '✔️',
      '☑',
      '✅',
      'Check?',
      'Current status',
      'Overall Status',
      'Status:',
      'Status (✅/❌)',
      '🚦 Status',
      '状態',
      '状态',
      '評価',
      'ステータス',
      'Статус',
      'Decision',
      'Current decision',
      'Readiness',
      '状況',
    ];
    const notStatus = ['Check', 'Item', 'Notes', 'Owner', 'Score', 'Statuses of things', 'Level C', '現状', '现状', 'Priority', ''];
    for (const h of status) it(`status header: ${h}`, () => assert.equal(isStatusHeader(h), true));
    for (const h of notStatus) it(`not a status header: ${JSON.stringify(h)}`, () => assert.equal(isStatusHeader(h), false));

    const item = [
      'Item',
      'Items',
      'Check',
      'Checks',
      'Check name',
      'Item name',
      'Task',
      'Tasks',
      'Requirement',
      'Requirements',
      'Name',
      'Description',
      'Deliverable',
      'Deliverables',
      '**Item**',
      'Gate',
      'Control',
      '項目',
      'チェック項目',
      '检查项',
    ];
    const notItem = ['Check?', 'Status', 'Owner', 'Area', 'Short Description of the thing', 'Level', 'Notes', ''];
    for (const h of item) it(`item header: ${h}`, () => assert.equal(isItemHeader(h), true));
    for (const h of notItem) it(`not an item header: ${JSON.stringify(h)}`, () => assert.equal(isItemHeader(h), false));

    const priority = ['Priority', 'Severity', 'Level', 'Prio', 'Criticality', '**Priority**', 'Priority:', '優先度', '优先级'];
    const notPriority = ['Level C', 'Level A', 'Impact', 'Status', 'Risk', 'Likelihood'];
    for (const h of priority) it(`priority header: ${h}`, () => assert.equal(isPriorityHeader(h), true));
    for (const h of notPriority) it(`not a priority header: ${h}`, () => assert.equal(isPriorityHeader(h), false));
  });

  describe('isCriticalPriority', () => {
    const critical = [
      'Critical',
      'critical',
      'CRITICAL',
      ' **Critical** ',
      'Critical 🔴',
      '🔴',
      '🔴 High',
      ':red_circle:',
      'Blocker',
      '`P0`',
      'p0',
      'Sev0',
      'SEV-0',
      'Sev 0',
      'Critical (must fix)',
      'Must have',
      'Must',
      'Showstopper',
      '[Critical](#levels)',
    ];
    const notCritical = [
      'High',
      'Sev1',
      'SEV-1',
      'P1',
      'Medium',
      'Low',
      'Should have 🟡',
      'Nice to have 🟢',
      'Not critical',
      'Non-critical',
      'Criticality unknown',
      '',
      'P01',
    ];
    for (const v of critical) it(`critical: ${JSON.stringify(v)}`, () => assert.equal(isCriticalPriority(v), true));
    for (const v of notCritical) it(`not critical: ${JSON.stringify(v)}`, () => assert.equal(isCriticalPriority(v), false));
  });

  describe('properties', () => {
    const alphabet = fc.constantFrom(
      '✅',
      '✔',
      '\uFE0F',
      '☐',
      '[',
      ']',
      'x',
      ' ',
      '*',
      '_',
      '`',
      ':',
      'x:',
      'Done',
      'N/A',
      '-',
      '—',
      '&#9744;',
      '&',
      '#',
      '(',
      ')',
      '/',
      'a',
      '🏽',
      '\u200d',
      '<b>',
      '</b>',
    );
    const cell = fc.array(alphabet, { maxLength: 12 }).map((parts) => parts.join(''));

    it('readStatusCell never throws and its tokens lie inside the raw text', () => {
      fc.assert(
        fc.property(fc.oneof(cell, fc.string()), (raw) => {
          const result = readStatusCell(raw);
          if (result.kind === 'known') {
            const { start, end, text } = result.token;
            assert.ok(0 <= start && start < end && end <= raw.length);
            assert.equal(raw.slice(start, end), text);
          }
          if (result.kind === 'unknown') assert.notEqual(result.value, '');
        }),
      );
    });

    it('readLeadingGlyph never throws and its tokens lie inside the raw text', () => {
      fc.assert(
        fc.property(fc.oneof(cell, fc.string()), (raw) => {
          const token = readLeadingGlyph(raw);
          if (token) assert.equal(raw.slice(token.start, token.end), token.text);
        }),
      );
    });

    it('setting any known cell to any state reads back as that state', () => {
      const knownCell = fc.constantFrom(' ✅ ', ' **Done** ', ' `Partial` ', ' :x: ', ' &#9744; ', ' [ ] ', ' ✔️ ok ', ' N/A - reason ');
      fc.assert(
        fc.property(knownCell, fc.constantFrom(...SETTABLE_STATES), (raw, state) => {
          const token = known(raw);
          const next = known(replaceToken(raw, token, tokenFor(state, token.family)));
          assert.equal(next.state, state);
        }),
      );
    });
  });

  describe('corpus status cells', () => {
    /** Cells of the column named `header` in every table row of a corpus file. */
    function column(file: string, header: string): string[] {
      const lines = readFileSync(resolve(corpus, file), 'utf8').split(/\r?\n/);
      const out: string[] = [];
      let col = -1;
      for (const line of lines) {
        if (!line.startsWith('|')) {
          col = -1;
          continue;
        }
        const cells = line.split('|').slice(1, -1);
        if (col < 0) {
          col = cells.findIndex((c) => c.trim() === header);
          continue;
        }
        if (/^[\s|:-]+$/.test(line)) continue;
        out.push(cells[col]);
      }
      return out;
    }

    function summary(cells: string[]): Record<string, number> {
      const counts: Record<string, number> = {};
      for (const raw of cells) {
        const cell = readStatusCell(raw);
        const key = cell.kind === 'known' ? cell.token.state : cell.kind;
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    }

    before(function () {
      if (!existsSync(corpus)) this.skip();
    });

    it('18: backtick words — Done, Partial and Blocker are known; Verify is not', () => {
      const cells = column('18_status-backtick-words-legend.md', 'Status');
      for (const raw of cells) {
        const cell = readStatusCell(raw);
        const word = raw.trim().replace(/`/g, '');
        if (word === 'Verify') assert.deepEqual(cell, { kind: 'unknown', value: 'Verify' });
        else assert.equal(cell.kind === 'known' && cell.token.text, word, raw);
      }
      assert.ok(cells.length >= 40);
    });

    it('21: score table — ✅ Ready/Good/Excellent done, ❌ Missing open, ⚠️ Needs Work unknown', () => {
      assert.deepEqual(summary(column('21_bare-ballot-box-lines-score-table.md', 'Status')), { done: 4, unknown: 3, open: 1 });
    });

    it('33: Japanese 評価 column — ✅ done, ❌ 要設定 open, ⚠️ unknown', () => {
      assert.deepEqual(summary(column('33_japanese-status-table-tasks.md', '評価')), { done: 4, unknown: 4, open: 1 });
    });

    it('07: unfilled option lists are options (open without a finding)', () => {
      assert.deepEqual(summary(column('07_launch-gate-status-options-table.md', 'Status')), { options: 8 });
    });

    it('17: free-text decisions — Pass done, Fail: open, Not applicable n/a, the rest unknown', () => {
      assert.deepEqual(summary(column('17_assessment-freetext-decision-column.md', 'Current decision')), {
        done: 3,
        unknown: 6,
        open: 1,
        'n/a': 1,
      });
      assert.deepEqual(summary(column('17_assessment-freetext-decision-column.md', 'Current status')), { open: 3, unknown: 1 });
    });

    it('37: ⏳ status column is in progress', () => {
      assert.deepEqual(summary(column('37_russian-nested-tasks-owner-deadline-children.md', 'Status')), { 'in-progress': 9 });
    });

    it('10: the Level column marks exactly the 🔴 rows critical', () => {
      const levels = column('10_gorrion-priority-emoji-table.md', 'Level');
      assert.equal(levels.filter(isCriticalPriority).length, levels.filter((l) => l.includes('Critical')).length);
      assert.equal(levels.filter(isCriticalPriority).length, 15);
    });

    it('01: requirement-matrix headers are neither status nor priority columns', () => {
      for (const h of ['Check name', 'Short Description', 'Level C', 'Level B', 'Level A'])
        assert.equal(isStatusHeader(h) || isPriorityHeader(h), false, h);
      assert.equal(isItemHeader('Check name'), true);
    });
  });
});
