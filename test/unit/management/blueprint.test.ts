import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blueprintFileName, validateBlueprint } from '../../../electron/core/management';
import { problemText } from '../../../shared/problems';

const fixtureText = readFileSync(new URL('../../fixtures/make-api/executions/blueprint.json', import.meta.url), 'utf8');

const problemsOf = (input: unknown): string[] => {
  const r = validateBlueprint(input);
  if (r.ok) throw new Error('expected problems');
  return r.problems.map((p) => problemText(p));
};

describe('validateBlueprint', () => {
  it('accepts the recorded blueprint as text, with a BOM, parsed, and wrapped as the API returns it', () => {
    for (const input of [fixtureText, `\uFEFF${fixtureText}`, JSON.parse(fixtureText), { code: 'OK', response: { blueprint: JSON.parse(fixtureText) } }]) {
      const r = validateBlueprint(input);
      expect(r).toMatchObject({ ok: true, name: 'Simple scenario', moduleCount: 1 });
    }
  });

  it('says when the file is not JSON or is empty', () => {
    expect(problemsOf('{"name": "x", "flow": [')[0]).toMatch(/not valid JSON/);
    expect(problemsOf('   ')).toEqual(['The file is empty.']);
    expect(problemsOf('name,flow\n1,2')[0]).toMatch(/not valid JSON/);
  });

  it('says what a non-object holds', () => {
    expect(problemsOf('[1,2]')[0]).toMatch(/this file holds a list/);
    expect(problemsOf('42')[0]).toMatch(/holds a number/);
    expect(problemsOf(null)[0]).toMatch(/holds null/);
  });

  it('names a missing flow and a missing name together', () => {
    expect(problemsOf({})).toEqual(['The blueprint has no "name".', 'The blueprint has no "flow" (the list of its modules).']);
    expect(problemsOf({ name: '  ', flow: {} })).toEqual([
      'The blueprint\'s "name" must be non-empty text.',
      'The blueprint\'s "flow" must be a list of modules; it is an object.',
    ]);
  });

  it('checks every module, inside router routes too', () => {
    const bp = {
      name: 'Router',
      flow: [
        { id: 1, module: 'http:ActionSendData' },
        { module: 'builtin:BasicRouter', routes: [{ flow: [{ id: 1, module: 'json:ParseJSON' }, { id: 3 }] }, { nope: true }] },
        'text',
        { id: 0, module: 'no-colon' },
      ],
    };
    expect(problemsOf(bp)).toEqual([
      'Module flow[1] has no "id".',
      'Module flow[1].routes[0].flow[0] repeats the id 1 of module flow[0].',
      'Module flow[1].routes[0].flow[1] has no "module" (the app and action, e.g. "http:ActionSendData").',
      'Route flow[1].routes[1] has no "flow" list.',
      'Module flow[2] is a string, not a module object.',
      'Module flow[3] has an "id" that is not a positive whole number.',
      'Module flow[3] has a "module" that is not of the form "app:Action".',
    ]);
  });

  it('recognizes an API listing saved by mistake and caps long problem lists', () => {
    expect(problemsOf({ scenarios: [], pg: {} })[0]).toMatch(/API listing/);
    const many = problemsOf({ name: 'x', flow: Array.from({ length: 20 }, () => ({})) });
    expect(many).toHaveLength(9);
    expect(many[8]).toMatch(/and 32 more problems/);
  });

  it('counts modules of a valid router blueprint', () => {
    const r = validateBlueprint({
      name: 'ok',
      flow: [{ id: 1, module: 'builtin:BasicRouter', routes: [{ flow: [{ id: 2, module: 'a:B' }] }, { flow: [{ id: 3, module: 'c:D' }] }] }],
    });
    expect(r).toMatchObject({ ok: true, moduleCount: 3 });
  });
});

describe('blueprintFileName', () => {
  it('keeps names readable and drops characters file systems refuse', () => {
    expect(blueprintFileName('経理: 請求書/月次 *sync*', 4)).toBe('経理 請求書 月次 sync.blueprint.json');
    expect(blueprintFileName('..', 7)).toBe('scenario-7.blueprint.json');
    expect(blueprintFileName('a\u0000b', 1)).toBe('a b.blueprint.json');
  });
});
