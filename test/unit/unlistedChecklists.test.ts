import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checklistSigns,
  isExcludedPath,
  looksLikeChecklist,
  nameLooksLikeChecklist,
  nameWords,
  UNLISTED_EXCLUDE_GLOB,
} from '../../src/core/config/unlisted';
import { CORPUS, corpusSuite } from '../corpus/corpusFiles';

const README = `# acme-widgets

A small library for widgets, ready for production use since 2.0.

## Installation

    npm install acme-widgets

## Roadmap

- [ ] Plugin API
- [x] TypeScript types
- [ ] Dark mode
- [ ] Streaming

## Deploying to production

Run \`npm run build\` and copy \`dist/\`.

## Contributing

- Fork the repository
- Make a branch
- Open a pull request
`;

const CHANGELOG = `# Changelog

## [1.4.0] - 2026-01-10

### Added

- Production readiness checklist template (#42)
- Go-live banner on the status page

### Fixed

- [x] Crash on empty lists
`;

describe('looksLikeChecklist (Markdown files no config names)', () => {
  it('reads the file name as words, whatever the case and separators', () => {
    assert.equal(nameWords('docs/PRODUCTION_CHECKLIST.md'), 'production checklist');
    assert.equal(nameWords('ProdReadinessV2.md'), 'prod readiness v 2');
    assert.equal(nameWords('a/pre-launch.Checklist.md'), 'pre launch checklist');
  });

  it('takes a file by a name that says checklist, readiness, PRR or go-live, without reading it', () => {
    for (const path of [
      'docs/PRODUCTION_CHECKLIST.md',
      'production-readiness-checklist.md',
      'ops/OperationalReadiness.md',
      'prr.md',
      'services/api/PRR-template.md',
      'go-live.md',
      'GoLive.markdown',
      '05-going-live.md',
      'launch_gate.md',
      'docs/運用受入チェックリスト.md',
    ]) {
      assert.equal(looksLikeChecklist(path), true, path);
      assert.equal(nameLooksLikeChecklist(path), true, path);
    }
  });

  it('takes a production or launch file only when it is also a list', () => {
    assert.equal(nameLooksLikeChecklist('docs/production.md'), false, 'the name alone does not decide');
    assert.equal(looksLikeChecklist('docs/production.md'), false, 'without the text');
    assert.equal(looksLikeChecklist('docs/production.md', '# Production\n\nWe run on three regions behind one load balancer.\n'), false);
    assert.equal(looksLikeChecklist('docs/production.md', '# Production\n\n- Backups\n- Alerts\n- On-call\n'), true);
    assert.equal(looksLikeChecklist('launch.md', '# Launch\n\n- [ ] Announce\n'), true, 'one task is enough beside the name');
  });

  it('takes any name when the text has a checklist heading and tasks or a status table', () => {
    const tasks = '# Service notes\n\n## Go-live checklist\n\n- [ ] Alerts\n- [x] Backups\n* [~] Load test\n';
    assert.equal(looksLikeChecklist('notes.md', tasks), true);
    const table = '# Launch review\n\n| Check | Status |\n|---|---|\n| Alerts | ✅ |\n';
    assert.equal(looksLikeChecklist('notes.md', table), true);
    const titled = '# Operational readiness\n\n1. Alerts page the on-call\n2. Backups restore\n3. Runbooks exist\n';
    assert.equal(looksLikeChecklist('notes.md', titled), true, 'a title that says so, over a plain list');
  });

  it('counts the signs of the head of a text; fenced code does not count', () => {
    const text = [
      '---',
      'title: "Release checklist"',
      '---',
      '# Release',
      '',
      '- [ ] One',
      '1. [x] Two',
      '- ☐ Three',
      '```bash',
      '# checklist',
      '- [ ] in a fence',
      '```',
      '| Item | Result |',
      '| --- | --- |',
      '| a | pass |',
      '| b | fail |',
    ].join('\n');
    assert.deepEqual(checklistSigns(text), {
      checklistHeadings: 1,
      titleNamesChecklist: true,
      tasks: 3,
      statusTables: 1,
      listItems: 5,
      textNamesChecklist: true,
    });
  });

  it('reads only the head: tasks after the first 16 KB do not count', () => {
    const text = `# Readiness checklist\n\n${'Prose line.\n'.repeat(2000)}- [ ] a\n- [ ] b\n- [ ] c\n`;
    assert.equal(checklistSigns(text).tasks, 0);
    assert.equal(looksLikeChecklist('notes.md', text), false);
  });

  it('does not take a README or a CHANGELOG', () => {
    assert.equal(looksLikeChecklist('README.md', README), false);
    assert.equal(looksLikeChecklist('CHANGELOG.md', CHANGELOG), false);
    assert.equal(looksLikeChecklist('docs/guide.md', '# Guide\n\n- [ ] a\n- [ ] b\n- [ ] c\n'), false, 'tasks without a checklist heading');
  });

  it('never takes files in dependencies, version control or build output, nor other extensions', () => {
    for (const path of ['node_modules/pkg/PRODUCTION_CHECKLIST.md', 'a/.git/CHECKLIST.md', 'dist/readiness.md', 'web/build/prr.md'])
      assert.equal(looksLikeChecklist(path, '# Readiness checklist\n- [ ] a\n- [ ] b\n- [ ] c\n'), false, path);
    assert.equal(isExcludedPath('node_modules.md'), false, 'a file named like a folder is not in it');
    assert.equal(looksLikeChecklist('checklist.txt'), false);
    assert.ok(UNLISTED_EXCLUDE_GLOB.startsWith('{**/node_modules/**,**/.git/**,'));
  });
});

