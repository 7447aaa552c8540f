// Accounts, notification rules, snooze, polling share, start at login, language and theme.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { AccountId, AccountState, OrgKey } from '../../../shared/domain';
import type { Settings as SettingsT, SettingsPatch } from '../bridge/contract-types';
import { useEngine, useNow, useServices, useSettings, useUi } from '../app-context';
import { Dialog } from '../components/Dialog';
import { ErrorNote } from '../components/ErrorNote';
import { formatPercent, formatWhen } from '../i18n/format';
import { act, errorPlace } from '../store/ui-store';
import { AgencySettings } from './report/AgencySettings';

const ZONES = ['eu1.make.com', 'eu2.make.com', 'us1.make.com', 'us2.make.com'] as const;

export function SettingsView() {
  const { t } = useTranslation();
  return (
    <main className="settings" aria-labelledby="settings-title" data-testid="settings-view">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <AccountsSection />
      <NotificationsSection />
      <GeneralSection />
      <AgencySettings />
    </main>
  );
}

function AccountsSection() {
  const { t } = useTranslation();
  const accounts = useEngine((m) => m.engine.accounts);
  const [signOut, setSignOut] = useState<AccountState | null>(null);
  const list = Object.values(accounts);
  return (
    <section aria-labelledby="s-accounts" className="card">
      <h2 id="s-accounts">{t('settings.accounts')}</h2>
      {list.length === 0 ? (
        <p className="muted">{t('settings.noAccounts')}</p>
      ) : (
        <ul className="accounts" data-testid="account-list">
          {list.map((a) => (
            <li key={a.id} data-testid="account-item">
              <span className="account-name">{a.userName || a.email}</span>
              <span className="muted">
                {a.email} · {a.zone}
              </span>
              {a.demo && <span className="badge demo">{t('settings.demoAccount')}</span>}
              {a.statusMessage && <span className={a.status === 'ok' ? 'muted' : 'bad-text'}>{a.statusMessage}</span>}
              {!a.demo && (
                <button type="button" className="btn small" onClick={() => setSignOut(a)} data-testid="account-signout">
                  {t('settings.signOut')}
                </button>
              )}
              <ErrorNote place={errorPlace(`account:${a.id}`, 'signout')} />
              <OrgWatchList accountId={a.id} />
            </li>
          ))}
        </ul>
      )}
      <ConnectForm />
      {signOut && <SignOutDialog account={signOut} onClose={() => setSignOut(null)} />}
    </section>
  );
}

function SignOutDialog({ account, onClose }: { account: AccountState; onClose: () => void }) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  return (
    <Dialog title={t('settings.signOutTitle', { name: account.userName || account.email })} onClose={onClose} role="alertdialog" testId="signout-dialog" describedBy="signout-body">
      <p id="signout-body">{t('settings.signOutBody')}</p>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} data-autofocus>
          {t('app.cancel')}
        </button>
        <button
          type="button"
          className="btn danger"
          data-testid="signout-confirm"
          onClick={() => {
            onClose();
            void act(ui, errorPlace(`account:${account.id}`, 'signout'), () => api.signOut(account.id));
          }}
        >
          {t('settings.signOut')}
        </button>
      </div>
    </Dialog>
  );
}

