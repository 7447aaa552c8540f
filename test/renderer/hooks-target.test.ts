// Which organization and team the management views start on, and whose scopes decide what they offer.
import { describe, expect, it } from 'vitest';
import { defaultOrg, defaultTeam, orgOptions, scopesOfOrg, targetOfScope } from '../../renderer/src/views/hooks/management-target';
import { makeWorld } from './support/world';

const Z = 'eu1.make.com';

describe('management targets', () => {
  const w = makeWorld(0);

  it('offers organizations and their teams by name', () => {
    expect(orgOptions(w).map((o) => [o.name, o.teams.map((t) => t.name)])).toEqual([
      ['Acme Corp', ['Team 10', 'Team 11']],
      ['Birch & Co', ['Team 20', 'Team 21']],
    ]);
  });

  it('follows the sidebar: a team, a folder’s team, an organization, an account, or the first', () => {
    expect(targetOfScope(w, { kind: 'team', key: `${Z}/t21` })).toEqual({ orgKey: `${Z}/o2`, teamKey: `${Z}/t21` });
    expect(targetOfScope(w, { kind: 'folder', key: `${Z}/f1100` })).toEqual({ orgKey: `${Z}/o1`, teamKey: `${Z}/t11` });
    expect(defaultTeam(w, { kind: 'org', key: `${Z}/o2` })).toBe(`${Z}/t20`);
    expect(defaultTeam(w, { kind: 'all' })).toBe(`${Z}/t10`);
    expect(defaultOrg(w, { kind: 'account', id: 'a1' })).toBe(`${Z}/o1`);
    expect(defaultOrg(w, { kind: 'team', key: `${Z}/t20` })).toBe(`${Z}/o2`);
    // A team that vanished (signed out) falls back instead of pointing nowhere.
    expect(defaultTeam(w, { kind: 'team', key: `${Z}/t99` })).toBe(`${Z}/t10`);
  });

  it('uses the scopes of the first signed-in account of the organization; none known means "let Make decide"', () => {
    const s = makeWorld(0);
    expect(scopesOfOrg(s, `${Z}/o1`)).toBeNull();
    s.accounts.a1!.scopes = ['hooks:read'];
    expect(scopesOfOrg(s, `${Z}/o1`)).toEqual(['hooks:read']);
    s.accounts.a1!.status = 'needs-sign-in';
    expect(scopesOfOrg(s, `${Z}/o1`)).toBeNull();
    expect(scopesOfOrg(s, null)).toBeNull();
  });
});
