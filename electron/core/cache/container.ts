// File framing for cache snapshots: a JSON envelope `{ version, writtenAt, data }` followed by binary
// sections (typed-array columns), checksummed. Layout:
//   "MTC1" | u32 LE header length | header JSON (utf8) | padding to 8 | sections, each padded to 8
// The header JSON is the envelope plus `body: { crc32, sections: [offset, length][] }`.
import { crc32 } from 'node:zlib';

const MAGIC = Buffer.from('MTC1', 'latin1');
const pad8 = (n: number): number => (n + 7) & ~7;

export interface Envelope {
  version: number;
  writtenAt: number;
  data: unknown;
}

export function encodeFile(envelope: Envelope, sections: readonly ArrayBufferView[] = []): Buffer {
  const descriptors: [number, number][] = [];
  let bodyLength = 0;
  for (const s of sections) {
    descriptors.push([bodyLength, s.byteLength]);
    bodyLength = pad8(bodyLength + s.byteLength);
  }
  // The checksum is written as 8 hex digits so the header's length is known before the body is laid out:
  // sections are copied once, straight into the output.
  const PLACEHOLDER = '00000000';
  const headerText = JSON.stringify({ ...envelope, body: { crc32: PLACEHOLDER, sections: descriptors } });
  const headerLength = Buffer.byteLength(headerText, 'utf8');
  const bodyStart = pad8(8 + headerLength);
  const out = Buffer.alloc(bodyStart + bodyLength);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(headerLength, 4);
  sections.forEach((s, i) => out.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), bodyStart + descriptors[i]![0]));
  const crc = crc32(out.subarray(bodyStart)).toString(16).padStart(8, '0');
  const at = headerText.lastIndexOf(`"${PLACEHOLDER}"`);
  out.write(headerText.slice(0, at + 1) + crc + headerText.slice(at + 1 + PLACEHOLDER.length), 8, 'utf8');
  return out;
}

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
  if (crc32(body).toString(16).padStart(8, '0') !== b.crc32) return { ok: false, reason: 'is damaged (checksum mismatch)' };
  for (const [off, len] of sections as [number, number][]) if (off + len > body.length) return { ok: false, reason: 'is cut off' };
  return { ok: true, header, body, sections: sections as [number, number][] };
}

/** A section as a typed array: a view into the file when aligned, else a copy. Null when the size does not fit. */
export function sectionView<T extends Float64Array | Uint32Array | Uint8Array>(
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
