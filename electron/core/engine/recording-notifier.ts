// A Notifier that keeps what it was asked to show, stamped with the engine's clock. Used by tests and
// benchmarks, and by a headless engine (no desktop) that exposes notifications another way.
import type { Clock } from '../../../shared/clock';
import type { Millis, NotificationSpec } from '../../../shared/domain';
import type { Notifier } from './types';

export interface RecordedNotification {
  notification: NotificationSpec;
  /** When notify() was called. */
  at: Millis;
}

export class RecordingNotifier implements Notifier {
  readonly shown: RecordedNotification[] = [];
  private readonly listeners = new Set<(n: RecordedNotification) => void>();

  constructor(private readonly clock: Clock) {}

  notify(notification: NotificationSpec): void {
    const rec = { notification, at: this.clock.now() };
    this.shown.push(rec);
    for (const l of this.listeners) l(rec);
  }

  /** Called for every notification from now on; returns unsubscribe. */
  onNotify(listener: (n: RecordedNotification) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  ofKind(kind: NotificationSpec['kind']): NotificationSpec[] {
    return this.shown.map((s) => s.notification).filter((n) => n.kind === kind);
  }
}
