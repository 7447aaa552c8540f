// What the Electron app runs that isn't Electron: the shared composition (electron/core/app/compose)
// on the app's data folder, with the embedded simulator's demo world when the user has no accounts.
// No Electron import: main passes in its browser opener, notifier and keychain probe runner.
import { composeApp, type ComposedApp, type ComposeOptions } from '../core/app/compose';
import { startDemoWorld } from '../dashboard/demo-world';

export type AppServices = ComposedApp;

export interface AppServicesOptions extends Omit<ComposeOptions, 'demoWorld'> {
  /** Default: the embedded simulator's demo world. */
  demoWorld?: ComposeOptions['demoWorld'];
  /** Seed of the embedded demo world (default 1). */
  demoSeed?: number;
}

/** Composes the app; nothing polls until `start()` (so main can hold the services before the first notification). */
export function composeAppServices(options: AppServicesOptions): Promise<AppServices> {
  const { demoSeed, ...rest } = options;
  return composeApp({ ...rest, demoWorld: options.demoWorld ?? (() => startDemoWorld({ seed: demoSeed ?? 1 })) });
}
