// "Invite to <organization>": an e-mail address, an organization role (Make's roles, in plain words)
// and an optional name. In a team's list the invitee also joins that team. Nothing typed is lost on an error.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView, RoleView } from '../../../../shared/contract-members';
import type { OrgKey, TeamKey } from '../../../../shared/domain';
import { useServices, useUi } from '../../app-context';
import { ErrorNote } from '../../components/ErrorNote';
import { act, errorPlace } from '../../store/ui-store';
import { roleHint, roleLabel } from './role-label';

export const INVITE_PLACE = errorPlace('members', 'invite');

interface Props {
  orgKey: OrgKey;
  orgName: string;
  team: { key: TeamKey; name: string } | null;
  /** The organization's roles when the list shows them; loaded here otherwise (a team's list has team roles). */
  orgRoles: RoleView[] | null;
  onInvited(member: MemberView): void;
  onCancel(): void;
}

/** Make's "Member" role when offered: the least surprising default for an invitation. */
const defaultRole = (roles: RoleView[]) => roles.find((r) => r.identifier === 'organization_member') ?? roles[0];

export function InviteForm({ orgKey, orgName, team, orgRoles, onInvited, onCancel }: Props) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const id = useId();
  const [loaded, setLoaded] = useState<RoleView[] | null>(null);
  const roles = (orgRoles ?? loaded ?? []).filter((r) => r.assignable);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roleId, setRoleId] = useState<number | null>(null);
  const busy = useUi((s) => INVITE_PLACE in s.busy);
  const err = useUi((s) => s.errors[INVITE_PLACE]);
  const chosen = roles.find((r) => r.id === roleId) ?? defaultRole(roles);
  const hint = chosen ? roleHint(chosen, t) : null;

  useEffect(() => {
    if (orgRoles) return;
    let live = true;
    void act(ui, INVITE_PLACE, () => api.invoke('members.list', { orgKey })).then((r) => {
      if (live && r) setLoaded(r.roles);
    });
    return () => {
      live = false;
    };
  }, [api, ui, orgKey, orgRoles]);

  const cancel = () => {
    ui.getState().setError(INVITE_PLACE, null);
    onCancel();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    const request = {
      orgKey,
      email,
      roleId: chosen.id,
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(team ? { teamKey: team.key } : {}),
    };
    const r = await act(ui, INVITE_PLACE, () => api.invoke('members.invite', request));
    if (r) onInvited(r.member);
  };
  const invalid = (field: string) => err?.field === field || undefined;

  return (
    <section className="card manage-form" aria-labelledby={`${id}-title`} data-testid="member-invite-form">
      <h3 id={`${id}-title`}>{t('members.inviteTitle', { org: orgName })}</h3>
      <form onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('members.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            maxLength={320}
            required
            autoComplete="off"
            aria-invalid={invalid('email')}
            aria-describedby={err ? `${id}-error` : undefined}
            autoFocus
            data-testid="invite-email"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('members.role')}</label>
          {roles.length === 0 ? (
            <span className="muted" aria-busy="true">{t('members.loadingRoles')}</span>
          ) : (
            <select
              id={`${id}-role`}
              value={chosen?.id ?? ''}
              onChange={(e) => setRoleId(Number(e.target.value))}
              aria-invalid={invalid('roleId')}
              aria-describedby={hint ? `${id}-role-hint` : undefined}
              data-testid="invite-role"
            >
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {roleLabel(r, t)}
                </option>
              ))}
            </select>
          )}
          {hint && (
            <span id={`${id}-role-hint`} className="hint">
              {hint}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('members.inviteName')}</label>
          <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} aria-describedby={`${id}-name-hint`} data-testid="invite-name" />
          <span id={`${id}-name-hint`} className="hint">
            {t('members.inviteNameHint')}
          </span>
        </div>
        {team && <p className="hint">{t('members.inviteTeam', { team: team.name })}</p>}
        <ErrorNote place={INVITE_PLACE} id={`${id}-error`} />
        <div className="row-gap">
          <button type="submit" className="btn primary" disabled={busy || !chosen} aria-busy={busy || undefined} data-testid="invite-submit">
            {t('members.inviteSubmit')}
          </button>
          <button type="button" className="btn" onClick={cancel}>
            {t('app.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
