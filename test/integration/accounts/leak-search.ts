// Searches bytes (files on disk, messages sent to the renderer, log lines) for secrets in the forms a
// leak could take: as is, base64 / base64url at any alignment (so a token inside a larger encoded
// string is found too), URL- and form-encoded, hex, UTF-16. Gzip files are searched unpacked as well.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface Haystack {
  /** Where the bytes came from (a path, `message #3`, `log`). */
  where: string;
  bytes: Buffer;
}

export interface Leak {
  where: string;
  /** Which secret (its label, never its value) and in which form. */
  what: string;
}

/** The middle of base64(prefix + secret) that depends on the secret's bytes only, for each alignment. */
function base64Cores(secret: Buffer, encoding: 'base64' | 'base64url'): string[] {
  const cores: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), secret]).toString(encoding).replace(/=+$/, '');
    const start = shift === 0 ? 0 : 4;
    const tail = (shift + secret.length) % 3 === 0 ? 0 : 4;
    const core = encoded.slice(start, encoded.length - tail);
    if (core.length >= 8) cores.push(core);
  }
  return cores;
}

export function secretForms(secret: string): { form: string; bytes: Buffer }[] {
  const raw = Buffer.from(secret, 'utf8');
  const forms: { form: string; bytes: Buffer }[] = [
    { form: 'plain', bytes: raw },
    { form: 'url-encoded', bytes: Buffer.from(encodeURIComponent(secret)) },
    { form: 'form-encoded', bytes: Buffer.from(new URLSearchParams({ s: secret }).toString().slice(2)) },
    { form: 'hex', bytes: Buffer.from(raw.toString('hex')) },
    { form: 'utf-16le', bytes: Buffer.from(secret, 'utf16le') },
    { form: 'json-escaped', bytes: Buffer.from(JSON.stringify(secret).slice(1, -1)) },
  ];
  for (const enc of ['base64', 'base64url'] as const) {
    base64Cores(raw, enc).forEach((core, i) => forms.push({ form: `${enc} (alignment ${i})`, bytes: Buffer.from(core) }));
  }
  // Forms identical to another add nothing.
  return forms.filter((f, i) => forms.findIndex((g) => g.bytes.equals(f.bytes)) === i);
}

/** Every occurrence of any secret, in any form, in any haystack. `secrets` maps a label to the value. */
export function findLeaks(secrets: Record<string, string>, haystacks: readonly Haystack[]): Leak[] {
  const leaks: Leak[] = [];
  for (const [label, value] of Object.entries(secrets)) {
    if (value.length < 8) throw new Error(`secret "${label}" is too short to search for meaningfully`);
    const forms = secretForms(value);
    for (const h of haystacks) {
      const variants = [h.bytes];
      if (h.bytes[0] === 0x1f && h.bytes[1] === 0x8b) {
        try {
          variants.push(gunzipSync(h.bytes));
        } catch {
          // not gzip after all
        }
      }
      for (const f of forms) if (variants.some((v) => v.includes(f.bytes))) leaks.push({ where: h.where, what: `${label} (${f.form})` });
    }
  }
  return leaks;
}

/** Every regular file under `root` (recursively) with its bytes. */
export async function filesUnder(root: string): Promise<Haystack[]> {
  const out: Haystack[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.push({ where: path, bytes: await readFile(path) });
  }
  return out;
}

export const textHaystack = (where: string, text: string): Haystack => ({ where, bytes: Buffer.from(text, 'utf8') });
