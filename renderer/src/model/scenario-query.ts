// Pure selectors over the mirrored EngineState: filter, search and sort the scenario list.
// Built for 5,000 rows per keystroke: the sorted order is cached per (scenarios table, sort), so a
// keystroke is one linear filter pass over precomputed lowercase names.
import {
  HEALTH_ORDER,
  type AccountId,
  type EngineState,
  type FolderKey,
  type OrgKey,
  type ScenarioHealth,
  type ScenarioState,
  type TeamKey,
} from '../../../shared/domain';

export type Scope =
  | { kind: 'all' }
  | { kind: 'account'; id: AccountId }
  | { kind: 'org'; key: OrgKey }
  | { kind: 'team'; key: TeamKey }
  | { kind: 'folder'; key: FolderKey };

export type HealthFilter = 'all' | 'problems' | ScenarioHealth;
export type ActiveFilter = 'all' | 'active' | 'inactive';
export const SCHEDULE_KINDS = ['immediately', 'indefinitely', 'once', 'daily', 'weekly', 'monthly', 'yearly', 'on-demand', 'none'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];
export type ScheduleFilter = 'all' | ScheduleKind;
export type SortKey = 'severity' | 'name' | 'lastRun' | 'nextRun';
export type SortDir = 'asc' | 'desc';

export interface ScenarioQuery {
  text: string;
  scope: Scope;
  health: HealthFilter;
  active: ActiveFilter;
  schedule: ScheduleFilter;
  sort: SortKey;
  dir: SortDir;
}

/** The parts of the state the list query reads. */
export type ScenarioTables = Pick<EngineState, 'scenarios' | 'teams' | 'folders'>;

export const defaultQuery = (): ScenarioQuery => ({
  text: '',
  scope: { kind: 'all' },
  health: 'all',
  active: 'all',
  schedule: 'all',
  sort: 'severity',
  dir: 'asc',
});

export const PROBLEM_HEALTH: ReadonlySet<ScenarioHealth> = new Set(['off-by-make', 'failing', 'warning', 'paused']);
export const FAILING_HEALTH: ReadonlySet<ScenarioHealth> = new Set(['off-by-make', 'failing']);

const severityRank = new Map<ScenarioHealth, number>(HEALTH_ORDER.map((h, i) => [h, i]));
export const healthRank = (h: ScenarioHealth): number => severityRank.get(h) ?? HEALTH_ORDER.length;

export const lastRunAt = (s: ScenarioState): number | null => s.recentRuns[0]?.timestamp ?? null;

export function scheduleKind(s: ScenarioState): ScheduleKind {
  const t = s.scheduling?.type;
  if (!t) return 'none';
  return (SCHEDULE_KINDS as readonly string[]).includes(t) ? (t as ScheduleKind) : 'none';
}

const haystacks = new WeakMap<ScenarioState, string>();
function haystack(s: ScenarioState): string {
  let h = haystacks.get(s);
  if (h === undefined) {
    h = `${s.name}\n${s.id}\n${s.description}`.toLowerCase();
    haystacks.set(s, h);
  }
  return h;
}

const arrays = new WeakMap<EngineState['scenarios'], readonly ScenarioState[]>();
/** The table's scenarios as an array, made once per table: the sort, the counts and the search keys
 * all walk it (walking a 5,000-key object costs more than walking an array). */
export function scenarioArray(table: EngineState['scenarios']): readonly ScenarioState[] {
  let list = arrays.get(table);
  if (list === undefined) {
    list = Object.values(table);
    arrays.set(table, list);
  }
  return list;
}

/** Builds the search keys ahead of the first keystroke (e.g. when the page is idle after its first paint). */
export function warmSearchKeys(table: EngineState['scenarios']): void {
  for (const s of scenarioArray(table)) haystack(s);
}

/** Number of scenarios in a table (selectors run on every store change). */
export const scenarioCount = (table: EngineState['scenarios']): number => scenarioArray(table).length;

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Loads the collation data (the first comparison of a page takes milliseconds) ahead of the first sort. */
export function warmCollator(): void {
  collator.compare('Scenario 2', 'scenario 10');
}

/** Compare with nulls last whatever the direction. */
function cmpNullable(a: number | null, b: number | null, dir: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * dir;
}

export function compareScenarios(sort: SortKey, dir: SortDir): (a: ScenarioState, b: ScenarioState) => number {
  const d = dir === 'asc' ? 1 : -1;
  const byName = (a: ScenarioState, b: ScenarioState) => collator.compare(a.name, b.name) || a.key.localeCompare(b.key);
  switch (sort) {
    case 'name':
      return (a, b) => byName(a, b) * d;
    case 'lastRun':
      // "asc" on a time column means most recent first: that is what people want by default.
      return (a, b) => cmpNullable(lastRunAt(a), lastRunAt(b), -d) || byName(a, b);
    case 'nextRun':
      return (a, b) => cmpNullable(a.nextExec, b.nextExec, d) || byName(a, b);
    case 'severity':
    default:
      return (a, b) =>
        (healthRank(a.health) - healthRank(b.health)) * d || cmpNullable(lastRunAt(a), lastRunAt(b), -1) || byName(a, b);
  }
}

