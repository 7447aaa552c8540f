// What one account can reach: user → organizations of its zone (with apiLimit) → teams → folders.
// Run rarely (start, every 30 min, on demand); every organization-scoped call goes through `governed`.
import { orgKey as makeOrgKey } from '../../../shared/domain';
import type { OrgKey, ZoneHost } from '../../../shared/domain';
import { flattenFolders } from '../make';
import type { MakeClient, MakeOrganizationSummary } from '../make';
import type { DiscoveredFolder, DiscoveredOrg, DiscoveredTeam } from '../state';

export interface DiscoveredAccount {
  userName: string;
  email: string;
  /** Null when the credential's scopes could not be read. */
  scopes: string[] | null;
  orgs: DiscoveredOrg[];
  teams: DiscoveredTeam[];
  folders: DiscoveredFolder[];
  /** Organizations the account belongs to in other zones: they need an account for that zone. */
  otherZoneOrgs: { id: number; name: string; zone: string }[];
}

/** Runs `task` under the governor for `orgKey` (user-visible priority). */
export type Governed = <T>(orgKey: OrgKey, task: (signal: AbortSignal) => Promise<T>) => Promise<T>;

/**
 * Whether an organization listed by a client of `clientZone` lives in that zone. Make fills `license`
 * only for organizations of the zone called; the zone name (`eu1`) prefixing the host is the other hint.
 */
export function isSameZone(org: Pick<MakeOrganizationSummary, 'zone' | 'license'>, clientZone: ZoneHost): boolean {
  const z = (org.zone ?? '').toLowerCase();
  const host = clientZone.toLowerCase();
  if (z && (host === z || host.startsWith(`${z}.`))) return true;
  return org.license !== undefined && org.license !== null;
}

export async function discoverAccount(client: MakeClient, governed: Governed, signal?: AbortSignal): Promise<DiscoveredAccount> {
  const o = signal ? { signal } : undefined;
  const me = await client.getMe(o);
  const scopes = await client.getCurrentAuthorization(o).then(
    (a) => a.scope,
    () => null,
  );
  const listed = await client.listOrganizations({}, o);
  const zone = client.zone;
  const orgs: DiscoveredOrg[] = [];
  const teams: DiscoveredTeam[] = [];
  const folders: DiscoveredFolder[] = [];
  const otherZoneOrgs: DiscoveredAccount['otherZoneOrgs'] = [];

  for (const org of listed) {
    if (!isSameZone(org, zone)) {
      otherZoneOrgs.push({ id: org.id, name: org.name, zone: org.zone ?? '' });
      continue;
    }
    const key = makeOrgKey(zone, org.id);
    let apiLimit = org.license?.apiLimit ?? null;
    let minIntervalMinutes = org.license?.interval ?? null;
    let productName = org.productName ?? null;
    if (apiLimit === null) {
      const full = await governed(key, (s) => client.getOrganization(org.id, { signal: s }));
      apiLimit = full.license?.apiLimit ?? null;
      minIntervalMinutes = full.license?.interval ?? minIntervalMinutes;
      productName = full.productName ?? productName;
    }
    orgs.push({ id: org.id, zone, name: org.name, productName, apiLimit, minIntervalMinutes });
    const orgTeams = await governed(key, (s) => client.listTeams(org.id, { signal: s }));
    for (const t of orgTeams) {
      teams.push({ id: t.id, zone, orgId: org.id, name: t.name });
      const tree = await governed(key, (s) => client.listFolders(t.id, { signal: s }));
      for (const f of flattenFolders(tree)) folders.push({ id: f.id, zone, teamId: t.id, name: f.name, parentId: f.parentId });
    }
  }
  return { userName: me.name, email: me.email, scopes, orgs, teams, folders, otherZoneOrgs };
}
