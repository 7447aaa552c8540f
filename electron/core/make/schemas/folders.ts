import { z } from 'zod';
import { id } from './common';

export interface MakeFolder {
  id: number;
  name: string;
  parentId?: number | null;
  path?: string;
  position?: number | null;
  scenariosTotal?: number;
  scenariosSubtreeTotal?: number;
  hasChildren?: boolean;
  teamId?: number;
  children?: MakeFolder[];
  [key: string]: unknown;
}

export const folderSchema: z.ZodType<MakeFolder> = z.looseObject({
  id,
  name: z.string(),
  parentId: id.nullable().optional(),
  path: z.string().optional(),
  position: z.number().nullable().optional(),
  scenariosTotal: z.number().optional(),
  scenariosSubtreeTotal: z.number().optional(),
  hasChildren: z.boolean().optional(),
  teamId: id.optional(),
  get children() {
    return z.array(folderSchema).optional();
  },
});
export const listFoldersResponse = z.looseObject({ scenariosFolders: z.array(folderSchema) });
