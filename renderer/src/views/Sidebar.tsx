// accounts → organizations → teams → folders, each with its count of failing scenarios.
// A tree (role="tree") navigable with the arrow keys; choosing an item scopes the list.
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineState } from '../../../shared/domain';
import { useEngine, useServices, useUi } from '../app-context';
import { buildTree } from '../model/overview';
import { scenarioCount, type Scope } from '../model/scenario-query';

const NOT_COUNTED: EngineState['scenarios'] = {};

/**
 * The scenarios to count failing ones in: none until the page has been idle once after the first
 * scenarios came. Counting walks every scenario; on the window's first render that waits until the
 * list has painted, and the badges follow a moment later. Later tables are counted at once.
 */
function useCountedScenarios(scenarios: EngineState['scenarios']): EngineState['scenarios'] {
  const hasScenarios = scenarioCount(scenarios) > 0;
  const [counting, setCounting] = useState(false);
  useEffect(() => {
    if (!hasScenarios || counting) return;
    const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 0));
    const cancel = globalThis.cancelIdleCallback ?? clearTimeout;
    const id = idle(() => setCounting(true));
    return () => cancel(id as number);
  }, [hasScenarios, counting]);
  return counting ? scenarios : NOT_COUNTED;
}

const scopeId = (s: Scope) => (s.kind === 'all' ? 'all' : s.kind === 'account' ? `account:${s.id}` : `${s.kind}:${s.key}`);

// Memoized: it has no props, so a parent re-render (e.g. opening a detail) does not rebuild the tree rows.
export const Sidebar = memo(function Sidebar() {
  const { t } = useTranslation();
  const { ui } = useServices();
  const accounts = useEngine((m) => m.engine.accounts);
  const orgs = useEngine((m) => m.engine.orgs);
  const teams = useEngine((m) => m.engine.teams);
  const folders = useEngine((m) => m.engine.folders);
  const scenarios = useCountedScenarios(useEngine((m) => m.engine.scenarios));
  const tree = useMemo(
    () => buildTree({ accounts, orgs, teams, folders, scenarios } as Parameters<typeof buildTree>[0]),
    [accounts, orgs, teams, folders, scenarios],
  );
  const scope = useUi((s) => s.query.scope);
  const current = scopeId(scope);
  const ref = useRef<HTMLUListElement>(null);

  const choose = (s: Scope) => {
    ui.getState().setQuery({ scope: s });
    ui.getState().setView('scenarios');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    const go = (j: number) => {
      e.preventDefault();
      items[Math.max(0, Math.min(items.length - 1, j))]?.focus();
    };
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(items.length - 1);
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      (document.activeElement as HTMLElement | null)?.click();
    }
  };

  // One translation (with its plural rules) per distinct count, not two per tree item.
  const failingLabels = new Map<number, string>();
  const failingLabel = (n: number) => {
    let label = failingLabels.get(n);
    if (label === undefined) {
      label = t('sidebar.failingCount', { count: n });
      failingLabels.set(n, label);
    }
    return label;
  };

  type Row = { scope: Scope; label: string; failing: number; level: number; extra?: string };
  const rows: Row[] = [{ scope: { kind: 'all' }, label: t('sidebar.all'), failing: tree.reduce((n, a) => n + a.failing, 0), level: 1 }];
  for (const a of tree) {
    rows.push({
      scope: { kind: 'account', id: a.account.id },
      label: a.account.userName || a.account.email || a.account.zone,
      failing: a.failing,
      level: 1,
      extra: a.account.status === 'needs-sign-in' ? t('sidebar.needsSignIn') : a.account.demo ? t('app.demo') : a.account.zone,
    });
    for (const o of a.orgs) {
      rows.push({ scope: { kind: 'org', key: o.key }, label: o.name, failing: o.failing, level: 2 });
      for (const tm of o.teams) {
        rows.push({ scope: { kind: 'team', key: tm.key }, label: tm.name, failing: tm.failing, level: 3 });
        for (const f of tm.folders) rows.push({ scope: { kind: 'folder', key: f.key }, label: f.name, failing: f.failing, level: 4 });
      }
    }
  }
  // The same team shows under every account that sees it; the first copy holds the tab stop.
  const focusId = rows.some((r) => scopeId(r.scope) === current) ? current : 'all';
  const seen = new Set<string>();

  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      <ul role="tree" aria-label={t('sidebar.label')} ref={ref} onKeyDown={onKeyDown} className="tree">
        {rows.map((r, i) => {
          const id = scopeId(r.scope);
          const selected = id === current;
          const first = !seen.has(id);
          seen.add(id);
          return (
            <li
              key={`${i}:${id}`}
              role="treeitem"
              aria-level={r.level}
              aria-selected={selected}
              tabIndex={id === focusId && first ? 0 : -1}
              className={`tree-item level-${r.level}${selected ? ' selected' : ''}`}
              onClick={() => choose(r.scope)}
              data-testid="sidebar-item"
              data-scope={id}
            >
              <span className="tree-label">{r.label}</span>
              {r.extra && <span className="tree-extra muted">{r.extra}</span>}
              {r.failing > 0 && (
                <span className="badge bad" title={failingLabel(r.failing)}>
                  <span aria-hidden="true">{r.failing}</span>
                  <span className="sr-only"> {failingLabel(r.failing)}</span>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {tree.length === 0 && <p className="muted pad">{t('sidebar.noAccounts')}</p>}
    </nav>
  );
});
