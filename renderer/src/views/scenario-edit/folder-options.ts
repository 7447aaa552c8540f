// The folders of a team as select options: sorted by path, sub-folders shown under their parent.
import type { EngineState, FolderKey, TeamKey } from '../../../../shared/domain';

export interface FolderOption {
  key: FolderKey;
  /** "Parent / Child". */
  label: string;
}

export function folderOptions(folders: EngineState['folders'], teamKey: TeamKey | null): FolderOption[] {
  if (!teamKey) return [];
  const path = (key: FolderKey, seen = new Set<FolderKey>()): string => {
    const f = folders[key];
    if (!f) return '';
    if (!f.parentKey || seen.has(key) || !folders[f.parentKey]) return f.name;
    seen.add(key);
    return `${path(f.parentKey, seen)} / ${f.name}`;
  };
  return Object.values(folders)
    .filter((f) => f.teamKey === teamKey)
    .map((f) => ({ key: f.key, label: path(f.key) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
