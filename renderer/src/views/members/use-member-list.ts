// The members of an organization (or one of its teams) with the roles they can be given, loaded through
// the contract, with local updates after each action.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MemberView, RoleView } from '../../../../shared/contract-members';
import type { OrgKey, TeamKey } from '../../../../shared/domain';
import { useServices } from '../../app-context';
import { act, errorPlace } from '../../store/ui-store';

export const MEMBERS_LIST_PLACE = errorPlace('members', 'list');

export interface MemberList {
  members: MemberView[] | null;
  roles: RoleView[];
  reload(): Promise<void>;
  put(member: MemberView): void;
  patch(userId: number, change: Partial<MemberView>): void;
  drop(userId: number): void;
}

export function useMemberList(orgKey: OrgKey | null, teamKey: TeamKey | null, canList: boolean): MemberList {
  const { api, ui } = useServices();
  const [data, setData] = useState<{ members: MemberView[]; roles: RoleView[] } | null>(null);
  const target = `${orgKey}|${teamKey}`;
  // A slow answer for a place the user has left must not land in the new list.
  const current = useRef(target);
  current.current = target;

  const reload = useCallback(async () => {
    if (!orgKey) return;
    const r = await act(ui, MEMBERS_LIST_PLACE, () => api.invoke('members.list', teamKey ? { orgKey, teamKey } : { orgKey }));
    if (r && current.current === `${orgKey}|${teamKey}`) setData(r);
  }, [api, ui, orgKey, teamKey]);

  useEffect(() => {
    setData(null);
    ui.getState().setError(MEMBERS_LIST_PLACE, null);
    if (canList) void reload();
  }, [reload, canList, ui]);

  const update = (fn: (ms: MemberView[]) => MemberView[]) => setData((d) => (d ? { ...d, members: fn(d.members) } : d));
  return {
    members: data?.members ?? null,
    roles: data?.roles ?? [],
    reload,
    put: (m) => update((ms) => [...ms.filter((x) => x.userId !== m.userId), m]),
    patch: (userId, change) => update((ms) => ms.map((m) => (m.userId === userId ? { ...m, ...change } : m))),
    drop: (userId) => update((ms) => ms.filter((m) => m.userId !== userId)),
  };
}
