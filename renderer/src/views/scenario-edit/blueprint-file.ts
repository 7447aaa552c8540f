// A chosen blueprint file, read and checked in the renderer for a quick answer (main checks again).
import { MAX_BLUEPRINT_CHARS, validateBlueprint } from '../../../../shared/blueprint';
import type { Problem } from '../../../../shared/problems';

export type ChosenFile =
  | { fileName: string; ok: true; text: string; name: string; moduleCount: number }
  /** `problems` are main's own checks (validateBlueprint), worded by useProblemText. */
  | { fileName: string; ok: false; reason: 'too-large' | 'unreadable' | 'invalid'; problems: Problem[] };

/** UTF-8 needs at most 3 bytes per UTF-16 unit: a larger file can't be within the character limit. */
const MAX_FILE_BYTES = 3 * MAX_BLUEPRINT_CHARS;

export async function readBlueprintFile(file: File): Promise<ChosenFile> {
  if (file.size > MAX_FILE_BYTES) return { fileName: file.name, ok: false, reason: 'too-large', problems: [] };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { fileName: file.name, ok: false, reason: 'unreadable', problems: [] };
  }
  const check = validateBlueprint(text);
  return check.ok
    ? { fileName: file.name, ok: true, text, name: check.name, moduleCount: check.moduleCount }
    : { fileName: file.name, ok: false, reason: 'invalid', problems: check.problems };
}
