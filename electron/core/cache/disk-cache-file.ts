// CacheFile on a real directory. Writes go to a temp file in the same directory, are fsynced, renamed
// over the target, and the directory is fsynced, so a crash leaves the old or the new file, never a torn one.
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Millis } from '../../../shared/domain';
import { CacheReadError, CacheWriteError, classifyWriteError, errnoCode } from './cache-file';
import type { CacheFile } from './cache-file';

const TEMP_MARK = '.tmp-';

export class DiskCacheFile implements CacheFile {
  private seq = 0;

  constructor(readonly dir: string) {}

  async read(name: string): Promise<Uint8Array | null> {
    let fh: FileHandle;
    try {
      fh = await open(join(this.dir, safeName(name)), 'r');
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return null;
      throw new CacheReadError(name, errnoCode(err));
    }
    try {
      return await readWhole(fh);
    } catch (err) {
      throw new CacheReadError(name, errnoCode(err));
    } finally {
      await fh.close().catch(() => undefined);
    }
  }

  async write(name: string, data: Uint8Array | readonly Uint8Array[]): Promise<void> {
    const target = join(this.dir, safeName(name));
    const tmp = join(this.dir, `.${safeName(name)}${TEMP_MARK}${process.pid}-${++this.seq}`);
    let fh: FileHandle | undefined;
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      fh = await open(tmp, 'wx', 0o600);
      await writeAll(fh, data instanceof Uint8Array ? [data] : data);
      await fh.sync();
      await fh.close();
      fh = undefined;
      await rename(tmp, target);
    } catch (err) {
      await fh?.close().catch(() => undefined);
      await rm(tmp, { force: true }).catch(() => undefined);
      throw new CacheWriteError(classifyWriteError(err), name, errnoCode(err));
    }
    await this.syncDir();
  }

  async moveAside(name: string, at: Millis): Promise<string> {
    const aside = `${safeName(name)}.corrupt-${at}`;
    await rename(join(this.dir, safeName(name)), join(this.dir, aside));
    await this.syncDir();
    return aside;
  }

  async remove(name: string): Promise<void> {
    await rm(join(this.dir, safeName(name)), { force: true });
  }

  async list(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).filter((n) => !n.includes(TEMP_MARK));
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return [];
      throw new CacheReadError('.', errnoCode(err));
    }
  }

  /** Makes the rename durable. Some platforms cannot open a directory: the rename is still atomic there. */
  private async syncDir(): Promise<void> {
    try {
      const d = await open(this.dir, 'r');
      try {
        await d.sync();
      } finally {
        await d.close();
      }
    } catch {
      // best effort
    }
  }
}

/**
 * The file's bytes in one buffer, read with as few calls as the OS allows (readFile reads in 512 KiB
 * steps, each a round trip through the thread pool: several times slower for a 10 MB snapshot). Our files
 * are replaced whole, never written in place, so the size an open handle sees does not change.
 */
async function readWhole(fh: FileHandle): Promise<Buffer> {
  const { size } = await fh.stat();
  const buf = Buffer.allocUnsafe(size);
  let at = 0;
  while (at < size) {
    const { bytesRead } = await fh.read(buf, at, size - at, at);
    if (bytesRead === 0) break;
    at += bytesRead;
  }
  return at === size ? buf : buf.subarray(0, at);
}

/** Writes every chunk in order; a short write (the OS may take less than asked) continues where it stopped. */
async function writeAll(fh: FileHandle, chunks: readonly Uint8Array[]): Promise<void> {
  let rest = chunks.filter((c) => c.length > 0);
  while (rest.length > 0) {
    let { bytesWritten } = await fh.writev(rest);
    const left: Uint8Array[] = [];
    for (const c of rest) {
      if (bytesWritten >= c.length) bytesWritten -= c.length;
      else {
        left.push(bytesWritten > 0 ? c.subarray(bytesWritten) : c);
        bytesWritten = 0;
      }
    }
    rest = left;
  }
}

function safeName(name: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith('.')) throw new Error(`Invalid cache file name: ${name}`);
  return name;
}
