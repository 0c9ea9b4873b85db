// Links from an exported report page to the files it describes: resolving the relative URL
// against the page's URL must land on the file, whatever the names hold.
import { strict as assert } from 'node:assert';
import { relativeUrlPath } from '../../src/core/report/relativeUrl';

describe('relativeUrlPath', () => {
  const resolves = (folder: string, file: string) => {
    const href = relativeUrlPath(folder, file);
    const page = new URL(`file://${folder.replace(/\/$/, '')}/report.html`);
    assert.equal(decodeURIComponent(new URL(href, page).pathname), file, `${folder} → ${file} via ${href}`);
    return href;
  };

  it('walks down, up and across folders', () => {
    assert.equal(resolves('/ws', '/ws/PRODUCTION_READINESS.md'), 'PRODUCTION_READINESS.md');
    assert.equal(resolves('/ws/reports', '/ws/svc/PRODUCTION_READINESS.md'), '../svc/PRODUCTION_READINESS.md');
    assert.equal(resolves('/ws/a/b', '/ws/a/b/c/x.md'), 'c/x.md');
    assert.equal(resolves('/', '/x.md'), 'x.md');
    assert.equal(resolves('/ws/a', '/other/x.md'), '../../other/x.md');
  });

  it('encodes names that would change the URL: spaces, #, ?, %', () => {
    assert.equal(resolves('/ws', '/ws/svc #1/a?b%c.md'), 'svc%20%231/a%3Fb%25c.md');
  });

  it('keeps a folder named like the file apart from the file itself', () => {
    assert.equal(resolves('/ws/x.md', '/ws/x.md/y.md'), 'y.md');
    assert.equal(resolves('/ws/docs', '/ws/docs'), '../docs');
  });
});
