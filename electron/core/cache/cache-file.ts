// The one thing the cache needs from a disk: named files in one place, replaced atomically.
import type { Millis } from '../../../shared/domain';

export interface CacheFile {
  /** The file's content, or null when it does not exist. Throws CacheReadError when it cannot be read. */
  read(name: string): Promise<Uint8Array | null>;
  /**
   * Replaces the file atomically: a reader sees the old or the new content, never a mix. `data` may come
   * in chunks, written in order as one file. Throws CacheWriteError.
   */
  write(name: string, data: Uint8Array | readonly Uint8Array[]): Promise<void>;
  /** Renames a bad file to `<name>.corrupt-<at>` and returns the new name. */
  moveAside(name: string, at: Millis): Promise<string>;
  remove(name: string): Promise<void>;
  /** Names of the files present (temporary files of unfinished writes excluded). */
  list(): Promise<string[]>;
}

export type CacheWriteErrorCode = 'disk-full' | 'permission' | 'io';

export class CacheWriteError extends Error {
  override readonly name = 'CacheWriteError';
  constructor(
    readonly code: CacheWriteErrorCode,
    readonly file: string,
    readonly causeCode: string | null,
  ) {
    super(
      code === 'disk-full'
        ? `Could not save the offline cache (${file}): the disk is full. The previous copy is kept.`
        : code === 'permission'
          ? `Could not save the offline cache (${file}): no permission to write there. The previous copy is kept.`
          : `Could not save the offline cache (${file})${causeCode ? ` (${causeCode})` : ''}. The previous copy is kept.`,
    );
  }
}

export class CacheReadError extends Error {
  override readonly name = 'CacheReadError';
  constructor(
    readonly file: string,
    readonly causeCode: string | null,
  ) {
    super(`Could not read the offline cache (${file})${causeCode ? ` (${causeCode})` : ''}.`);
  }
}

export const errnoCode = (err: unknown): string | null => {
  const c = (err as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : null;
};

export function classifyWriteError(err: unknown): CacheWriteErrorCode {
  const code = errnoCode(err);
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return 'disk-full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission';
  return 'io';
}
