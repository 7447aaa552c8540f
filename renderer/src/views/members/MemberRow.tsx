// One member: name, e-mail, role (a select when the token may change it and Make allows it), remove.
import { useTranslation } from 'react-i18next';
import type { MemberView, RoleView } from '../../../../shared/contract-members';
import type { OrgKey, TeamKey } from '../../../../shared/domain';
import { useServices, useUi } from '../../app-context';
import { ErrorNote } from '../../components/ErrorNote';
import { act, errorPlace } from '../../store/ui-store';
import { memberRoleLabel, roleLabel } from './role-label';

interface Props {
  member: MemberView;
  roles: RoleView[];
  orgKey: OrgKey;
  teamKey: TeamKey | null;
  canChangeRole: boolean;
  canRemove: boolean;
  onChanged(change: Partial<MemberView>): void;
  onRemove(): void;
}

export const memberPlace = (userId: number, action: string) => errorPlace(`member:${userId}`, action);

export function MemberRow({ member, roles, orgKey, teamKey, canChangeRole, canRemove, onChanged, onRemove }: Props) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const place = memberPlace(member.userId, 'role');
  const busy = useUi((s) => place in s.busy);
  const assignable = roles.filter((r) => r.assignable || r.id === member.roleId);
  const label = memberRoleLabel(member, roles, t);

  const change = async (roleId: number) => {
    if (roleId === member.roleId) return;
    const request = teamKey ? { orgKey, teamKey, userId: member.userId, roleId } : { orgKey, userId: member.userId, roleId };
    const r = await act(ui, place, () => api.invoke('members.changeRole', request));
    if (!r) return;
    onChanged({ roleId: r.roleId, roleName: r.roleName });
    const role = roles.find((x) => x.id === r.roleId);
    ui.getState().pushToast({
      kind: 'success',
      message: t('members.roleChanged', { name: member.name, role: role ? roleLabel(role, t) : r.roleName }),
      error: null,
      key: null,
    });
  };

  return (
    <tr data-testid="member-row" data-user-id={member.userId}>
      <td>
        <span className="name" data-testid="member-name">{member.name}</span>
        {member.invitationPending && <span className="chip chip-unknown member-pending">{t('members.pending')}</span>}
      </td>
      <td className="muted">{member.email ?? '—'}</td>
      <td>
        {canChangeRole && member.changeable && assignable.length > 1 ? (
          <select
            value={member.roleId}
            disabled={busy}
            aria-busy={busy || undefined}
            aria-label={t('members.roleOf', { name: member.name })}
            onChange={(e) => void change(Number(e.target.value))}
            data-testid="member-role"
          >
            {assignable.map((r) => (
              <option key={r.id} value={r.id}>
                {roleLabel(r, t)}
              </option>
            ))}
          </select>
        ) : (
          <span data-testid="member-role-text" title={member.changeable ? undefined : t('members.roleLocked')}>
            {label}
          </span>
        )}
        <ErrorNote place={place} />
      </td>
      <td>
        {canRemove && (
          <button type="button" className="btn small" onClick={onRemove} aria-label={t('members.removeLabel', { name: member.name })} data-testid="member-remove">
            {t('members.remove')}
          </button>
        )}
      </td>
    </tr>
  );
}
