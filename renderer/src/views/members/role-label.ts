// Role names in plain words: Make's built-in roles (known by identifier) in the user's language with
// a one-line meaning; custom roles (Enterprise) as Make names them.
import type { TFunction } from 'i18next';
import type { RoleView } from '../../../../shared/contract-members';

type RoleRef = Pick<RoleView, 'identifier' | 'name'>;

export function roleLabel(role: RoleRef, t: TFunction): string {
  return role.identifier ? t(`members.roles.${role.identifier}`, { defaultValue: role.name }) : role.name;
}

/** What the role lets a person do, or null for a role the app does not know. */
export function roleHint(role: RoleRef, t: TFunction): string | null {
  if (!role.identifier) return null;
  const hint = t(`members.roleHints.${role.identifier}`, { defaultValue: '' });
  return hint === '' ? null : hint;
}

/** A member's role label, from the list's roles when Make listed it, else the name the service gave. */
export function memberRoleLabel(member: { roleId: number; roleName: string }, roles: readonly RoleView[], t: TFunction): string {
  const role = roles.find((r) => r.id === member.roleId);
  return role ? roleLabel(role, t) : member.roleName;
}
