import { describe, expect, it } from 'vitest';
import { HEALTH_ORDER } from '../../../shared/domain';
import type { ScenarioHealth } from '../../../shared/domain';
import { compareHealth, deriveHealth, healthSeverity } from '../../../electron/core/policy/health';
import { run, T0 } from '../state/make-state';

const facts = (over: Partial<{ isActive: boolean; isinvalid: boolean; isPaused: boolean }> = {}) => ({
  isActive: true,
  isinvalid: false,
  isPaused: false,
  ...over,
});

describe('deriveHealth', () => {
  it('switched off by Make beats every run outcome', () => {
    expect(deriveHealth(facts({ isinvalid: true, isActive: false }), [run(1, 1, T0)])).toBe('off-by-make');
    expect(deriveHealth(facts({ isinvalid: true, isPaused: true }), [run(1, 3, T0)])).toBe('off-by-make');
  });

  it('follows the newest finished run, ignoring runs still going and list order', () => {
    const runs = [run(1, 1, T0), run(2, 3, T0 + 1000), run(3, 'running', T0 + 2000)];
    expect(deriveHealth(facts(), runs)).toBe('failing');
    expect(deriveHealth(facts(), [run(4, 1, T0 + 5000), ...runs])).toBe('ok');
    expect(deriveHealth(facts(), [run(5, 2, T0 + 6000), ...runs])).toBe('warning');
  });

  it('a failing run shows even when the scenario was paused or switched off by the user', () => {
    expect(deriveHealth(facts({ isPaused: true }), [run(1, 3, T0)])).toBe('failing');
    expect(deriveHealth(facts({ isActive: false }), [run(1, 3, T0)])).toBe('failing');
  });

  it('paused, inactive and ok without a problem run', () => {
    expect(deriveHealth(facts({ isPaused: true }), [run(1, 1, T0)])).toBe('paused');
    expect(deriveHealth(facts({ isActive: false }), [])).toBe('inactive');
    expect(deriveHealth(facts(), [])).toBe('ok');
    expect(deriveHealth(facts(), [run(1, 'running', T0)])).toBe('ok');
  });
});

describe('severity', () => {
  it('sorts worst first in HEALTH_ORDER', () => {
    const shuffled: ScenarioHealth[] = ['ok', 'unknown', 'failing', 'inactive', 'paused', 'off-by-make', 'warning'];
    expect([...shuffled].sort(compareHealth)).toEqual(HEALTH_ORDER);
    expect(healthSeverity('off-by-make')).toBeLessThan(healthSeverity('failing'));
  });
});
