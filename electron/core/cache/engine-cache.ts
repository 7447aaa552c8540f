// Offline snapshots of the engine state, one file per account plus one for engine-wide settings and one
// for the notification policy's memory. Loading never throws: a bad file is moved aside, reported in
// `problems`, and the app starts without it.
import { emptyEngineState } from '../../../shared/domain';
import type { AccountId, EngineState, Millis, ScenarioState } from '../../../shared/domain';
import { emptyPolicyMemory, policyMemorySchema } from '../policy/notifications';
import type { PolicyMemory } from '../policy/notifications';
import { errnoCode } from './cache-file';
import type { CacheFile } from './cache-file';
import { decodeFile, encodeFileChunks } from './container';
import {
  CACHE_VERSION,
  accountSnapshotSchema,
  decodeAccount,
  encodeAccount,
  engineMetaSchema,
  envelopeSchema,
} from './snapshot';
import type { DecodedAccount, EngineMeta } from './snapshot';
import type { z } from 'zod';

export const META_FILE = 'engine.json';
export const POLICY_FILE = 'policy-memory.json';
const ACCOUNT_PREFIX = 'account-';
const ACCOUNT_SUFFIX = '.json';

export const accountFileName = (id: AccountId): string =>
  `${ACCOUNT_PREFIX}${Buffer.from(id, 'utf8').toString('base64url')}${ACCOUNT_SUFFIX}`;

const isAccountFile = (name: string): boolean =>
  name.startsWith(ACCOUNT_PREFIX) && name.endsWith(ACCOUNT_SUFFIX) && !name.includes('.corrupt-');

export interface CacheProblem {
  file: string;
  /** Where the bad file was moved, or null when it could not be moved. */
  movedTo: string | null;
  message: string;
}

export interface LoadedCache {
  state: EngineState;
  /** When the oldest loaded snapshot was written; null when nothing was loaded. */
  cachedAt: Millis | null;
  problems: CacheProblem[];
}

type Read<T> = { ok: true; value: T; writtenAt: Millis; body: Uint8Array; sections: [number, number][] } | { ok: false; absent: true } | { ok: false; absent: false; problem: CacheProblem };

export class EngineCache {
  /** Writes run one after another, so two saves never race on one file. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly files: CacheFile,
    private readonly now: () => Millis = Date.now,
  ) {}

  /** Writes every account's slice and the engine settings; removes files of accounts no longer present. */
  saveAll(state: EngineState): Promise<void> {
    return this.serial(async () => {
      // Each file is replaced atomically on its own, so their writes and fsyncs overlap (in the thread
      // pool) with each other and with encoding the accounts, instead of waiting one after another.
      const meta: EngineMeta = { mutedScenarios: state.mutedScenarios, snoozedUntil: state.snoozedUntil, demo: state.demo };
      const writes = [this.writeEnvelope(META_FILE, meta)];
      for (const id of Object.keys(state.accounts)) writes.push(this.writeAccount(state, id));
      // Every write settles before the next save may start on the same files.
      const failed = (await Promise.allSettled(writes)).find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      const keep = new Set(Object.keys(state.accounts).map(accountFileName));
      for (const name of await this.files.list()) if (isAccountFile(name) && !keep.has(name)) await this.files.remove(name);
    });
  }

  saveAccount(state: EngineState, accountId: AccountId): Promise<void> {
    return this.serial(() => this.writeAccount(state, accountId));
  }

  removeAccount(accountId: AccountId): Promise<void> {
    return this.serial(() => this.files.remove(accountFileName(accountId)));
  }

  savePolicyMemory(memory: PolicyMemory): Promise<void> {
    return this.serial(() => this.writeEnvelope(POLICY_FILE, memory));
  }

  async loadPolicyMemory(): Promise<{ memory: PolicyMemory; problems: CacheProblem[] }> {
    const r = await this.readEnvelope(POLICY_FILE, policyMemorySchema);
    if (r.ok) return { memory: r.value, problems: [] };
    return { memory: emptyPolicyMemory(), problems: r.absent ? [] : [r.problem] };
  }