describe('looksLikeChecklist over the corpus (by the path each file had in its repository)', () => {
  const { files, skipWhenAbsent } = corpusSuite();
  before(skipWhenAbsent);

  /**
   * Not recognisable by name or content, so not offered (a user adds them by hand):
   * - 11: `03-user-experience-web-and-content.md`; its headings name UX topics ("Accessibility",
   *   "Universal controls") and its intro never says checklist or readiness: only the repository's
   *   name does, and a workspace-relative path does not hold it.
   * - 20: `TODO.md` whose "Final Checklist" is a paragraph over an indented code block: no
   *   heading, no list, no task (the parser reads no items from it either).
   */
  const unrecognisable = new Set(['11', '20']);

  it('takes every corpus file but the two that say nothing of a checklist', function () {
    if (files.length === 0) this.skip();
    const manifest = readFileSync(join(CORPUS, 'MANIFEST.md'), 'utf8');
    const rows = manifest
      .split('\n')
      .filter((l) => /^\| \d\d \|/.test(l))
      .map((l) => l.split('|').map((c) => c.trim().replace(/`/g, '')));
    assert.deepEqual(rows.map((r) => r[2]).sort(), files, 'MANIFEST.md lists every corpus file');
    const missed = rows
      .filter(([, , file, , path]) => !looksLikeChecklist(path, readFileSync(join(CORPUS, file), 'utf8')))
      .map((r) => r[1]);
    assert.deepEqual(missed, [...unrecognisable]);
  });

  it('takes by content alone, under a neutral name, the README and template checklists', function () {
    if (files.length === 0) this.skip();
    // 02/03 KEPs: "Release Signoff Checklist" and its tasks; 06: "Microservice Production Readiness
    // Checklist"; 24: front matter `about: Checklist for an Authority to Operate`; 34:
    // `title: 運用受入チェックリスト` and 11 tasks; 12: 142 tasks and "these checklists are opinionated".
    for (const prefix of ['02', '03', '06', '12', '24', '34']) {
      const file = files.find((f) => f.startsWith(`${prefix}_`))!;
      assert.equal(looksLikeChecklist('notes.md', readFileSync(join(CORPUS, file), 'utf8')), true, file);
    }
  });
});
