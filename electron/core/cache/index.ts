export { CacheReadError, CacheWriteError, classifyWriteError } from './cache-file';
export type { CacheFile, CacheWriteErrorCode } from './cache-file';
export { DiskCacheFile } from './disk-cache-file';
export { EngineCache, META_FILE, POLICY_FILE, accountFileName } from './engine-cache';
export type { CacheProblem, LoadedCache } from './engine-cache';
export { CACHE_VERSION, decodeAccount, encodeAccount } from './snapshot';
export type { AccountSnapshot } from './snapshot';