  async loadAll(): Promise<LoadedCache> {
    const problems: CacheProblem[] = [];
    let names: string[];
    try {
      names = (await this.files.list()).filter(isAccountFile).sort();
    } catch (err) {
      problems.push({ file: '.', movedTo: null, message: `The offline cache folder could not be read (${errnoCode(err) ?? 'error'}); starting empty.` });
      return { state: emptyEngineState(), cachedAt: null, problems };
    }
    const loaded: { snap: DecodedAccount; writtenAt: Millis }[] = [];
    for (const name of names) {
      const r = await this.readEnvelope(name, accountSnapshotSchema);
      if (!r.ok) {
        if (!r.absent) problems.push(r.problem);
        continue;
      }
      const snap = decodeAccount(r.value, r.body, r.sections);
      if (typeof snap === 'string') problems.push((await this.bad(name, snap)).problem);
      else loaded.push({ snap, writtenAt: r.writtenAt });
    }
    const meta = await this.readEnvelope(META_FILE, engineMetaSchema);
    if (!meta.ok && !meta.absent) problems.push(meta.problem);

    const state = mergeAccounts(loaded);
    if (meta.ok) {
      state.mutedScenarios = meta.value.mutedScenarios;
      state.snoozedUntil = meta.value.snoozedUntil;
      state.demo = meta.value.demo;
    }
    const cachedAt = loaded.length > 0 ? Math.min(...loaded.map((l) => l.writtenAt)) : null;
    return { state, cachedAt, problems };
  }

  // -------------------------------------------------------------------------------------------

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn);
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async writeAccount(state: EngineState, accountId: AccountId): Promise<void> {
    const encoded = encodeAccount(state, accountId);
    if (encoded) await this.writeEnvelope(accountFileName(accountId), encoded.data, encoded.sections);
  }

  private writeEnvelope(name: string, data: unknown, sections: ArrayBufferView[] = []): Promise<void> {
    return this.files.write(name, encodeFileChunks({ version: CACHE_VERSION, writtenAt: this.now(), data }, sections));
  }

  private async readEnvelope<S extends z.ZodType>(name: string, schema: S): Promise<Read<z.infer<S>>> {
    let bytes: Uint8Array | null;
    try {
      bytes = await this.files.read(name);
    } catch (err) {
      return this.bad(name, `could not be read (${errnoCode(err) ?? (err as Error).name})`);
    }
    if (bytes === null) return { ok: false, absent: true };
    const file = decodeFile(bytes);
    if (!file.ok) return this.bad(name, file.reason);
    const env = envelopeSchema.safeParse(file.header);
    if (!env.success) return this.bad(name, 'has no cache envelope');
    if (env.data.version !== CACHE_VERSION) return this.bad(name, `has format version ${env.data.version}, this app reads ${CACHE_VERSION}`);
    const data = schema.safeParse(env.data.data);
    if (!data.success) {
      const first = data.error.issues[0];
      return this.bad(name, `does not match the expected shape${first ? ` (${first.path.join('.')}: ${first.message})` : ''}`);
    }
    return { ok: true, value: data.data, writtenAt: env.data.writtenAt, body: file.body, sections: file.sections };
  }

  private async bad(name: string, what: string): Promise<{ ok: false; absent: false; problem: CacheProblem }> {
    let movedTo: string | null;
    try {
      movedTo = await this.files.moveAside(name, this.now());
    } catch {
      movedTo = null;
    }
    const message = `The offline cache file ${name} ${what}; ${movedTo ? `it was moved aside as ${movedTo}` : 'it could not be moved aside'} and its data is not shown until the next sync.`;
    return { ok: false, absent: false, problem: { file: name, movedTo, message } };
  }
}

/** Joins account slices; a scenario two accounts share comes from the newer file. */
function mergeAccounts(loaded: { snap: DecodedAccount; writtenAt: Millis }[]): EngineState {
  const state = emptyEngineState();
  const byAge = [...loaded].sort((a, b) => a.writtenAt - b.writtenAt);
  const accountIds = new Set(loaded.map((l) => l.snap.account.id));
  const keepKnown = (ids: string[]) => ids.filter((id) => accountIds.has(id));
  for (const { snap } of byAge) {
    state.accounts[snap.account.id] = snap.account;
    for (const o of snap.orgs) {
      const prev = state.orgs[o.key];
      state.orgs[o.key] = { ...o, accountIds: keepKnown(union(prev?.accountIds, o.accountIds)) };
    }
    for (const t of snap.teams) {
      const prev = state.teams[t.key];
      state.teams[t.key] = { ...t, accountIds: keepKnown(union(prev?.accountIds, t.accountIds)) };
    }
    for (const f of snap.folders) state.folders[f.key] = f;
    for (const s of snap.scenarios) state.scenarios[s.key] = s satisfies ScenarioState;
  }
  return state;
}

const union = (a: string[] | undefined, b: string[]): string[] => [...new Set([...(a ?? []), ...b])];
