// One webhook in the team's table: name (renamed inline), address with a copy button, the "receives
// data" switch, queue, the scenario it feeds, and check / rename / delete. Actions the token's scopes
// don't allow are not shown; a failure shows in the row, where the user acted.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HookPing, HookView } from '../../../../shared/contract-hooks';
import type { ActionPermission, HookAction } from '../../../../shared/management-scopes';
import { useEngine, useServices, useUi } from '../../app-context';
import { ErrorNote } from '../../components/ErrorNote';
import { Switch } from '../../components/Switch';
import { formatNumber } from '../../i18n/format';
import { act, errorPlace } from '../../store/ui-store';

interface Props {
  hook: HookView;
  perms: Record<HookAction, ActionPermission>;
  onChanged(change: Partial<HookView>): void;
  onDelete(): void;
}

export const hookPlace = (id: number, action: string) => errorPlace(`hook:${id}`, action);

export function HookRow({ hook, perms, onChanged, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => formatNumber(x, i18n.language);
  const [renaming, setRenaming] = useState(false);
  const rowRef = useRef<HTMLTableRowElement>(null);
  // Leaving the rename form puts focus back on the Rename button, not on the page.
  const wasRenaming = useRef(false);
  useEffect(() => {
    if (wasRenaming.current && !renaming) rowRef.current?.querySelector<HTMLElement>('[data-testid="hook-rename"]')?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);
  return (
    <tr ref={rowRef} data-testid="hook-row" data-hook-id={hook.id}>
      <td className="hook-name">
        {renaming ? (
          <RenameForm hook={hook} onDone={(name) => { if (name !== null) onChanged({ name }); setRenaming(false); }} />
        ) : (
          <>
            <span className="name" data-testid="hook-name">{hook.name}</span>
            <span className="hint">
              {t(`hooks.kind.${hook.kind}`)}
              {hook.gone && <span className="bad-text"> · {t('hooks.gone')}</span>}
            </span>
          </>
        )}
      </td>
      <td className="hook-url">
        <UrlCell hook={hook} />
      </td>
      <td>
        <EnabledCell hook={hook} canChange={perms.enableDisable.allowed} onChanged={onChanged} />
      </td>
      <td className="num">
        <span data-testid="hook-queue">
          {hook.queueCount === null
            ? '—'
            : hook.queueLimit
              ? t('hooks.queueOf', { queued: n(hook.queueCount), limit: n(hook.queueLimit) })
              : n(hook.queueCount)}
        </span>
      </td>
      <td>
        <ScenarioCell hook={hook} />
      </td>
      <td className="hook-actions">
        <Actions hook={hook} perms={perms} onRename={() => setRenaming(true)} onDelete={onDelete} renaming={renaming} />
      </td>
    </tr>
  );
}

function RenameForm({ hook, onDone }: { hook: HookView; onDone(name: string | null): void }) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const [name, setName] = useState(hook.name);
  const place = hookPlace(hook.id, 'rename');
  const busy = useUi((s) => place in s.busy);
  const err = useUi((s) => s.errors[place]);
  const cancel = () => {
    ui.getState().setError(place, null);
    onDone(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() === hook.name) return cancel();
    const r = await act(ui, place, () => api.invoke('hooks.rename', { teamKey: hook.teamKey, hookId: hook.id, name }));
    if (r) onDone(r.hook.name);
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && cancel()} data-testid="hook-rename-form">
      <input
        type="text"
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-label={t('hooks.renameLabel', { name: hook.name })}
        aria-invalid={err?.field === 'name' || undefined}
        aria-describedby={err ? `hook-rename-error-${hook.id}` : undefined}
        maxLength={128}
        required
        autoFocus
        data-testid="hook-rename-input"
      />
      <button type="submit" className="btn small primary" disabled={busy} data-testid="hook-rename-save">
        {t('hooks.save')}
      </button>
      <button type="button" className="btn small" onClick={cancel}>
        {t('app.cancel')}
      </button>
      <ErrorNote place={place} id={`hook-rename-error-${hook.id}`} />
    </form>
  );
}

