import './support/setup';
import { act as reactAct, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MemberView, RoleView } from '../../shared/contract-members';
import { MainWindow } from '../../renderer/src/views/MainWindow';
import { MemoryBridge } from './support/memory-bridge';
import { renderWith } from './support/render';
import { makeWorld } from './support/world';

const ZONE = 'eu1.make.com';
const ORG = `${ZONE}/o1`;
const TEAM = `${ZONE}/t10`;

const ORG_ROLES: RoleView[] = [
  { id: 11, name: 'Owner', identifier: 'organization_owner', assignable: false },
  { id: 12, name: 'Admin', identifier: 'organization_admin', assignable: true },
  { id: 13, name: 'Member', identifier: 'organization_member', assignable: true },
  { id: 14, name: 'Accountant', identifier: 'organization_accountant', assignable: true },
  { id: 99, name: 'Client reviewer', identifier: null, assignable: true },
];
const TEAM_ROLES: RoleView[] = [
  { id: 1, name: 'Team Admin', identifier: 'team_admin', assignable: true },
  { id: 2, name: 'Team Member', identifier: 'team_member', assignable: true },
  { id: 3, name: 'Team Monitoring', identifier: 'team_monitoring', assignable: true },
];

const member = (over: Partial<MemberView> & { userId: number; name: string }): MemberView => ({
  email: `${over.name.toLowerCase().split(' ')[0]}@example.com`, roleId: 13, roleName: 'Member', invitationPending: false, changeable: true, ...over,
});

function world(scopes: string[] = []) {
  const w = makeWorld(0);
  w.accounts.a1!.scopes = scopes;
  return w;
}

/** A main that keeps the organization's members and answers like the engine's handlers. */
function withMembers(bridge: MemoryBridge) {
  const org = [
    member({ userId: 1, name: 'Aiko Tanaka', email: 'aiko@example.com', roleId: 11, roleName: 'Owner', changeable: false }),
    member({ userId: 2, name: 'Ben Ito', roleId: 12, roleName: 'Admin' }),
    member({ userId: 3, name: 'Chloé Martin', roleId: 99, roleName: 'Client reviewer' }),
  ];
  const team = [member({ userId: 2, name: 'Ben Ito', roleId: 1, roleName: 'Team Admin' })];
  return bridge
    .handle('members.list', ({ teamKey }) => (teamKey ? { members: team, roles: TEAM_ROLES } : { members: org, roles: ORG_ROLES }))
    .handle('members.invite', ({ email, roleId }) => ({
      member: member({ userId: 50, name: email.split('@')[0]!, email, roleId, roleName: ORG_ROLES.find((r) => r.id === roleId)!.name, invitationPending: true }),
    }))
    .handle('members.changeRole', ({ roleId, teamKey }) => ({ roleId, roleName: (teamKey ? TEAM_ROLES : ORG_ROLES).find((r) => r.id === roleId)!.name }))
    .handle('members.remove', ({ confirmed }) =>
      confirmed ? { kind: 'done', value: { removed: true } } : { kind: 'needs-confirmation', confirmation: { reason: 'remove-member', message: 'Sure?' } },
    );
}

async function openMembers(bridge: MemoryBridge, lang: 'en' | 'ja' = 'en') {
  const r = renderWith(<MainWindow />, bridge, lang);
  reactAct(() => r.services.ui.getState().setView('members'));
  // The view is lazy-loaded: the first import may take a while on a busy machine.
  await screen.findByTestId('members-table', {}, { timeout: 10_000 });
  return r;
}

const rowOf = (name: string) => within(screen.getByTestId('members-table')).getByText(name).closest('tr') as HTMLElement;

