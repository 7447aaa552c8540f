import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, countsAgainstRateLimit, encodeQuery } from '../../../electron/core/make';
import { fillPath, methodOf } from '../../../electron/core/make/endpoints';

describe('encodeQuery', () => {
  it('encodes arrays as name[] and pg as pg[key], skipping undefined/null', () => {
    const q = encodeQuery({ teamId: 18, cols: ['id', 'name'], folderId: undefined, x: null, isActive: false }, { offset: 0, limit: 50, sortBy: undefined });
    expect(q).toBe('teamId=18&cols%5B%5D=id&cols%5B%5D=name&isActive=false&pg%5Boffset%5D=0&pg%5Blimit%5D=50');
    const back = new URLSearchParams(q);
    expect(back.getAll('cols[]')).toEqual(['id', 'name']);
    expect(back.get('pg[limit]')).toBe('50');
  });

  it('round-trips any values', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 5 }), fc.string(), (cols, name) => {
        const back = new URLSearchParams(encodeQuery({ cols, executionName: name }));
        expect(back.getAll('cols[]')).toEqual(cols);
        expect(back.get('executionName')).toBe(name);
      }),
    );
  });

  it('empty input gives an empty string', () => {
    expect(encodeQuery({})).toBe('');
  });
});

describe('fillPath', () => {
  it('fills ids', () => {
    expect(fillPath(ENDPOINTS.getExecutionDetail, { scenarioId: 12, executionId: 'abc123' })).toBe('/scenarios/12/executions/abc123');
    expect(methodOf(ENDPOINTS.updateScenario)).toBe('PATCH');
  });

  it('keeps any string id inside one path segment', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s !== '.' && s !== '..'),
        (id) => {
          const path = fillPath(ENDPOINTS.getDlq, { dlqId: id });
          expect(path.startsWith('/dlqs/')).toBe(true);
          expect(path.slice('/dlqs/'.length)).not.toContain('/');
          expect(decodeURIComponent(path.slice('/dlqs/'.length))).toBe(id);
        },
      ),
    );
  });

  it('rejects missing, negative, fractional and dot-segment ids', () => {
    expect(() => fillPath(ENDPOINTS.getScenario, {})).toThrow(TypeError);
    expect(() => fillPath(ENDPOINTS.getScenario, { scenarioId: -1 })).toThrow(TypeError);
    expect(() => fillPath(ENDPOINTS.getScenario, { scenarioId: 1.5 })).toThrow(TypeError);
    expect(() => fillPath(ENDPOINTS.getDlq, { dlqId: '..' })).toThrow(TypeError);
    expect(() => fillPath(ENDPOINTS.getDlq, { dlqId: '' })).toThrow(TypeError);
  });
});

describe('countsAgainstRateLimit', () => {
  it('only the run endpoint is exempt', () => {
    const exempt = Object.values(ENDPOINTS).filter((e) => !countsAgainstRateLimit(e));
    expect(exempt).toEqual(['POST /scenarios/{scenarioId}/run']);
  });
});