function UrlCell({ hook }: { hook: HookView }) {
  const { t } = useTranslation();
  const [note, setNote] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(hook.url);
      setNote(t('hooks.copied', { name: hook.name }));
    } catch {
      setNote(t('hooks.copyFailed'));
    }
  };
  return (
    <div className="url-cell">
      <code className="ellipsis" title={hook.url} data-testid="hook-url">
        {hook.url}
      </code>
      <button type="button" className="btn small" onClick={() => void copy()} aria-label={t('hooks.copyLabel', { name: hook.name })} data-testid="hook-copy">
        {t('hooks.copy')}
      </button>
      <span role="status" className="sr-only">
        {note}
      </span>
    </div>
  );
}

function EnabledCell({ hook, canChange, onChanged }: { hook: HookView; canChange: boolean; onChanged(change: Partial<HookView>): void }) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const place = hookPlace(hook.id, 'enable');
  const busy = useUi((s) => place in s.busy);
  if (!canChange) return <span data-testid="hook-enabled-text">{hook.enabled ? t('hooks.on') : t('hooks.off')}</span>;
  const toggle = async () => {
    const r = await act(ui, place, () => api.invoke('hooks.setEnabled', { teamKey: hook.teamKey, hookId: hook.id, enabled: !hook.enabled }));
    if (r) onChanged({ enabled: r.enabled });
  };
  return (
    <>
      <Switch
        checked={hook.enabled}
        busy={busy}
        label={t('hooks.enabledLabel', { name: hook.name })}
        testId="hook-enabled"
        onToggle={() => void toggle()}
      />
      <ErrorNote place={place} />
    </>
  );
}

function ScenarioCell({ hook }: { hook: HookView }) {
  const { t } = useTranslation();
  const { ui } = useServices();
  const s = hook.attachedScenario;
  const known = useEngine((m) => (s ? s.key in m.engine.scenarios : false));
  if (!s) return <span className="muted">{t('hooks.noScenario')}</span>;
  const name = s.name ?? t('hooks.scenarioNumber', { id: s.id });
  if (!known) return <span>{name}</span>;
  const open = () => {
    ui.getState().select(s.key);
    ui.getState().setView('scenarios');
  };
  return (
    <button type="button" className="link scenario-link" onClick={open} aria-label={t('hooks.openScenario', { name })} data-testid="hook-scenario">
      {name}
    </button>
  );
}

function Actions({ hook, perms, onRename, onDelete, renaming }: { hook: HookView; perms: Record<HookAction, ActionPermission>; onRename(): void; onDelete(): void; renaming: boolean }) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const [ping, setPing] = useState<HookPing | null>(null);
  const pingPlace = hookPlace(hook.id, 'ping');
  const pinging = useUi((s) => pingPlace in s.busy);
  const check = async () => {
    setPing(null);
    const r = await act(ui, pingPlace, () => api.invoke('hooks.ping', { teamKey: hook.teamKey, hookId: hook.id }));
    if (r) setPing(r);
  };
  return (
    <div className="row-actions">
      <div className="row-gap">
        {perms.ping.allowed && (
          <button type="button" className="btn small" disabled={pinging} onClick={() => void check()} aria-label={t('hooks.pingLabel', { name: hook.name })} data-testid="hook-ping">
            {t('hooks.ping')}
          </button>
        )}
        {perms.rename.allowed && !renaming && (
          <button type="button" className="btn small" onClick={onRename} aria-label={t('hooks.renameLabel', { name: hook.name })} data-testid="hook-rename">
            {t('hooks.rename')}
          </button>
        )}
        {perms.delete.allowed && (
          <button type="button" className="btn small" onClick={onDelete} aria-label={t('hooks.deleteLabel', { name: hook.name })} data-testid="hook-delete">
            {t('hooks.delete')}
          </button>
        )}
      </div>
      <p role="status" className={`hint ping-result${ping?.gone ? ' bad-text' : ''}`} data-testid="hook-ping-result">
        {ping ? t(`hooks.pingResult.${pingOutcome(ping)}`) : null}
      </p>
      <ErrorNote place={pingPlace} />
    </div>
  );
}

export function pingOutcome(p: HookPing): 'gone' | 'learning' | 'attached' | 'ready' {
  if (p.gone) return 'gone';
  if (p.learning) return 'learning';
  return p.attached ? 'attached' : 'ready';
}
