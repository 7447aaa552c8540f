// File framing for cache snapshots: a JSON envelope `{ version, writtenAt, data }` followed by binary
// sections (typed-array columns), checksummed. Layout:
//   "MTC1" | u32 LE header length | header JSON (utf8) | padding to 8 | sections, each padded to 8
// The header JSON is the envelope plus `body: { crc32, sections: [offset, length][] }`; the checksum
// covers the body (the header is checked by parsing and validating it).
import { crc32 } from 'node:zlib';

const MAGIC = Buffer.from('MTC1', 'latin1');
const pad8 = (n: number): number => (n + 7) & ~7;
const ZEROS = new Uint8Array(8);

export interface Envelope {
  version: number;
  writtenAt: number;
  data: unknown;
}

/**
 * The file as chunks to write in order (header, then each section and its padding), so sections go to
 * disk from where they were built, without being copied into one buffer first.
 */
export function encodeFileChunks(envelope: Envelope, sections: readonly ArrayBufferView[] = []): Uint8Array[] {
  const body: Uint8Array[] = [];
  const descriptors: [number, number][] = [];
  let bodyLength = 0;
  let crc = 0;
  for (const s of sections) {
    const bytes = new Uint8Array(s.buffer, s.byteOffset, s.byteLength);
    descriptors.push([bodyLength, bytes.length]);
    body.push(bytes);
    crc = crc32(bytes, crc);
    const padding = pad8(bytes.length) - bytes.length;
    if (padding > 0) {
      const pad = ZEROS.subarray(0, padding);
      body.push(pad);
      crc = crc32(pad, crc);
    }
    bodyLength = pad8(bodyLength + bytes.length);
  }
  const headerText = JSON.stringify({ ...envelope, body: { crc32: crcText(crc), sections: descriptors } });
  const headerLength = Buffer.byteLength(headerText, 'utf8');
  const head = Buffer.alloc(pad8(8 + headerLength));
  MAGIC.copy(head, 0);
  head.writeUInt32LE(headerLength, 4);
  head.write(headerText, 8, 'utf8');
  return [head, ...body];
}

/** The whole file in one buffer (small files, tests). */
export const encodeFile = (envelope: Envelope, sections: readonly ArrayBufferView[] = []): Buffer =>
  Buffer.concat(encodeFileChunks(envelope, sections));

const crcText = (crc: number): string => crc.toString(16).padStart(8, '0');

export type DecodedFile =
  | { ok: true; header: unknown; body: Uint8Array; sections: [number, number][] }
  | { ok: false; reason: string };

/** Splits a file; checks framing and checksum, not what the envelope says. */
export function decodeFile(bytes: Uint8Array): DecodedFile {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || !buf.subarray(0, 4).equals(MAGIC)) return { ok: false, reason: 'is not a Make Tray cache file' };
  const headerLength = buf.readUInt32LE(4);
  if (8 + headerLength > buf.length) return { ok: false, reason: 'is cut off' };
  let header: unknown;
  try {
    header = JSON.parse(buf.toString('utf8', 8, 8 + headerLength));
  } catch {
    return { ok: false, reason: 'has a damaged header' };
  }
  const b = (header as { body?: { crc32?: unknown; sections?: unknown } } | null)?.body;
  const sections = b?.sections;
  if (
    typeof b?.crc32 !== 'string' ||
    !Array.isArray(sections) ||
    !sections.every((d) => Array.isArray(d) && d.length === 2 && d.every((n) => Number.isInteger(n) && n >= 0))
  ) {
    return { ok: false, reason: 'has a damaged header' };
  }
  const body = buf.subarray(pad8(8 + headerLength));
  if (crcText(crc32(body)) !== b.crc32) return { ok: false, reason: 'is damaged (checksum mismatch)' };
  for (const [off, len] of sections as [number, number][]) if (off + len > body.length) return { ok: false, reason: 'is cut off' };
  return { ok: true, header, body, sections: sections as [number, number][] };
}

/** A section as a typed array: a view into the file when aligned, else a copy. Null when the size does not fit. */
export function sectionView<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(
  ctor: { new (b: ArrayBuffer, offset: number, length: number): T; new (b: ArrayBuffer): T; BYTES_PER_ELEMENT: number },
  body: Uint8Array,
  [off, len]: [number, number],
): T | null {
  const size = ctor.BYTES_PER_ELEMENT;
  if (len % size !== 0) return null;
  const at = body.byteOffset + off;
  if (at % size === 0) return new ctor(body.buffer as ArrayBuffer, at, len / size);
  return new ctor(body.buffer.slice(at, at + len) as ArrayBuffer);
}

/** An unsigned integer column of `count` values stored at 1, 2 or 4 bytes each, as u32. Null when the size fits none. */
export function uintColumn(body: Uint8Array, at: [number, number], count: number): Uint32Array | null {
  const len = at[1];
  if (len === count * 4) return sectionView(Uint32Array, body, at);
  if (len === count * 2) {
    const u16 = sectionView(Uint16Array, body, at);
    return u16 && new Uint32Array(u16);
  }
  if (len === count) {
    const u8 = sectionView(Uint8Array, body, at);
    return u8 && new Uint32Array(u8);
  }
  return null;
}
