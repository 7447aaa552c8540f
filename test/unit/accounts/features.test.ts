import { describe, expect, it } from 'vitest';
import { ALL_APP_SCOPES, featuresFromScopes, missingFeatureLines } from '../../../electron/core/accounts';

const byId = (scopes: string[]) => Object.fromEntries(featuresFromScopes(scopes).map((f) => [f.feature, f]));

describe('featuresFromScopes', () => {
  it('allows everything with every scope the app uses', () => {
    const all = featuresFromScopes(ALL_APP_SCOPES);
    expect(all.every((f) => f.ok && f.missing.length === 0)).toBe(true);
    expect(missingFeatureLines(all)).toEqual([]);
  });

  it('names the single missing scope for running scenarios in plain words', () => {
    const f = byId(['organizations:read', 'teams:read', 'scenarios:read', 'scenarios:write']);
    expect(f['watch-scenarios']!.ok).toBe(true);
    expect(f['toggle-scenarios']!.ok).toBe(true);
    expect(f['run-scenarios']).toMatchObject({ ok: false, missing: ['scenarios:run'], message: "can't run scenarios: add scenarios:run" });
  });

  it('read-only scenario scopes: watch and history work, changes do not', () => {
    const f = byId(['organizations:read', 'teams:read', 'scenarios:read']);
    expect(f['watch-scenarios']!.message).toBe('can watch scenarios');
    expect(f['run-history']!.ok).toBe(true);
    expect(f['toggle-scenarios']!.message).toBe("can't turn scenarios on or off: add scenarios:write");
    expect(f['run-scenarios']!.missing).toEqual(['scenarios:write', 'scenarios:run']);
    expect(f['incomplete-executions']!.message).toBe("can't show incomplete executions: add dlqs:read");
    expect(f['webhooks']!.message).toBe("can't show webhooks: add hooks:read");
    expect(f['team-members']!.message).toBe("can't show team members: add user:read");
  });

  it('no scopes: watching is essential and lists all three scopes', () => {
    const f = byId([]);
    expect(f['watch-scenarios']).toMatchObject({ ok: false, essential: true, missing: ['organizations:read', 'teams:read', 'scenarios:read'] });
    expect(missingFeatureLines(featuresFromScopes([]))).toHaveLength(featuresFromScopes([]).length);
  });

  it('ignores unknown scopes and whitespace', () => {
    const f = byId([' dlqs:read ', 'admin:write', 'mcp:use']);
    expect(f['incomplete-executions']!.ok).toBe(true);
    expect(f['retry-incomplete-executions']!.missing).toEqual(['dlqs:write']);
  });
});
