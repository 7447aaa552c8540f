// The settings file: a change listener that throws can't turn a saved change into a failed `set`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DiskCacheFile } from '../../../electron/core/cache/disk-cache-file';
import { openSettingsFile } from '../../../electron/core/commands/settings-file';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'make-tray-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('saves, resolves and tells the other listeners even when one listener throws', async () => {
  const settings = await openSettingsFile(new DiskCacheFile(dir));
  const heard: string[] = [];
  settings.onChange(() => {
    throw new Error('listener bug');
  });
  settings.onChange((s) => heard.push(s.theme));
  await expect(settings.set({ theme: 'dark' })).resolves.toMatchObject({ theme: 'dark' });
  expect(heard).toEqual(['dark']);
  expect(settings.get().theme).toBe('dark');
  expect((await openSettingsFile(new DiskCacheFile(dir))).get().theme).toBe('dark');
});
