import { describe, expect, it } from 'vitest';
import {
  flattenFolders,
  parseMakeTime,
  runStatusOfExecution,
  toDomainScheduling,
  toExecutionDetail,
  toRunResult,
  toRunSummary,
  toScenarioLog,
} from '../../../electron/core/make';

describe('mappers', () => {
  it('parseMakeTime', () => {
    expect(parseMakeTime('2021-09-23T04:35:44.497Z')).toBe(1632371744497);
    expect(parseMakeTime(null)).toBeNull();
    expect(parseMakeTime(undefined)).toBeNull();
    expect(parseMakeTime('nope')).toBeNull();
  });

  it('log → RunSummary with error text from the detail', () => {
    const log = toScenarioLog({ id: 77, status: 3, timestamp: '2021-09-23T04:35:44.497Z', duration: 5, operations: 2, transfer: 9, type: 'auto' });
    expect(log.id).toBe('77');
    const detail = toExecutionDetail({ status: 'ERROR', error: { name: 'E', message: 'Boom', causeModule: { name: null, appName: 'http' } } });
    expect(toRunSummary(log, detail)).toEqual({
      id: '77',
      status: 3,
      timestamp: 1632371744497,
      durationMs: 5,
      operations: 2,
      transfer: 9,
      type: 'auto',
      errorMessage: 'Boom',
      errorModule: 'http',
    });
    expect(toRunSummary({ ...log, status: 0 }).status).toBe('running');
    expect(toRunSummary(log).errorMessage).toBeNull();
  });

  it('execution status → run status', () => {
    expect(['RUNNING', 'SUCCESS', 'WARNING', 'ERROR', 'PAUSED'].map(runStatusOfExecution)).toEqual(['running', 1, 2, 3, null]);
  });

  it('responsive run status in either form', () => {
    expect(toRunResult({ executionId: 'e', status: 1 })).toEqual({ executionId: 'e', status: 1 });
    expect(toRunResult({ executionId: 'e', status: 'ERROR', outputs: null })).toEqual({ executionId: 'e', status: 3, outputs: null });
    expect(toRunResult({ executionId: 'e', status: 'odd' })).toEqual({ executionId: 'e' });
  });

  it('scheduling', () => {
    expect(toDomainScheduling({ type: 'weekly', time: '08:00', days: [1, '3'] })).toEqual({ type: 'weekly', time: '08:00', days: [1, 3] });
    expect(toDomainScheduling(null)).toBeNull();
  });

  it('flattenFolders keeps parents first and infers parentId from nesting', () => {
    const flat = flattenFolders([{ id: 1, name: 'a', children: [{ id: 2, name: 'b', children: [{ id: 3, name: 'c' }] }] }, { id: 2, name: 'dup' }]);
    expect(flat.map((f) => [f.id, f.parentId])).toEqual([
      [1, null],
      [2, 1],
      [3, 2],
    ]);
    expect(flat.some((f) => 'children' in f)).toBe(false);
  });
});
