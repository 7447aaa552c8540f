// Organization and team members against the simulator over real HTTP: role names from /users/roles,
// invite, role changes, removal with confirmation, and the main failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemberService, allowedMemberActions, visibleActions, type MemberList, type RoleView } from '../../../electron/core/management';
import type { OrgKey, TeamKey } from '../../../shared/domain';
import { managementRig, type ManagementRig } from './harness';

let rig: ManagementRig;
let members: MemberService;
let orgKey: OrgKey;
let orgId: number;

beforeAll(async () => {
  rig = await managementRig();
  members = new MemberService(rig.port);
  orgKey = rig.orgKeys.find((k) => rig.store.getState().orgs[k]!.name === 'Northwind Agency')!;
  orgId = rig.store.getState().orgs[orgKey]!.id;
});
afterAll(() => rig.close());

const value = <T>(r: { kind: string; value?: T; error?: unknown }): T => {
  expect(r.error ?? null).toBeNull();
  expect(r.kind).toBe('ok');
  return r.value as T;
};
const role = (roles: RoleView[], name: string) => roles.find((r) => r.name === name)!;

describe('organization members', () => {
  let list: MemberList;

  it('lists members with the role names Make gives', async () => {
    list = value(await members.listOrganization(orgKey));
    const truth = [...rig.sim.world.orgMembers.values()].filter((m) => m.organizationId === orgId);
    expect(list.members.map((m) => m.userId).sort()).toEqual(truth.map((m) => m.userId).sort());
    const owner = list.members.find((m) => m.userId === rig.sim.demoUserId)!;
    expect(owner).toMatchObject({ roleName: 'Owner', changeable: false, invitationPending: false });
    expect(list.roles.map((r) => r.name)).toEqual(expect.arrayContaining(['Owner', 'Admin', 'Member', 'Accountant', 'App developer']));
    expect(role(list.roles, 'Owner').assignable).toBe(false);
  });

  it('invites by e-mail with a role, changes the role, and removes only when confirmed', async () => {
    const member = role(list.roles, 'Member');
    const invited = value(await members.invite(orgKey, { email: ' yuki@example.jp ', roleId: member.id }));
    expect(invited).toMatchObject({ name: 'yuki', email: 'yuki@example.jp', roleName: 'Member', invitationPending: true });
    expect(rig.sim.world.orgMembership(orgId, invited.userId)?.usersRoleId).toBe(member.id);

    const accountant = role(list.roles, 'Accountant');
    expect(value(await members.changeOrganizationRole(orgKey, invited.userId, accountant.id))).toEqual({ roleId: accountant.id, roleName: 'Accountant' });
    const again = value(await members.listOrganization(orgKey));
    expect(again.members.find((m) => m.userId === invited.userId)).toMatchObject({ roleName: 'Accountant', invitationPending: true });

    const ask = await members.remove(orgKey, invited.userId, { name: 'yuki' });
    expect(ask).toMatchObject({ kind: 'needs-confirmation', confirmation: { reason: 'remove-member' } });
    expect(rig.sim.world.orgMembership(orgId, invited.userId)).toBeDefined();
    expect(value(await members.remove(orgKey, invited.userId, { confirmed: true }))).toEqual({ removed: true });
    expect(rig.sim.world.orgMembership(orgId, invited.userId)).toBeUndefined();
  });

  it('refuses bad input before sending and passes Make’s own validation on in plain words', async () => {
    expect(await members.invite(orgKey, { email: 'not-an-address', roleId: role(list.roles, 'Member').id })).toMatchObject({
      kind: 'error',
      error: { code: 'invalid-input', field: 'email' },
    });
    expect(await members.invite(orgKey, { email: 'a@b.co', roleId: role(list.roles, 'Owner').id })).toMatchObject({ kind: 'error', error: { code: 'invalid-input', field: 'roleId' } });
    expect(await members.invite(orgKey, { email: 'a@b.co', roleId: 424242 })).toMatchObject({ kind: 'error', error: { code: 'invalid-input', field: 'roleId' } });
    const existing = rig.sim.world.users.get(rig.sim.demoUserId)!;
    const dup = await members.invite(orgKey, { email: existing.email, roleId: role(list.roles, 'Member').id });
    expect(dup).toMatchObject({ kind: 'error', error: { code: 'invalid-input' } });
    if (dup.kind === 'error') expect(dup.error.message).toMatch(/already a member/);
  });

  it('404 for a user who is not a member', async () => {
    expect(await members.changeOrganizationRole(orgKey, 987654, role(list.roles, 'Member').id)).toMatchObject({ kind: 'error', error: { code: 'not-found' } });
  });

  it('a token without write scopes lists but cannot invite or change roles; the pure check hides those actions', async () => {
    const scopes = ['user:read', 'organizations:read', 'teams:read'];
    expect(visibleActions(allowedMemberActions(scopes))).toEqual(['listOrganizationMembers', 'listTeamMembers']);
    const limited = new MemberService(rig.limited(scopes));
    expect((await limited.listOrganization(orgKey)).kind).toBe('ok');
    const someone = list.members.find((m) => m.changeable)!;
    expect(await limited.invite(orgKey, { email: 'x@example.com', roleId: role(list.roles, 'Member').id })).toMatchObject({
      kind: 'error',
      error: { code: 'missing-scope', scope: 'organizations:write' },
    });
    expect(await limited.changeOrganizationRole(orgKey, someone.userId, role(list.roles, 'Admin').id)).toMatchObject({
      kind: 'error',
      error: { code: 'missing-scope', scope: 'user:write' },
    });
    expect(await new MemberService(rig.limited(['organizations:read'])).listOrganization(orgKey)).toMatchObject({
      kind: 'error',
      error: { code: 'missing-scope', scope: 'user:read' },
    });
  });
});

describe('team members', () => {
  it('lists a team with team role names and changes a team role', async () => {
    const team = Object.values(rig.store.getState().teams).find((t) => t.orgKey === orgKey)!;
    const teamKey: TeamKey = team.key;
    const list = value(await members.listTeam(teamKey));
    const truth = [...rig.sim.world.teamMembers.values()].filter((m) => m.teamId === team.id);
    expect(list.members).toHaveLength(truth.length);
    expect(list.roles.map((r) => r.name)).toEqual(expect.arrayContaining(['Team Admin', 'Team Member', 'Team Monitoring']));
    const target = list.members.find((m) => m.userId !== rig.sim.demoUserId && m.changeable) ?? list.members[0]!;
    const monitoring = role(list.roles, 'Team Monitoring');
    expect(value(await members.changeTeamRole(teamKey, target.userId, monitoring.id))).toEqual({ roleId: monitoring.id, roleName: 'Team Monitoring' });
    expect(rig.sim.world.teamMembership(team.id, target.userId)?.usersRoleId).toBe(monitoring.id);
    expect(await members.changeTeamRole(teamKey, target.userId, 424242)).toMatchObject({ kind: 'error', error: { code: 'invalid-input' } });
  });
});
