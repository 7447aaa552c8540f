// A stand-in for Electron's unpacked distribution, so electron-builder packages the app without
// downloading Electron: an `electron` file that carries a fuse wire like the real binary's (sentinel,
// version 1, eight fuses in Electron's default states), so the packaging config's fuses get flipped
// in it and the test can read them back.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Electron's fuse order (wire version 1). */
export const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
export type FuseName = (typeof FUSES)[number];

/** The defaults a stock Electron binary ships with ('1' on, '0' off). */
const DEFAULT_WIRE = '10110001';

export function makeStandInElectron(dir: string, version: string): string {
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, 'electron');
  writeFileSync(
    binary,
    Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in for Electron: not runnable"\nexit 1\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, FUSES.length]), Buffer.from(DEFAULT_WIRE)]),
    { mode: 0o755 },
  );
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  return binary;
}

/** The fuse states in a (packaged) binary. */
export function readFuses(binary: string): Record<FuseName, boolean> {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`no fuse wire in ${binary}`);
  const wire = at + FUSE_SENTINEL.length;
  if (bytes[wire] !== 1) throw new Error(`unexpected fuse wire version ${bytes[wire]}`);
  const out = {} as Record<FuseName, boolean>;
  FUSES.forEach((name, i) => (out[name] = bytes[wire + 2 + i] === 0x31));
  return out;
}
