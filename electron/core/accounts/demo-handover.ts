// Demo mode as an EngineAccountsPort between the account registry and the engine. While the demo runs,
// the engine watches the demo world, and the user's saved accounts wait (there are some only when the
// demo was asked for with `--demo`). The first account of the user's own connected ends the demo: the
// demo world's accounts leave the engine, then the waiting accounts and the new one join it.
import type { AccountId } from '../../../shared/domain';
import type { EngineAccountsPort } from './account-registry';

export type EngineAccount = Parameters<EngineAccountsPort['addAccount']>[0];

export interface DemoHandoverOptions {
  engine: EngineAccountsPort;
  /** The demo world's accounts the engine was started with. */
  demoAccountIds: readonly AccountId[];
  /** The user's saved accounts, held back while the demo runs. */
  waiting?: readonly EngineAccount[];
  /** After the demo world's accounts are gone (e.g. to clear the state's demo flag). */
  onDemoEnded?: () => void;
}

export class DemoHandover implements EngineAccountsPort {
  private running = true;
  private readonly waiting: Map<AccountId, EngineAccount>;
  private ending: Promise<void> | null = null;

  constructor(private readonly opts: DemoHandoverOptions) {
    this.waiting = new Map((opts.waiting ?? []).map((a) => [a.id, a]));
  }

  get demoRunning(): boolean {
    return this.running;
  }

  /** Ids of saved accounts held back while the demo runs. */
  get waitingIds(): AccountId[] {
    return [...this.waiting.keys()];
  }

  async addAccount(account: EngineAccount): Promise<void> {
    if (!this.running || account.demo) {
      await this.opts.engine.addAccount(account);
      return;
    }
    await this.endDemo();
    await this.opts.engine.addAccount(account);
  }

  async removeAccount(id: AccountId): Promise<void> {
    if (this.waiting.delete(id)) return;
    await this.opts.engine.removeAccount(id);
  }

  /** Leaves the demo: its accounts leave the engine, the waiting ones join. Idempotent. */
  endDemo(): Promise<void> {
    this.ending ??= (async () => {
      this.running = false;
      for (const id of this.opts.demoAccountIds) await this.opts.engine.removeAccount(id);
      this.opts.onDemoEnded?.();
      const waiting = [...this.waiting.values()];
      this.waiting.clear();
      for (const account of waiting) await this.opts.engine.addAccount(account);
    })();
    return this.ending;
  }
}
