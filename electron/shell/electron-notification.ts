// Shows notification content with Electron's Notification (thin). A click opens the Make page when
// the allowlist accepts it, else the app at the scenario; buttons (macOS only: Windows needs toast XML,
// Linux notification servers vary) run their command through the contract's door.
import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';
import type { NotificationContent } from '../core/tray';
import type { TrayAction } from '../core/tray';

/** The constructor options for a content on a platform (pure). */
export function notificationOptions(content: NotificationContent, platform: NodeJS.Platform): NotificationConstructorOptions {
  const options: NotificationConstructorOptions = { title: content.title, body: content.body, silent: false };
  if (platform === 'darwin' && content.actions.length > 0) {
    options.actions = content.actions.map((a) => ({ type: 'button' as const, text: a.label }));
  }
  return options;
}

export interface ShowNotificationDeps {
  Notification: typeof ElectronNotification;
  platform: NodeJS.Platform;
  /** Opens the URL if the allowlist accepts it; returns false when it was refused. */
  openExternal(url: string): boolean;
  openApp(scenarioKey: string | null): void;
  run(action: TrayAction): void;
}

export function createNotificationShower(deps: ShowNotificationDeps): (content: NotificationContent) => void {
  // Electron drops the handlers of a notification that was garbage-collected: keep them until closed.
  const live = new Set<ElectronNotification>();
  return (content) => {
    if (!deps.Notification.isSupported()) return;
    const n = new deps.Notification(notificationOptions(content, deps.platform));
    live.add(n);
    n.on('click', () => {
      if (!(content.url && deps.openExternal(content.url))) deps.openApp(content.scenarioKey);
    });
    n.on('action', (_event, index) => {
      const action = content.actions[index];
      if (action) deps.run(action.action);
    });
    n.on('close', () => live.delete(n));
    n.show();
  };
}
