// The members screen: an organization (from the sidebar's scope, or picked here) and optionally one of
// its teams; the people with their roles in plain words; invite, change a role, remove (asks first).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../../../shared/contract-members';
import type { OrgKey, TeamKey } from '../../../../shared/domain';
import { allowedMemberActions } from '../../../../shared/management-scopes';
import { useEngine, useServices, useUi } from '../../app-context';
import { ErrorNote } from '../../components/ErrorNote';
import { defaultOrg, orgOptions, scopeKeyOf, scopesOfOrg, targetOfScope } from '../hooks/management-target';
import { InviteForm } from './InviteForm';
import { MemberRow } from './MemberRow';
import { RemoveMemberDialog } from './RemoveMemberDialog';
import { MEMBERS_LIST_PLACE, useMemberList } from './use-member-list';

export default function MembersView() {
  const { t } = useTranslation();
  const { ui } = useServices();
  const id = useId();
  const state = useEngine((m) => m.engine);
  const scope = useUi((s) => s.query.scope);
  const scopeKey = scopeKeyOf(scope);
  const orgs = useMemo(() => orgOptions(state), [state]);
  const [picked, setPicked] = useState<{ orgKey: OrgKey; teamKey: TeamKey | null } | null>(null);
  useEffect(() => setPicked(null), [scopeKey]);

  const fromScope = targetOfScope(state, scope);
  const orgKey = picked && state.orgs[picked.orgKey] ? picked.orgKey : defaultOrg(state, scope);
  const teamKey = picked ? (picked.teamKey && state.teams[picked.teamKey] ? picked.teamKey : null) : orgKey === fromScope.orgKey ? fromScope.teamKey : null;
  const org = orgs.find((o) => o.key === orgKey);
  const team = teamKey ? (org?.teams.find((tm) => tm.key === teamKey) ?? null) : null;

  const perms = useMemo(() => allowedMemberActions(scopesOfOrg(state, orgKey)), [state, orgKey]);
  const canList = team ? perms.listTeamMembers : perms.listOrganizationMembers;
  const canChangeRole = (team ? perms.changeTeamRole : perms.changeOrganizationRole).allowed;
  const list = useMemberList(orgKey, teamKey, canList.allowed);
  const busy = useUi((s) => MEMBERS_LIST_PLACE in s.busy);
  const [inviting, setInviting] = useState(false);
  const [removing, setRemoving] = useState<MemberView | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => setInviting(false), [orgKey, teamKey]);
  // Nobody removes themselves from here: it would cut this very account off.
  const selfEmail = orgKey ? state.accounts[state.orgs[orgKey]?.accountIds[0] ?? '']?.email : undefined;

  const toast = (message: string) => ui.getState().pushToast({ kind: 'success', message, error: null, key: null });
  const where = team ? `${org?.name ?? ''} · ${team.name}` : (org?.name ?? '');

  return (
    <main className="content manage" aria-labelledby={`${id}-title`} data-testid="members-view">
      <div className="toolbar">
        <h2 id={`${id}-title`} ref={titleRef} tabIndex={-1}>
          {t('members.title')}
        </h2>
        {orgs.length > 0 && (
          <>
            <label className="field-inline">
              {t('members.organization')}
              <select value={orgKey ?? ''} onChange={(e) => setPicked({ orgKey: e.target.value, teamKey: null })} data-testid="members-org">
                {orgs.map((o) => (
                  <option key={o.key} value={o.key}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field-inline">
              {t('members.team')}
              <select
                value={teamKey ?? ''}
                onChange={(e) => orgKey && setPicked({ orgKey, teamKey: e.target.value || null })}
                data-testid="members-team"
              >
                <option value="">{t('members.wholeOrg')}</option>
                {org?.teams.map((tm) => (
                  <option key={tm.key} value={tm.key}>
                    {tm.name}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {orgKey && canList.allowed && (
          <button type="button" className="btn" disabled={busy} onClick={() => void list.reload()} data-testid="members-reload">
            {t('members.reload')}
          </button>
        )}
        {orgKey && perms.invite.allowed && !inviting && (
          <button type="button" className="btn primary" onClick={() => setInviting(true)} data-testid="member-invite">
            {t('members.invite')}
          </button>
        )}
        {list.members && <span className="count muted">{t('members.count', { count: list.members.length })}</span>}
      </div>
      <div className="manage-body">
        {!orgKey && <p className="empty muted">{t('members.noOrgs')}</p>}
        {orgKey && !canList.allowed && (
          <p className="notice" data-testid="members-cant-list">
            {t('members.cantList', { scopes: canList.missing.join('”, “') })}
          </p>
        )}
        <ErrorNote place={MEMBERS_LIST_PLACE} />
        {orgKey && inviting && (
          <InviteForm
            orgKey={orgKey}
            orgName={org?.name ?? ''}
            team={team}
            orgRoles={team ? null : list.members ? list.roles : null}
            onCancel={() => {
              setInviting(false);
              titleRef.current?.focus();
            }}
            onInvited={(member) => {
              setInviting(false);
              titleRef.current?.focus();
              toast(t('members.invited', { email: member.email ?? member.name }));
              if (team) void list.reload();
              else list.put(member);
            }}
          />
        )}
        {orgKey && canList.allowed && list.members === null && busy && (
          <p className="empty muted" aria-busy="true">
            {t('members.loading')}
          </p>
        )}
        {list.members && list.members.length === 0 && <p className="empty muted">{t('members.empty')}</p>}
        {orgKey && list.members && list.members.length > 0 && (
          <table className="manage-table" aria-label={t('members.tableLabel', { where })} aria-busy={busy || undefined} data-testid="members-table">
            <thead>
              <tr>
                <th scope="col">{t('members.col.name')}</th>
                <th scope="col">{t('members.col.email')}</th>
                <th scope="col">{t('members.col.role')}</th>
                <th scope="col">{t('members.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.members.map((m) => (
                <MemberRow
                  key={m.userId}
                  member={m}
                  roles={list.roles}
                  orgKey={orgKey}
                  teamKey={teamKey}
                  canChangeRole={canChangeRole}
                  canRemove={perms.remove.allowed && m.email !== selfEmail && (team !== null || m.changeable)}
                  onChanged={(change) => list.patch(m.userId, change)}
                  onRemove={() => setRemoving(m)}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>
      {removing && orgKey && (
        <RemoveMemberDialog
          member={removing}
          orgKey={orgKey}
          orgName={org?.name ?? ''}
          onClose={() => setRemoving(null)}
          onRemoved={() => {
            list.drop(removing.userId);
            setRemoving(null);
            toast(t('members.removed', { name: removing.name, org: org?.name ?? '' }));
            titleRef.current?.focus();
          }}
        />
      )}
    </main>
  );
}
