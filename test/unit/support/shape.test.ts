// The fixture shape comparer must catch every kind of difference it promises to catch.
import { describe, expect, test } from 'vitest';
import { compareShape, describeShape, formatShapeDiffs, shapeOf } from '../../support/shape';

const scenario = {
  id: 925,
  name: 'New scenario',
  folderId: null,
  isActive: false,
  scheduling: { type: 'indefinitely', interval: 900 },
  createdByUser: { id: 985, name: '...', email: '...' },
  usedPackages: ['json'],
};
const fixture = { scenario };

describe('compareShape', () => {
  test('the same shape with other values matches', () => {
    const answer = {
      scenario: { ...scenario, id: 1, name: 'Other', isActive: true, scheduling: { type: 'on-demand', interval: 0 }, usedPackages: ['a', 'b'] },
    };
    expect(compareShape(fixture, answer)).toEqual([]);
  });

  test('a missing key is reported with its path and expected type', () => {
    const { isActive: _drop, ...rest } = scenario;
    expect(compareShape(fixture, { scenario: rest })).toEqual([
      { path: '$.scenario.isActive', problem: 'missing-key', expected: 'boolean', actual: 'missing' },
    ]);
  });

  test('an extra key is reported', () => {
    expect(compareShape(fixture, { scenario: { ...scenario, lastRunAt: 'x' } })).toEqual([
      { path: '$.scenario.lastRunAt', problem: 'extra-key', expected: 'no such key', actual: 'string' },
    ]);
    expect(compareShape(fixture, { ...fixture, pg: {} })[0]).toMatchObject({ path: '$.pg', problem: 'extra-key', actual: 'object' });
  });

  test('a type change is reported', () => {
    expect(compareShape(fixture, { scenario: { ...scenario, id: '925' } })).toEqual([
      { path: '$.scenario.id', problem: 'type', expected: 'number', actual: 'string' },
    ]);
    expect(compareShape(fixture, { scenario: { ...scenario, scheduling: '{"type":"on-demand"}' } })[0]).toMatchObject({
      path: '$.scenario.scheduling',
      expected: 'object',
      actual: 'string',
    });
    expect(compareShape(fixture, { scenario: [scenario] })[0]).toMatchObject({ path: '$.scenario', expected: 'object', actual: 'array' });
  });

  test('nested differences are found, inside objects and array elements', () => {
    const answer = {
      scenario: { ...scenario, createdByUser: { id: 1, name: 'x' }, usedPackages: ['a', 7] },
    };
    expect(compareShape(fixture, answer)).toEqual([
      { path: '$.scenario.createdByUser.email', problem: 'missing-key', expected: 'string', actual: 'missing' },
      { path: '$.scenario.usedPackages[1]', problem: 'type', expected: 'string', actual: 'number' },
    ]);
    const list = { items: [{ a: { b: { c: 1 } } }] };
    expect(compareShape(list, { items: [{ a: { b: { c: 1 } } }, { a: { b: { c: true } } }] })).toEqual([
      { path: '$.items[1].a.b.c', problem: 'type', expected: 'number', actual: 'boolean' },
    ]);
    expect(compareShape(list, { items: [{ a: { b: { c: 1, d: 2 } } }] })[0]).toMatchObject({ path: '$.items[0].a.b.d', problem: 'extra-key' });
  });

  test('the root must have the same type', () => {
    expect(compareShape({ a: 1 }, [1])[0]).toMatchObject({ path: '$', problem: 'type' });
    expect(compareShape({ a: 1 }, 'text')[0]).toMatchObject({ path: '$', problem: 'type' });
  });

  describe('null', () => {
    test('null in the fixture matches any type', () => {
      expect(compareShape({ folderId: null }, { folderId: 7 })).toEqual([]);
      expect(compareShape({ output: null }, { output: [{ name: 'x' }] })).toEqual([]);
    });
    test('null in the answer matches any fixture type', () => {
      expect(compareShape({ nextExec: '2021-09-22T06:41:56.692Z', user: { id: 1 } }, { nextExec: null, user: null })).toEqual([]);
    });
    test('but a null-valued key still has to be present', () => {
      expect(compareShape({ folderId: null, id: 1 }, { id: 1 })[0]).toMatchObject({ path: '$.folderId', problem: 'missing-key', expected: 'any' });
    });
  });

  describe('arrays', () => {
    const list = {
      orgs: [
        { id: 5, name: 'a', privateSpaces: [{ id: 1 }] },
        { id: 6, name: 'b' },
      ],
    };
    test('keys seen in only some fixture elements are optional, keys seen in all are required', () => {
      expect(compareShape(list, { orgs: [{ id: 1, name: 'x' }, { id: 2, name: 'y', privateSpaces: [{ id: 3 }] }] })).toEqual([]);
      expect(compareShape(list, { orgs: [{ id: 1, privateSpaces: [{ id: 2 }] }] })).toEqual([
        { path: '$.orgs[0].name', problem: 'missing-key', expected: 'string', actual: 'missing' },
      ]);
    });
    test('the merged element shape admits the types of every fixture element', () => {
      const mixed = { xs: [{ v: 1 }, { v: 'one' }, { v: null }] };
      expect(compareShape(mixed, { xs: [{ v: 2 }, { v: 'two' }] })).toEqual([]);
      expect(compareShape(mixed, { xs: [{ v: false }] })[0]).toMatchObject({ expected: 'number|string', actual: 'boolean' });
    });
    test('an empty answer array where the fixture has elements is a difference', () => {
      expect(compareShape(list, { orgs: [] })).toEqual([
        { path: '$.orgs', problem: 'empty-array', expected: 'array of object (≥1 element)', actual: 'empty array' },
      ]);
    });
    test('for arrays inside list items, one non-empty occurrence is enough; all empty is a difference', () => {
      const folders = { folders: [{ id: 1, children: [{ id: 2 }] }] };
      expect(compareShape(folders, { folders: [{ id: 5, children: [] }, { id: 6, children: [{ id: 7 }] }] })).toEqual([]);
      expect(compareShape(folders, { folders: [{ id: 5, children: [] }, { id: 6, children: [] }] })).toEqual([
        { path: '$.folders[0].children', problem: 'empty-array', expected: 'array of object (≥1 element)', actual: 'empty array' },
      ]);
      expect(compareShape(folders, { folders: [{ id: 5, children: [{ id: '7' }] }] })[0]).toMatchObject({ path: '$.folders[0].children[0].id', problem: 'type' });
    });
    test('an empty fixture array accepts any elements', () => {
      expect(compareShape({ input_spec: [] }, { input_spec: [{ name: 'x' }, 1] })).toEqual([]);
      expect(compareShape({ input_spec: [] }, { input_spec: {} })[0]).toMatchObject({ problem: 'type', expected: 'array', actual: 'object' });
    });
  });

  describe('maps', () => {
    test('an empty fixture object accepts any keys', () => {
      expect(compareShape({ features: {} }, { features: { a: true, b: { c: 1 } } })).toEqual([]);
    });
    test('an object keyed by ids compares every value with the merged value shape', () => {
      const bundle = { response: { '1': { error: { type: 'E', message: 'm' } }, '3': { value: 'v' } } };
      expect(compareShape(bundle, { response: { '7': { value: 'x' }, '9': { error: { type: 'T', message: 'n' } } } })).toEqual([]);
      expect(compareShape(bundle, { response: { '7': { value: 3 } } })).toEqual([
        { path: '$.response.7.value', problem: 'type', expected: 'string', actual: 'number' },
      ]);
      expect(compareShape(bundle, { response: { '7': { other: 1 } } })[0]).toMatchObject({ path: '$.response.7.other', problem: 'extra-key' });
    });
    test('paths listed in options.maps are maps', () => {
      const detail = { status: 'SUCCESS', outputs: { output1: 'text', output2: 123 } };
      expect(compareShape(detail, { status: 'ERROR', outputs: { greeting: 'hi' } })).toContainEqual({
        path: '$.outputs.greeting',
        problem: 'extra-key',
        expected: 'no such key',
        actual: 'string',
      });
      expect(compareShape(detail, { status: 'ERROR', outputs: { greeting: 'hi' } }, { maps: ['$.outputs'] })).toEqual([]);
      expect(compareShape(detail, { status: 'ERROR', outputs: { greeting: [] } }, { maps: ['$.outputs'] })[0]).toMatchObject({
        path: '$.outputs.greeting',
        problem: 'type',
        expected: 'number|string',
      });
    });
  });

  describe('variants', () => {
    const list = { scenarios: [{ id: 1, scheduling: { type: 'on-demand' } }] };
    const variants = { '$.scenarios[].scheduling': [{ type: 'indefinitely', interval: 900 }, { type: 'weekly', time: '08:00', days: [1] }] };
    test('keys of other variants are allowed, typed, and optional', () => {
      const answer = { scenarios: [{ id: 2, scheduling: { type: 'indefinitely', interval: 60 } }, { id: 3, scheduling: { type: 'weekly', time: '09:00', days: [2] } }] };
      expect(compareShape(list, answer)[0]).toMatchObject({ path: '$.scenarios[0].scheduling.interval', problem: 'extra-key' });
      expect(compareShape(list, answer, { variants })).toEqual([]);
      expect(compareShape(list, { scenarios: [{ id: 2, scheduling: { type: 'indefinitely', interval: '60' } }] }, { variants })).toEqual([
        { path: '$.scenarios[0].scheduling.interval', problem: 'type', expected: 'number', actual: 'string' },
      ]);
    });
    test('keys shared by every variant stay required; unknown keys stay extra', () => {
      expect(compareShape(list, { scenarios: [{ id: 2, scheduling: { interval: 60 } }] }, { variants })).toEqual([
        { path: '$.scenarios[0].scheduling.type', problem: 'missing-key', expected: 'string', actual: 'missing' },
      ]);
      expect(compareShape(list, { scenarios: [{ id: 2, scheduling: { type: 'x', cron: '* * * * *' } }] }, { variants })[0]).toMatchObject({
        path: '$.scenarios[0].scheduling.cron',
        problem: 'extra-key',
      });
    });
    test('a variant can widen a type seen in a sibling fixture', () => {
      expect(compareShape({ license: { apps: 'T2' } }, { license: { apps: ['T2'] } }, { variants: { '$.license': [{ apps: ['T2', 'T3'] }] } })).toEqual([]);
    });
  });

  test('describeShape and formatShapeDiffs are readable', () => {
    expect(describeShape(shapeOf(null))).toBe('any');
    expect(describeShape(shapeOf([1]))).toBe('array');
    const text = formatShapeDiffs(compareShape(fixture, { scenario: { ...scenario, id: '1', extra: 1 } }));
    expect(text).toContain('$.scenario.id: type (expected number, got string)');
    expect(text).toContain('$.scenario.extra: extra-key');
  });
});
