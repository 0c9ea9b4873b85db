/**
 * Bytes ↔ text for checklist files. Pure (TextDecoder/TextEncoder exist in Node, browsers and
 * the extension host), so the CLI and the extension decode files the same way.
 */

/** How many leading bytes are searched for a NUL to call a file binary (the same window Git uses). */
export const BINARY_SNIFF_BYTES = 8192;

const BOM = [0xef, 0xbb, 0xbf] as const;

/** The result of decoding a file's bytes. */
export interface DecodedText {
  /** The text, without the UTF-8 BOM. */
  text: string;
  /** True when the bytes started with a UTF-8 BOM; pass it back to `encodeText` to keep it. */
  bom: boolean;
  /** True when a NUL byte occurs in the first `BINARY_SNIFF_BYTES` bytes. */
  binary: boolean;
  /** True when the bytes are not valid UTF-8; invalid sequences were replaced by U+FFFD, so writing the text back would lose bytes. */
  invalidUtf8: boolean;
}

/** Decodes a file's bytes as UTF-8, stripping (and remembering) a BOM. Never throws. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
  const body = bom ? bytes.subarray(3) : bytes;
  const binary = body.subarray(0, BINARY_SNIFF_BYTES).includes(0);
  // ignoreBOM: the first BOM is already gone; a second one is content and must survive a round trip.
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), bom, binary, invalidUtf8: false };
  } catch {
    return { text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body), bom, binary, invalidUtf8: true };
  }
}

/** Encodes text as UTF-8, with a leading BOM when `bom` is true. */
export function encodeText(text: string, bom: boolean): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + BOM.length);
  out.set(BOM, 0);
  out.set(body, BOM.length);
  return out;
}
