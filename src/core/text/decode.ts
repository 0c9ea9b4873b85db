/**
 * Bytes ↔ text for checklist files. Pure (TextDecoder/TextEncoder exist in Node, browsers and
 * the extension host), so the CLI and the extension decode files the same way.
 */

/** How many leading bytes are searched for a NUL to call a file binary (the same window Git uses). */
export const BINARY_SNIFF_BYTES = 8192;

const BOM = [0xef, 0xbb, 0xbf] as const;

/** The encodings a checklist file is read and written back in. UTF-16 is recognised only by its BOM. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The result of decoding a file's bytes. */
export interface DecodedText {
  /** The text, without the BOM. */
  text: string;
  /** True when the bytes started with a BOM (always for UTF-16); pass it back to `encodeText` to keep it. */
  bom: boolean;
  /** `utf-8`, or UTF-16 when the bytes start with its BOM; pass it back to `encodeText` to write the same bytes. */
  encoding: TextEncoding;
  /** True when a NUL byte (U+0000 in UTF-16) occurs in the first `BINARY_SNIFF_BYTES` bytes. */
  binary: boolean;
  /** True when the bytes are not valid in `encoding` (the name predates UTF-16); invalid sequences were replaced by U+FFFD, so writing the text back would lose bytes. */
  invalidUtf8: boolean;
}

/**
 * Decodes a file's bytes: UTF-16 LE or BE when they start with its BOM, else UTF-8, stripping (and
 * remembering) the BOM. Never throws.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const utf16 = utf16Bom(bytes);
  if (utf16) return decodeUtf16(bytes.subarray(2), utf16);
  const bom = bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
  const body = bom ? bytes.subarray(3) : bytes;
  const binary = body.subarray(0, BINARY_SNIFF_BYTES).includes(0);
  // ignoreBOM: the first BOM is already gone; a second one is content and must survive a round trip.
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body),
      bom,
      encoding: 'utf-8',
      binary,
      invalidUtf8: false,
    };
  } catch {
    return {
      text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body),
      bom,
      encoding: 'utf-8',
      binary,
      invalidUtf8: true,
    };
  }
}

/**
 * The UTF-16 byte order a BOM announces, or undefined. `FF FE 00 00` is the UTF-32 LE BOM, not
 * UTF-16 text starting with U+0000, so it stays undecoded (and binary).
 */
function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes.length >= 4 && bytes[2] === 0 && bytes[3] === 0)) return 'utf-16le';
  return undefined;
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  let text: string;
  let invalidUtf8 = false;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    // An odd byte count or a lone surrogate: shown as U+FFFD, and never written back.
    text = new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(body);
    invalidUtf8 = true;
  }
  const binary = text.slice(0, BINARY_SNIFF_BYTES / 2).includes('\0');
  return { text, bom: true, encoding, binary, invalidUtf8 };
}

/**
 * Encodes text as `encoding` (UTF-8 unless told), with a leading BOM when `bom` is true. With the
 * `bom` and `encoding` of a valid `decodeText` result, gives back the exact bytes decoded.
 */
export function encodeText(text: string, bom: boolean, encoding: TextEncoding = 'utf-8'): Uint8Array {
  if (encoding !== 'utf-8') return encodeUtf16(text, bom, encoding === 'utf-16be');
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + BOM.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}

/** UTF-16 code units as bytes; lone surrogates are written as they are, like any other code unit. */
function encodeUtf16(text: string, bom: boolean, bigEndian: boolean): Uint8Array {
  const start = bom ? 2 : 0;
  const out = new Uint8Array(start + text.length * 2);
  const put = (at: number, unit: number): void => {
    out[at + (bigEndian ? 0 : 1)] = unit >> 8;
    out[at + (bigEndian ? 1 : 0)] = unit & 0xff;
  };
  if (bom) put(0, 0xfeff);
  for (let i = 0; i < text.length; i++) put(start + i * 2, text.charCodeAt(i));
  return out;
}
