import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BINARY_SNIFF_BYTES, decodeText, encodeText } from '../../src/core/text/decode';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const withBom = (b: Uint8Array): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...b]);

describe('decodeText', () => {
  it('decodes plain UTF-8', () => {
    assert.deepEqual(decodeText(utf8('# Ready ✅\n- [x] 上线\n')), {
      text: '# Ready ✅\n- [x] 上线\n',
      bom: false,
      binary: false,
      invalidUtf8: false,
    });
  });

  it('strips a UTF-8 BOM and remembers it', () => {
    const d = decodeText(withBom(utf8('- [ ] a\r\n')));
    assert.equal(d.text, '- [ ] a\r\n');
    assert.equal(d.bom, true);
  });

  it('keeps a second BOM as content', () => {
    const d = decodeText(withBom(withBom(utf8('x'))));
    assert.equal(d.text, '\uFEFFx');
    assert.equal(d.bom, true);
  });

  it('handles empty input and a lone BOM', () => {
    assert.deepEqual(decodeText(new Uint8Array()), { text: '', bom: false, binary: false, invalidUtf8: false });
    assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf])), { text: '', bom: true, binary: false, invalidUtf8: false });
  });

  it('treats a truncated BOM as (invalid) content', () => {
    const d = decodeText(new Uint8Array([0xef, 0xbb]));
    assert.equal(d.bom, false);
    assert.equal(d.invalidUtf8, true);
  });

  it('reports binary content by a NUL in the first 8 KB only', () => {
    assert.equal(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01])).binary, true);
    const late = new Uint8Array(BINARY_SNIFF_BYTES + 10).fill(0x61);
    late[BINARY_SNIFF_BYTES + 5] = 0;
    assert.equal(decodeText(late).binary, false);
    late[BINARY_SNIFF_BYTES - 1] = 0;
    assert.equal(decodeText(late).binary, true);
  });

  it('reports invalid UTF-8 and replaces the bad bytes', () => {
    // "café" in Windows-1252.
    const d = decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
    assert.equal(d.invalidUtf8, true);
    assert.equal(d.text, 'caf\uFFFD');
  });

  it('does not flag a U+FFFD that was really in the file', () => {
    const d = decodeText(utf8('a\uFFFDb'));
    assert.equal(d.invalidUtf8, false);
    assert.equal(d.text, 'a\uFFFDb');
  });
});

describe('encodeText', () => {
  it('writes a BOM only when asked', () => {
    assert.deepEqual([...encodeText('a', false)], [0x61]);
    assert.deepEqual([...encodeText('a', true)], [0xef, 0xbb, 0xbf, 0x61]);
  });

  it('round-trips every valid UTF-8 file byte for byte', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (s, bom) => {
        const bytes = bom ? withBom(utf8(s)) : utf8(s);
        const d = decodeText(bytes);
        assert.deepEqual(encodeText(d.text, d.bom), bytes);
      }),
    );
  });
});
