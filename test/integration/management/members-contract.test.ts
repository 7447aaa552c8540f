// The members area through the contract door (createCommandHandler) against the simulator over real
// HTTP: organization and team lists with role names, invite, role changes, removal only when confirmed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberView, RoleView } from '../../../shared/contract-members';
import type { OrgKey, TeamState } from '../../../shared/domain';
import type { CommandHandler } from '../../../electron/core/commands/command-handler';
import { managementDoor } from './contract-door';
import { managementRig, type ManagementRig } from './harness';

let rig: ManagementRig;
let door: CommandHandler;
let orgKey: OrgKey;
let orgId: number;
let team: TeamState;

beforeAll(async () => {
  rig = await managementRig();
  door = managementDoor(rig, rig.port);
  orgKey = rig.orgKeys.find((k) => rig.store.getState().orgs[k]!.name === 'Northwind Agency')!;
  orgId = rig.store.getState().orgs[orgKey]!.id;
  team = Object.values(rig.store.getState().teams).find((t) => t.orgKey === orgKey)!;
});
afterAll(() => rig.close());

async function ok<T>(channel: string, payload: unknown): Promise<T> {
  const r = await door.handle(channel, payload);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
type List = { members: MemberView[]; roles: RoleView[] };
const role = (roles: RoleView[], name: string) => roles.find((r) => r.name === name)!;

describe('members.* through the contract', () => {
  it('invites, changes the organization role, and removes only on the confirmed call', async () => {
    const list = await ok<List>('members.list', { orgKey });
    expect(list.members.find((m) => m.userId === rig.sim.demoUserId)).toMatchObject({ roleName: 'Owner', changeable: false });
    expect(list.roles.map((r) => r.name)).toEqual(expect.arrayContaining(['Owner', 'Admin', 'Member', 'Accountant', 'App developer']));

    const { member } = await ok<{ member: MemberView }>('members.invite', { orgKey, email: 'ren@example.jp', roleId: role(list.roles, 'Member').id, teamKey: team.key });
    expect(member).toMatchObject({ email: 'ren@example.jp', roleName: 'Member', invitationPending: true });
    expect(rig.sim.world.teamMembership(team.id, member.userId)).toBeDefined();

    expect(await ok('members.changeRole', { orgKey, userId: member.userId, roleId: role(list.roles, 'Admin').id })).toEqual({
      roleId: role(list.roles, 'Admin').id,
      roleName: 'Admin',
    });
    expect(rig.sim.world.orgMembership(orgId, member.userId)?.usersRoleId).toBe(role(list.roles, 'Admin').id);

    const ask = await ok<{ kind: string; confirmation: { message: string } }>('members.remove', { orgKey, userId: member.userId, name: 'ren' });
    expect(ask).toMatchObject({ kind: 'needs-confirmation', confirmation: { reason: 'remove-member' } });
    expect(ask.confirmation.message).toContain('ren');
    expect(rig.sim.world.orgMembership(orgId, member.userId)).toBeDefined();
    expect(await ok('members.remove', { orgKey, userId: member.userId, confirmed: true })).toEqual({ kind: 'done', value: { removed: true } });
    expect(rig.sim.world.orgMembership(orgId, member.userId)).toBeUndefined();
  });

  it('lists a team with team roles and changes a team role', async () => {
    const list = await ok<List>('members.list', { orgKey, teamKey: team.key });
    expect(list.roles.map((r) => r.name)).toEqual(expect.arrayContaining(['Team Admin', 'Team Member', 'Team Monitoring']));
    const target = list.members.find((m) => m.changeable)!;
    const monitoring = role(list.roles, 'Team Monitoring');
    expect(await ok('members.changeRole', { orgKey, teamKey: team.key, userId: target.userId, roleId: monitoring.id })).toEqual({
      roleId: monitoring.id,
      roleName: 'Team Monitoring',
    });
    expect(rig.sim.world.teamMembership(team.id, target.userId)?.usersRoleId).toBe(monitoring.id);
  });

  it('missing scopes are named', async () => {
    const readOnly = managementDoor(rig, rig.limited(['user:read', 'organizations:read', 'teams:read']));
    const list = await readOnly.handle('members.list', { orgKey });
    expect(list.ok).toBe(true);
    expect(await readOnly.handle('members.invite', { orgKey, email: 'x@example.com', roleId: 13 })).toMatchObject({
      ok: false,
      error: { code: 'missing-scope', scope: 'organizations:write' },
    });
  });

  it('404 for a user who is not a member, or a team the app does not know', async () => {
    const list = await ok<List>('members.list', { orgKey });
    expect(await door.handle('members.changeRole', { orgKey, userId: 987654, roleId: role(list.roles, 'Member').id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await door.handle('members.list', { orgKey, teamKey: `${rig.zone}/t999999` })).toMatchObject({ ok: false, error: { code: 'not-found', field: 'teamKey' } });
  });

  it('validation: a bad address, the Owner role, a team of another organization', async () => {
    const list = await ok<List>('members.list', { orgKey });
    expect(await door.handle('members.invite', { orgKey, email: 'not-an-address', roleId: role(list.roles, 'Member').id })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'email' },
    });
    expect(await door.handle('members.invite', { orgKey, email: 'a@b.co', roleId: role(list.roles, 'Owner').id })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'roleId' },
    });
    const otherTeam = Object.values(rig.store.getState().teams).find((t) => t.orgKey !== orgKey)!;
    expect(await door.handle('members.list', { orgKey, teamKey: otherTeam.key })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'teamKey' } });
    expect(await door.handle('members.remove', { orgKey, userId: -1 })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'userId' } });
  });
});
