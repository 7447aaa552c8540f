// The engine's Notifier for the desktop: checks the gate (snoozed, muted), turns the policy's data into
// words and a link (notificationContent), records what it decided (the test hook reads it), and hands
// the content to `show` — the only part that touches Electron (see electron-notification.ts).
import type { EngineState, Millis, NotificationSpec } from '../../shared/domain';
import type { Notifier } from '../core/engine';
import { notificationContent, type NotificationContent, type TrayLocale } from '../core/tray';

export type NotificationDecision =
  | { shown: true; spec: NotificationSpec; content: NotificationContent; at: Millis }
  | { shown: false; spec: NotificationSpec; reason: 'snoozed' | 'muted'; at: Millis };

export interface ShellNotifierDeps {
  state(): EngineState;
  locale(): TrayLocale;
  timeZone(): string;
  now(): Millis;
  show(content: NotificationContent): void;
  /** Every decision, shown or held back (the test hook keeps them). */
  record?(decision: NotificationDecision): void;
}

/** Why a notification is held back, or null to show it. The policy gates too; this is the last word. */
export function notificationGate(spec: NotificationSpec, state: EngineState, now: Millis): 'snoozed' | 'muted' | null {
  if (state.snoozedUntil !== null && now < state.snoozedUntil) return 'snoozed';
  if (spec.scenarioKey !== null && state.mutedScenarios.includes(spec.scenarioKey)) return 'muted';
  return null;
}

export function createShellNotifier(deps: ShellNotifierDeps): Notifier {
  return {
    notify(spec) {
      const state = deps.state();
      const now = deps.now();
      const held = notificationGate(spec, state, now);
      if (held) {
        deps.record?.({ shown: false, spec, reason: held, at: now });
        return;
      }
      const content = notificationContent(spec, deps.locale(), now, { timeZone: deps.timeZone(), state });
      deps.record?.({ shown: true, spec, content, at: now });
      deps.show(content);
    },
  };
}

/** Keeps the last `limit` decisions for the test hook. */
export class DecisionLog {
  readonly decisions: NotificationDecision[] = [];
  constructor(private readonly limit = 500) {}
  record = (d: NotificationDecision): void => {
    this.decisions.push(d);
    if (this.decisions.length > this.limit) this.decisions.splice(0, this.decisions.length - this.limit);
  };
}
