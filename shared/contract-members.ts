// Contract area: Organization and team members: list with roles, invite, change role, remove.
// Spread into COMMANDS (and EVENTS) in contract.ts.
import { z } from 'zod';
import { NumericIdSchema, TeamKeySchema, confirmable, defineCommands, defineEvents } from './contract-define';
import { OrgKeySchema } from './contract-schemas';

export const RoleViewSchema = z.object({
  id: z.number(),
  /** Make's name of the role ("Admin", "Team Monitoring", or a custom role's name). */
  name: z.string(),
  /** `organization_admin`, `team_member`, … when Make gives one. */
  identifier: z.string().nullable(),
  /** False for Make's Owner role: nobody is given it by a role change or an invitation. */
  assignable: z.boolean(),
});
export type RoleView = z.infer<typeof RoleViewSchema>;

export const MemberViewSchema = z.object({
  userId: z.number(),
  name: z.string(),
  email: z.string().nullable(),
  roleId: z.number(),
  roleName: z.string(),
  invitationPending: z.boolean(),
  changeable: z.boolean(),
});
export type MemberView = z.infer<typeof MemberViewSchema>;

export const MEMBER_COMMANDS = defineCommands({
  /** The organization's members with organization roles, or (with `teamKey`) a team's with team roles. */
  'members.list': {
    request: z.strictObject({ orgKey: OrgKeySchema, teamKey: TeamKeySchema.optional() }),
    reply: z.object({ members: z.array(MemberViewSchema), roles: z.array(RoleViewSchema) }),
  },
  /** Invites to the organization with an organization role; with `teamKey` the invitee also joins that team. */
  'members.invite': {
    request: z.strictObject({
      orgKey: OrgKeySchema,
      email: z.string().max(320),
      roleId: NumericIdSchema,
      name: z.string().max(200).optional(),
      teamKey: TeamKeySchema.optional(),
    }),
    reply: z.object({ member: MemberViewSchema }),
  },
  /** An organization role, or (with `teamKey`) a team role. */
  'members.changeRole': {
    request: z.strictObject({ orgKey: OrgKeySchema, teamKey: TeamKeySchema.optional(), userId: NumericIdSchema, roleId: NumericIdSchema }),
    reply: z.object({ roleId: z.number(), roleName: z.string() }),
  },
  /** Removes from the organization (and so its teams); nothing is sent to Make unless `confirmed`. */
  'members.remove': {
    request: z.strictObject({ orgKey: OrgKeySchema, userId: NumericIdSchema, name: z.string().max(200).optional(), confirmed: z.boolean().optional() }),
    reply: confirmable(z.object({ removed: z.literal(true) })),
  },
});

export const MEMBER_EVENTS = defineEvents({});
