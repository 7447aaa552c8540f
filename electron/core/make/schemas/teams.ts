import { z } from 'zod';
import { id, objectWithRequired, pgSchema } from './common';

export const teamSchema = objectWithRequired(
  {
    id,
    name: z.string(),
    organizationId: id,
    scenarioDrafts: z.boolean(),
    isPaused: z.boolean().nullable(),
  },
  ['id', 'name', 'organizationId'],
);
export type MakeTeam = z.output<typeof teamSchema>;
export const listTeamsResponse = z.looseObject({ teams: z.array(teamSchema), pg: pgSchema.optional() });
