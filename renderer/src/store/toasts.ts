// Main's `toast` events and `command.error` (a command that failed where nobody awaited it, e.g. from
// the tray menu) become calm toasts in the window. Returns the function that stops listening.
import type { MakeTrayBridge } from '../bridge/contract-types';
import type { UiStore } from './ui-store';

export function connectToasts(ui: UiStore, bridge: MakeTrayBridge): () => void {
  const offs = [
    bridge.on('toast', (p) => {
      ui.getState().pushToast({ kind: p.kind, message: p.message, error: null, key: p.key });
    }),
    bridge.on('command.error', (p) => {
      ui.getState().pushToast({ kind: 'error', message: null, error: p.error, key: null });
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
