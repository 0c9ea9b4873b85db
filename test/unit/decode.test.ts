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
      encoding: 'utf-8',
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
    assert.deepEqual(decodeText(new Uint8Array()), { text: '', bom: false, encoding: 'utf-8', binary: false, invalidUtf8: false });
    assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf])), {
      text: '',
      bom: true,
      encoding: 'utf-8',
      binary: false,
      invalidUtf8: false,
    });
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

/** UTF-16 bytes of `s`, code unit by code unit, with the BOM first. */
function utf16(s: string, bigEndian: boolean): Uint8Array {
  const units = [0xfeff, ...[...s].flatMap((c) => (c.length === 2 ? [c.charCodeAt(0), c.charCodeAt(1)] : [c.charCodeAt(0)]))];
  return new Uint8Array(units.flatMap((u) => (bigEndian ? [u >> 8, u & 0xff] : [u & 0xff, u >> 8])));
}

describe('decodeText (UTF-16)', () => {
  for (const bigEndian of [false, true]) {
    const encoding = bigEndian ? 'utf-16be' : 'utf-16le';
    it(`decodes ${encoding} with its BOM, not as binary`, () => {
      assert.deepEqual(decodeText(utf16('# Ready 🚀\r\n- [ ] Überwachung\n', bigEndian)), {
        text: '# Ready 🚀\r\n- [ ] Überwachung\n',
        bom: true,
        encoding,
        binary: false,
        invalidUtf8: false,
      });
    });

    it(`flags ${encoding} with an odd byte count or a lone surrogate as invalid`, () => {
      const odd = utf16('ab', bigEndian);
      assert.equal(decodeText(odd.subarray(0, odd.length - 1)).invalidUtf8, true);
      const lone = utf16('a', bigEndian);
      const withLone = new Uint8Array([...lone, ...(bigEndian ? [0xd8, 0x00] : [0x00, 0xd8])]);
      assert.equal(decodeText(withLone).invalidUtf8, true);
    });

    it(`calls ${encoding} text holding U+0000 binary`, () => {
      assert.equal(decodeText(utf16('a\0b', bigEndian)).binary, true);
    });
  }

  it('leaves the UTF-32 LE BOM undecoded (binary)', () => {
    const d = decodeText(new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]));
    assert.equal(d.encoding, 'utf-8');
    assert.equal(d.binary, true);
  });

  it('round-trips every valid UTF-16 file byte for byte, in both byte orders', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (s, bigEndian) => {
        const bytes = utf16(s, bigEndian);
        const d = decodeText(bytes);
        assert.equal(d.text, s);
        assert.deepEqual(encodeText(d.text, d.bom, d.encoding), bytes);
      }),
    );
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
