import { z } from 'zod';
import { id, objectWithRequired, pgSchema } from './common';

export const userSchema = objectWithRequired(
  {
    id,
    name: z.string(),
    email: z.string().nullable(),
    language: z.string().nullable(),
    timezoneId: z.number().nullable(),
    lastLogin: z.string().nullable(),
    avatar: z.string().nullable(),
  },
  ['id', 'name'],
);
export type MakeUser = z.output<typeof userSchema>;
export const listUsersResponse = z.looseObject({ users: z.array(userSchema), pg: pgSchema.optional() });

export const roleSchema = objectWithRequired(
  {
    id,
    name: z.string(),
    identifier: z.string().nullable(),
    category: z.string().nullable(),
    subsidiary: z.boolean().nullable(),
    managementType: z.string().nullable(),
    permissions: z.array(z.unknown()).nullable(),
  },
  ['id', 'name'],
);
export type MakeRole = z.output<typeof roleSchema>;
export const listRolesResponse = z.looseObject({ usersRoles: z.array(roleSchema) });

export const userOrganizationRoleSchema = objectWithRequired(
  {
    userId: id,
    organizationId: id,
    usersRoleId: id,
    invitation: z.unknown(),
    organizationTeamsCount: z.number().nullable(),
    joinedTeamsCount: z.number().nullable(),
  },
  ['userId', 'organizationId', 'usersRoleId'],
);
export type MakeUserOrganizationRole = z.output<typeof userOrganizationRoleSchema>;
export const listUserOrganizationRolesResponse = z.looseObject({
  userOrganizationRoles: z.array(userOrganizationRoleSchema),
  pg: pgSchema.optional(),
});
export const userOrganizationRoleResponse = z.looseObject({ userOrganizationRole: userOrganizationRoleSchema });

export const inviteResponse = z.looseObject({
  user: z.looseObject({ id, name: z.string().nullable().optional(), email: z.string().nullable().optional() }).optional(),
  userOrganizationRole: userOrganizationRoleSchema,
});
export type MakeInviteResult = z.output<typeof inviteResponse>;

/** Removal answers with the (now ended) role or nothing; its content is not used. */
export const removeFromOrganizationResponse = z.union([z.looseObject({}), z.null()]);

export const userTeamRoleSchema = objectWithRequired(
  {
    usersRoleId: id,
    userId: id,
    teamId: id,
    changeable: z.boolean(),
    ssoPending: z.boolean().nullable(),
  },
  ['usersRoleId', 'userId', 'teamId'],
);
export type MakeUserTeamRole = z.output<typeof userTeamRoleSchema>;
export const listUserTeamRolesResponse = z.looseObject({ userTeamRoles: z.array(userTeamRoleSchema), pg: pgSchema.optional() });
export const userTeamRoleResponse = z.looseObject({ userTeamRole: userTeamRoleSchema });