function ConnectForm() {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const id = useId();
  const [zone, setZone] = useState<string>(ZONES[0]);
  const [custom, setCustom] = useState('');
  const [token, setToken] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [oauthStarted, setOauthStarted] = useState(false);
  const place = errorPlace('settings', 'connect');
  const oauthPlace = errorPlace('settings', 'oauth');
  const busy = useUi((s) => place in s.busy);
  const oauthBusy = useUi((s) => oauthPlace in s.busy);
  const host = zone === 'custom' ? custom.trim() : zone;
  const startOAuth = async () => {
    setOauthStarted(false);
    const r = await act(ui, oauthPlace, () => api.startOAuth({ zone: host }));
    if (r?.started) setOauthStarted(true);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const r = await act(ui, place, () => api.connectToken({ zone: host, token }));
    if (r) {
      // The token leaves the page's memory once the account is connected.
      setToken('');
      setDone(r.account.statusMessage ?? t('settings.connected'));
    }
  };
  return (
    <form className="connect" onSubmit={submit} aria-labelledby={`${id}-h`} data-testid="connect-form">
      <h3 id={`${id}-h`}>{t('settings.connect')}</h3>
      <div className="field">
        <label htmlFor={`${id}-zone`}>{t('settings.zone')}</label>
        <select id={`${id}-zone`} value={zone} onChange={(e) => setZone(e.target.value)} data-testid="connect-zone">
          {ZONES.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
          <option value="custom">{t('settings.zoneCustom')}</option>
        </select>
      </div>
      {zone === 'custom' && (
        <div className="field">
          <label htmlFor={`${id}-custom`}>{t('settings.customZone')}</label>
          <input id={`${id}-custom`} value={custom} onChange={(e) => setCustom(e.target.value)} aria-describedby={`${id}-custom-hint`} required data-testid="connect-custom-zone" />
          <p id={`${id}-custom-hint`} className="hint">
            {t('settings.customZoneHint')}
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-token`}>{t('settings.token')}</label>
        <input
          id={`${id}-token`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-describedby={`${id}-token-hint`}
          required
          data-testid="connect-token"
        />
        <p id={`${id}-token-hint`} className="hint">
          {t('settings.tokenHint')}
        </p>
      </div>
      <ErrorNote place={place} />
      {done && (
        <p role="status" className="good-text" data-testid="connect-result">
          {done}
        </p>
      )}
      <button type="submit" className="btn primary" disabled={busy || token.trim() === ''} data-testid="connect-submit">
        {busy ? t('settings.connecting') : t('settings.connectButton')}
      </button>
      <div className="oauth" role="group" aria-labelledby={`${id}-oauth`}>
        <h4 id={`${id}-oauth`}>{t('settings.oauth')}</h4>
        <p id={`${id}-oauth-hint`} className="hint">
          {t('settings.oauthHint')}
        </p>
        <button
          type="button"
          className="btn"
          disabled={oauthBusy || host === ''}
          aria-describedby={`${id}-oauth-hint`}
          onClick={() => void startOAuth()}
          data-testid="connect-oauth"
        >
          {oauthBusy ? t('settings.oauthStarting') : t('settings.oauthButton')}
        </button>
        <ErrorNote place={oauthPlace} />
        {oauthStarted && (
          <p role="status" className="good-text" data-testid="oauth-result">
            {t('settings.oauthStarted')}
          </p>
        )}
      </div>
    </form>
  );
}

/** The organizations an account sees, each with a switch to watch it or not. */
function OrgWatchList({ accountId }: { accountId: AccountId }) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const orgs = useEngine(
    useShallow((m) =>
      Object.values(m.engine.orgs)
        .filter((o) => o.accountIds.includes(accountId))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ),
  );
  // What the user just chose shows at once; main's state takes over when it arrives.
  const [pending, setPending] = useState<Record<OrgKey, boolean>>({});
  const id = useId();
  if (orgs.length === 0) return <p className="muted org-monitor">{t('settings.noOrgs')}</p>;
  const change = async (orgKey: OrgKey, monitored: boolean) => {
    setPending((p) => ({ ...p, [orgKey]: monitored }));
    await act(ui, errorPlace(`org:${orgKey}`, 'monitor'), () => api.setOrgMonitored(orgKey, monitored));
    setPending((p) => {
      const next = { ...p };
      delete next[orgKey];
      return next;
    });
  };
  return (
    <div className="org-monitor" role="group" aria-labelledby={`${id}-h`} data-testid="org-watch-list">
      <span id={`${id}-h`} className="label">
        {t('settings.watchedOrgs')}
      </span>
      {orgs.map((o) => (
        <div key={o.key}>
          <label className="field-check">
            <input
              type="checkbox"
              role="switch"
              checked={pending[o.key] ?? o.monitored}
              disabled={o.key in pending}
              aria-label={t('settings.watchOrg', { org: o.name })}
              onChange={(e) => void change(o.key, e.target.checked)}
              data-testid="org-monitored"
              data-org={o.key}
            />
            <span aria-hidden="true">{o.name}</span>
          </label>
          <ErrorNote place={errorPlace(`org:${o.key}`, 'monitor')} />
        </div>
      ))}
    </div>
  );
}

function NotificationsSection() {
  const { t, i18n } = useTranslation();
  const { api, ui, now: clock } = useServices();
  const now = useNow();
  const settings = useSettings();
  const snoozed = useEngine((m) => m.engine.snoozedUntil);
  const muted = useEngine((m) => m.engine.mutedScenarios);
  const scenarios = useEngine((m) => m.engine.scenarios);
  const save = useSave();
  const lang = i18n.language;
  const snooze = (until: number | null) => void act(ui, errorPlace('settings', 'snooze'), () => api.snooze(until));
  const tomorrow = () => {
    const d = new Date(clock());
    d.setDate(d.getDate() + 1);
    d.setHours(8, 0, 0, 0);
    return d.getTime();
  };
  const rules = settings?.notify;
  const check = (k: 'failure' | 'warning' | 'offByMake' | 'fixed', label: string) => (
    <label className="field-check">
      <input type="checkbox" disabled={!rules} checked={rules?.[k] ?? false} onChange={(e) => save({ notify: { [k]: e.target.checked } })} data-testid={`notify-${k}`} />
      <span>{label}</span>
    </label>
  );
  return (
    <section aria-labelledby="s-notify" className="card">
      <h2 id="s-notify">{t('settings.notifications')}</h2>
      <fieldset>
        <legend>{t('settings.notifyWhen')}</legend>
        {check('failure', t('settings.notifyFailure'))}
        {check('warning', t('settings.notifyWarning'))}
        {check('offByMake', t('settings.notifyOffByMake'))}
        {check('fixed', t('settings.notifyFixed'))}
      </fieldset>
      <div className="field">
        <label htmlFor="summary-threshold">{t('settings.summaryThreshold')}</label>
        <input
          id="summary-threshold"
          type="number"
          min={1}
          max={100}
          disabled={!rules}
          value={rules?.summaryThreshold ?? ''}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (n >= 1 && n <= 100) save({ notify: { summaryThreshold: n } });
          }}
          data-testid="summary-threshold"
        />
      </div>
      <div className="field">
        <span className="label" id="snooze-label">
          {t('settings.snooze')}
        </span>
        <div role="group" aria-labelledby="snooze-label" className="row-gap">
          <button type="button" className="btn" onClick={() => snooze(clock() + 3_600_000)} data-testid="snooze-1h">
            {t('settings.snooze1h')}
          </button>
          <button type="button" className="btn" onClick={() => snooze(tomorrow())} data-testid="snooze-tomorrow">
            {t('settings.snoozeTomorrow')}
          </button>
          {snoozed !== null && snoozed > now && (
            <button type="button" className="btn" onClick={() => snooze(null)} data-testid="snooze-resume">
              {t('settings.resume')}
            </button>
          )}
        </div>
        <p className="hint" role="status">
          {snoozed !== null && snoozed > now ? t('settings.snoozedUntil', { time: formatWhen(snoozed, lang, now) }) : t('settings.notSnoozed')}
        </p>
        <ErrorNote place={errorPlace('settings', 'snooze')} />
      </div>
      <h3>{t('settings.muted')}</h3>
      {muted.length === 0 ? (
        <p className="muted">{t('settings.noMuted')}</p>
      ) : (
        <ul className="muted-list">
          {muted.map((k) => (
            <li key={k}>
              <span>{scenarios[k]?.name ?? k}</span>
              <button type="button" className="btn small" onClick={() => void act(ui, errorPlace(k, 'mute'), () => api.mute(k, false))}>
                {t('actions.unmute')}
              </button>
              <ErrorNote place={errorPlace(k, 'mute')} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function GeneralSection() {
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const save = useSave();
  const [share, setShare] = useState<number | null>(null);
  useEffect(() => setShare(null), [settings?.pollingShare]);
  const shown = share ?? settings?.pollingShare ?? 0.5;
  return (
    <section aria-labelledby="s-general" className="card">
      <h2 id="s-general">{t('settings.general')}</h2>
      <div className="field">
        <label htmlFor="polling-share">{t('settings.pollingShare')}</label>
        <div className="row-gap">
          <input
            id="polling-share"
            type="range"
            min={5}
            max={100}
            step={5}
            disabled={!settings}
            value={Math.round(shown * 100)}
            aria-valuetext={formatPercent(shown, i18n.language)}
            aria-describedby="polling-hint"
            onChange={(e) => setShare(Number(e.target.value) / 100)}
            onPointerUp={() => share !== null && save({ pollingShare: share })}
            onKeyUp={() => share !== null && save({ pollingShare: share })}
            data-testid="polling-share"
          />
          <output htmlFor="polling-share">{formatPercent(shown, i18n.language)}</output>
        </div>
        <p id="polling-hint" className="hint">
          {t('settings.pollingHint')}
        </p>
      </div>
      <label className="field-check">
        <input type="checkbox" disabled={!settings} checked={settings?.startAtLogin ?? false} onChange={(e) => save({ startAtLogin: e.target.checked })} data-testid="start-at-login" />
        <span>{t('settings.startAtLogin')}</span>
      </label>
      <div className="field">
        <label htmlFor="language">{t('settings.language')}</label>
        <select id="language" value={settings?.language ?? 'system'} onChange={(e) => save({ language: e.target.value as SettingsT['language'] })} data-testid="language">
          <option value="system">{t('settings.system')}</option>
          <option value="en" lang="en">English</option>
          <option value="ja" lang="ja">日本語</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="theme">{t('settings.theme')}</label>
        <select id="theme" value={settings?.theme ?? 'system'} onChange={(e) => save({ theme: e.target.value as SettingsT['theme'] })} data-testid="theme">
          <option value="system">{t('settings.system')}</option>
          <option value="light">{t('settings.light')}</option>
          <option value="dark">{t('settings.dark')}</option>
        </select>
      </div>
      <ErrorNote place={errorPlace('settings', 'save')} />
    </section>
  );
}

function useSave() {
  const { api, ui, settings } = useSettingsServices();
  return (patch: SettingsPatch) => {
    settings.optimistic(patch);
    void act(ui, errorPlace('settings', 'save'), () => api.setSettings(patch)).then((s) => {
      if (s) settings.set(s);
      else settings.revert();
    });
  };
}

function useSettingsServices() {
  const s = useServices();
  return { ...s, settings: s.settings.getState() };
}
