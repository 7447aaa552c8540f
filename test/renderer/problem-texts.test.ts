import { describe, expect, it } from 'vitest';
import { PROBLEM_TEXTS_EN, kindOf, problem, problemText, type ProblemCode } from '../../shared/problems';
import { jaProblems } from '../../renderer/src/i18n/locales/ja-problems';

const codes = Object.keys(PROBLEM_TEXTS_EN).filter((k) => !k.startsWith('kind.')) as ProblemCode[];
const params = { where: 'line 3', kind: 'list', at: 'flow[2]', id: 4, other: 'flow[0]', count: 3, type: 'hourly', time: '25:00', minutes: 15 };

describe('problem texts', () => {
  it('fill every placeholder, in English and in Japanese', () => {
    for (const code of codes) {
      for (const table of [PROBLEM_TEXTS_EN, jaProblems]) {
        const text = problemText(problem(code, params), table);
        expect(text, code).not.toMatch(/\{\{|\}\}/);
        expect(text.length, code).toBeGreaterThan(5);
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    const names = (t: string) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const code of codes) expect(names(jaProblems[code]), code).toEqual(names(PROBLEM_TEXTS_EN[code]));
  });

  it('word the kind of a value in the table’s language', () => {
    expect(problemText(problem('not-object', { kind: kindOf([]) }))).toBe('A blueprint is a JSON object with "name" and "flow"; this file holds a list.');
    expect(problemText(problem('not-object', { kind: kindOf('x') }), jaProblems)).toContain('文字列');
    expect([null, [], {}, 's', 1, true, undefined].map(kindOf)).toEqual(['null', 'list', 'object', 'text', 'number', 'boolean', 'other']);
  });
});