let sortedCache: { table: EngineState['scenarios']; sort: SortKey; dir: SortDir; rows: ScenarioState[] } | null = null;

/** All scenarios in the requested order; cached while the table and the sort stay the same. */
export function sortedScenarios(table: EngineState['scenarios'], sort: SortKey, dir: SortDir): ScenarioState[] {
  if (sortedCache && sortedCache.table === table && sortedCache.sort === sort && sortedCache.dir === dir) return sortedCache.rows;
  const rows = sort === 'severity' ? bySeverity(scenarioArray(table), dir) : [...scenarioArray(table)].sort(compareScenarios(sort, dir));
  sortedCache = { table, sort, dir, rows };
  return rows;
}

/** The default order, on every first render: same result as `compareScenarios('severity', dir)`.
 * Without a JavaScript comparator over 5,000 rows: the last runs are ranked with a native numeric
 * sort, then (health rank, last-run rank, position) is packed into one number per scenario and
 * sorted natively too. Only scenarios with the same health and the same last run (mostly never-run
 * ones) are then compared by name. */
function bySeverity(list: readonly ScenarioState[], dir: SortDir): ScenarioState[] {
  const n = list.length;
  const flip = dir === 'desc';
  // Newest run first, never-run last: sort by minus the time, with never-run as +Infinity.
  const lastKey = new Float64Array(n);
  for (let i = 0; i < n; i++) lastKey[i] = -(lastRunAt(list[i] as ScenarioState) ?? Number.NEGATIVE_INFINITY);
  const distinct = lastKey.slice().sort();
  const ranks = HEALTH_ORDER.length + 1;
  // (health rank · n + last-run rank) · n + position: below 2^53 for up to millions of scenarios.
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rank = healthRank((list[i] as ScenarioState).health);
    const lastRank = lowerBound(distinct, lastKey[i] as number);
    packed[i] = ((flip ? ranks - rank : rank) * n + lastRank) * n + i;
  }
  packed.sort();
  const out = new Array<ScenarioState>(n);
  const position = (k: number) => (packed[k] as number) % n;
  const group = (k: number) => Math.floor((packed[k] as number) / n);
  for (let k = 0; k < n; ) {
    let end = k + 1;
    while (end < n && group(end) === group(k)) end++;
    if (end - k === 1) out[k] = list[position(k)] as ScenarioState;
    else {
      const tied: ScenarioState[] = [];
      for (let j = k; j < end; j++) tied.push(list[position(j)] as ScenarioState);
      tied.sort((a, b) => collator.compare(a.name, b.name) || a.key.localeCompare(b.key));
      for (let j = k; j < end; j++) out[j] = tied[j - k] as ScenarioState;
    }
    k = end;
  }
  return out;
}

/** Index of the first element of sorted `xs` that is >= `x`. */
function lowerBound(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Folder keys at and below `root` (folders may nest). */
function folderSubtree(state: ScenarioTables, root: FolderKey): Set<FolderKey> {
  const keys = new Set<FolderKey>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of Object.values(state.folders)) {
      if (f.parentKey && keys.has(f.parentKey) && !keys.has(f.key)) {
        keys.add(f.key);
        grew = true;
      }
    }
  }
  return keys;
}

export function scopePredicate(state: ScenarioTables, scope: Scope): (s: ScenarioState) => boolean {
  switch (scope.kind) {
    case 'all':
      return () => true;
    case 'org':
      return (s) => s.orgKey === scope.key;
    case 'team':
      return (s) => s.teamKey === scope.key;
    case 'folder': {
      const keys = folderSubtree(state, scope.key);
      return (s) => s.folderKey !== null && keys.has(s.folderKey);
    }
    case 'account': {
      const teams = new Set(Object.values(state.teams).filter((t) => t.accountIds.includes(scope.id)).map((t) => t.key));
      return (s) => teams.has(s.teamKey);
    }
  }
}

const filtersNothing = (q: ScenarioQuery, text: string): boolean =>
  text === '' && q.scope.kind === 'all' && q.health === 'all' && q.active === 'all' && q.schedule === 'all';

/** The scenarios the list shows, in order. Without any filter this is the cached sorted array itself
 * (the first render's case): callers must not mutate what they get. */
export function queryScenarios(state: ScenarioTables, q: ScenarioQuery): readonly ScenarioState[] {
  const rows = sortedScenarios(state.scenarios, q.sort, q.dir);
  const text = q.text.trim().toLowerCase();
  if (filtersNothing(q, text)) return rows;
  const inScope = scopePredicate(state, q.scope);
  const out: ScenarioState[] = [];
  for (const s of rows) {
    if (q.health === 'problems' ? !PROBLEM_HEALTH.has(s.health) : q.health !== 'all' && s.health !== q.health) continue;
    if (q.active === 'active' ? !s.isActive : q.active === 'inactive' && s.isActive) continue;
    if (q.schedule !== 'all' && scheduleKind(s) !== q.schedule) continue;
    if (text && !haystack(s).includes(text)) continue;
    if (!inScope(s)) continue;
    out.push(s);
  }
  return out;
}
