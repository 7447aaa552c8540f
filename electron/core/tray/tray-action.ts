// What a tray menu item or a notification button does, as data. Commands go through the same door as
// the renderer's (the contract host), so a tray click is validated and handled exactly like a UI click.
import type { CommandChannel, CommandRequestInput } from '../../../shared/contract';

export type TrayCommand = { [C in CommandChannel]: { channel: C; payload: CommandRequestInput<C> } }[CommandChannel];

export type AppAction = 'open-settings' | 'quit';

export type TrayAction = { kind: 'command'; command: TrayCommand } | { kind: 'app'; action: AppAction };

export const command = <C extends CommandChannel>(channel: C, payload: CommandRequestInput<C>): TrayAction => ({
  kind: 'command',
  command: { channel, payload } as TrayCommand,
});

export const appAction = (action: AppAction): TrayAction => ({ kind: 'app', action });
