// The user's settings as a SettingsPort, kept in one JSON file through a CacheFile (atomic writes).
// A missing or unreadable file means defaults; unknown or invalid fields fall back field by field.
import { DEFAULT_SETTINGS, SettingsSchema, mergeSettings, type Settings, type SettingsPatch } from '../../../shared/contract-schemas';
import type { CacheFile } from '../cache/cache-file';
import type { SettingsPort } from './ports';

export const SETTINGS_FILE = 'settings.json';

function readSettings(bytes: Uint8Array | null): Settings {
  if (!bytes) return DEFAULT_SETTINGS;
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return DEFAULT_SETTINGS;
  }
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  // Keep what is still valid, one field at a time.
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const notify = (obj.notify && typeof obj.notify === 'object' ? obj.notify : {}) as Record<string, unknown>;
  const pick = <K extends keyof Settings>(k: K, v: unknown): Settings[K] => {
    const r = SettingsSchema.shape[k].safeParse(v);
    return (r.success ? r.data : DEFAULT_SETTINGS[k]) as Settings[K];
  };
  const pickNotify = <K extends keyof Settings['notify']>(k: K): Settings['notify'][K] => {
    const r = SettingsSchema.shape.notify.shape[k].safeParse(notify[k]);
    return (r.success ? r.data : DEFAULT_SETTINGS.notify[k]) as Settings['notify'][K];
  };
  return {
    language: pick('language', obj.language),
    theme: pick('theme', obj.theme),
    pollingShare: pick('pollingShare', obj.pollingShare),
    startAtLogin: pick('startAtLogin', obj.startAtLogin),
    agency: pick('agency', obj.agency),
    notify: {
      failure: pickNotify('failure'),
      warning: pickNotify('warning'),
      offByMake: pickNotify('offByMake'),
      fixed: pickNotify('fixed'),
      summaryThreshold: pickNotify('summaryThreshold'),
    },
  };
}

export interface SettingsFile extends SettingsPort {
  /** Called after every successful change. */
  onChange(listener: (settings: Settings) => void): () => void;
}

/** Loads the settings once; `set` writes the file before it resolves (and keeps the old on failure). */
export async function openSettingsFile(file: CacheFile, name = SETTINGS_FILE): Promise<SettingsFile> {
  let current = readSettings(await file.read(name).catch(() => null));
  const listeners = new Set<(s: Settings) => void>();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    get: () => current,
    set(patch: SettingsPatch) {
      const run = queue.then(async () => {
        const next = mergeSettings(current, patch);
        await file.write(name, new TextEncoder().encode(`${JSON.stringify(next, null, 2)}\n`));
        current = next;
        // The change is saved: a listener that throws must not turn it into a failed `set`.
        for (const l of [...listeners]) {
          try {
            l(next);
          } catch {
            // The listener's own problem; the other listeners still hear of the change.
          }
        }
        return next;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
