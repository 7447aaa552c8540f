// CacheFile on a real directory. Writes go to a temp file in the same directory, are fsynced, renamed
// over the target, and the directory is fsynced, so a crash leaves the old or the new file, never a torn one.
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Millis } from '../../../shared/domain';
import { CacheReadError, CacheWriteError, classifyWriteError, errnoCode } from './cache-file';
import type { CacheFile } from './cache-file';

const TEMP_MARK = '.tmp-';

export class DiskCacheFile implements CacheFile {
  private seq = 0;

  constructor(readonly dir: string) {}

  async read(name: string): Promise<Uint8Array | null> {
    try {
      return await readFile(join(this.dir, safeName(name)));
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') return null;
      throw new CacheReadError(name, errnoCode(err));
    }
  }

  async write(name: string, data: Uint8Array): Promise<void> {
    const target = join(this.dir, safeName(name));
    const tmp = join(this.dir, `.${safeName(name)}${TEMP_MARK}${process.pid}-${++this.seq}`);
    let fh: Awaited<ReturnType<typeof open>> | undefined;
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      fh = await open(tmp, 'wx', 0o600);
      await fh.writeFile(data);
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

function safeName(name: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith('.')) throw new Error(`Invalid cache file name: ${name}`);
  return name;
}