describe('the members screen', () => {
  it('lists the organization’s members with their roles in plain words; the Owner’s role is fixed', async () => {
    const bridge = withMembers(new MemoryBridge(world()));
    await openMembers(bridge);
    expect(bridge.sentOn('members.list')).toEqual([{ orgKey: ORG }]);
    expect(within(rowOf('Aiko Tanaka')).getByTestId('member-role-text').textContent).toBe('Owner');
    expect(within(rowOf('Aiko Tanaka')).queryByRole('button', { name: /Remove/ })).toBeNull();
    const select = within(rowOf('Ben Ito')).getByRole('combobox', { name: 'Role of Ben Ito' });
    // The Owner role is not offered; a custom role keeps Make's name.
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Admin', 'Member', 'Accountant', 'Client reviewer']);
    expect(within(rowOf('Chloé Martin')).getByRole('combobox')).toHaveProperty('value', '99');
  });

  it('shows Make’s built-in roles in Japanese', async () => {
    const bridge = withMembers(new MemoryBridge(world()));
    bridge.settings = { ...bridge.settings, language: 'ja' };
    await openMembers(bridge, 'ja');
    await waitFor(() => expect(document.documentElement.lang).toBe('ja'));
    expect(within(rowOf('Aiko Tanaka')).getByTestId('member-role-text').textContent).toBe('オーナー');
    expect(within(rowOf('Ben Ito')).getByRole('combobox')).toHaveProperty('value', '12');
    expect(within(rowOf('Ben Ito')).getByRole('option', { name: '管理者' })).toBeTruthy();
  });

  it('changes a role', async () => {
    const bridge = withMembers(new MemoryBridge(world()));
    await openMembers(bridge);
    fireEvent.change(within(rowOf('Ben Ito')).getByRole('combobox'), { target: { value: '14' } });
    await waitFor(() => expect(bridge.sentOn('members.changeRole')).toEqual([{ orgKey: ORG, userId: 2, roleId: 14 }]));
    expect(await screen.findByText('Ben Ito is now Accountant.')).toBeTruthy();
  });

  it('invites by e-mail with a role, explaining the role', async () => {
    const bridge = withMembers(new MemoryBridge(world()));
    await openMembers(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    const form = screen.getByTestId('member-invite-form');
    expect(within(form).getByRole('heading', { name: 'Invite to Acme Corp' })).toBeTruthy();
    const role = within(form).getByLabelText('Role');
    expect(role).toHaveProperty('value', '13');
    expect(within(form).getByText('Works in the teams they belong to.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('E-mail address'), { target: { value: 'yuki@example.jp' } });
    fireEvent.change(role, { target: { value: '14' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText('yuki')).toBeTruthy();
    expect(bridge.sentOn('members.invite')).toEqual([{ orgKey: ORG, email: 'yuki@example.jp', roleId: 14 }]);
    expect(within(rowOf('yuki')).getByText('Invitation pending')).toBeTruthy();
  });

  it('a refused invitation shows in the form with what was typed kept', async () => {
    const bridge = withMembers(new MemoryBridge(world())).fail('members.invite', 'invalid-input', '"yuki@" does not look like an e-mail address.');
    await openMembers(bridge);
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));
    const form = screen.getByTestId('member-invite-form');
    fireEvent.change(within(form).getByLabelText('E-mail address'), { target: { value: 'yuki@x.y' } });
    fireEvent.submit(within(form).getByRole('button', { name: 'Send invitation' }).closest('form')!);
    expect((await within(form).findByRole('alert')).textContent).toContain('does not look like an e-mail address');
    expect(within(form).getByLabelText('E-mail address')).toHaveProperty('value', 'yuki@x.y');
  });

  it('removing asks first, names the person, and sends confirmed only after yes', async () => {
    const bridge = withMembers(new MemoryBridge(world()));
    await openMembers(bridge);
    fireEvent.click(within(rowOf('Ben Ito')).getByRole('button', { name: 'Remove Ben Ito' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Ben Ito from Acme Corp?' });
    expect(bridge.sentOn('members.remove')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByText('Ben Ito')).toBeNull());
    expect(bridge.sentOn('members.remove')).toEqual([{ orgKey: ORG, userId: 2, name: 'Ben Ito', confirmed: true }]);
  });

  it('a team’s list shows team roles and changes a team role', async () => {
    const bridge = withMembers(new MemoryBridge(world()));
    await openMembers(bridge);
    fireEvent.change(screen.getByTestId('members-team'), { target: { value: TEAM } });
    await waitFor(() => expect(within(rowOf('Ben Ito')).getByRole('combobox')).toHaveProperty('value', '1'));
    expect(within(screen.getByTestId('members-table')).queryByText('Aiko Tanaka')).toBeNull();
    fireEvent.change(within(rowOf('Ben Ito')).getByRole('combobox'), { target: { value: '3' } });
    await waitFor(() => expect(bridge.sentOn('members.changeRole')).toEqual([{ orgKey: ORG, teamKey: TEAM, userId: 2, roleId: 3 }]));
    expect(await screen.findByText('Ben Ito is now Team monitoring.')).toBeTruthy();
  });

  it('the sidebar’s team preselects the organization and team', async () => {
    const bridge = withMembers(new MemoryBridge(world()));
    const r = renderWith(<MainWindow />, bridge);
    reactAct(() => {
      r.services.ui.getState().setQuery({ scope: { kind: 'team', key: TEAM } });
      r.services.ui.getState().setView('members');
    });
    await screen.findByTestId('members-table', {}, { timeout: 10_000 });
    expect(bridge.sentOn('members.list')).toEqual([{ orgKey: ORG, teamKey: TEAM }]);
    expect(screen.getByTestId('members-team')).toHaveProperty('value', TEAM);
  });

  it('a read-only token sees roles as text and no invite or remove', async () => {
    const bridge = withMembers(new MemoryBridge(world(['user:read', 'organizations:read', 'teams:read'])));
    await openMembers(bridge);
    expect(screen.queryByRole('button', { name: 'Invite' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: /Role of/ })).toBeNull();
    expect(within(rowOf('Ben Ito')).getByTestId('member-role-text').textContent).toBe('Admin');
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
  });

  it('a refused role change shows on the row', async () => {
    const bridge = withMembers(new MemoryBridge(world())).fail('members.changeRole', 'refused', 'Make refused: only owners and admins may change roles.');
    await openMembers(bridge);
    fireEvent.change(within(rowOf('Ben Ito')).getByRole('combobox'), { target: { value: '13' } });
    expect((await within(rowOf('Ben Ito')).findByRole('alert')).textContent).toContain('only owners and admins');
    expect(within(rowOf('Ben Ito')).getByRole('combobox')).toHaveProperty('value', '12');
  });
});
