// Settings → Agency: the name and logo printed on the reports sent to clients. The logo is kept as an
// image data URL (checked here for type and size, and again by main).
import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_LOGO_MAX_BYTES, AGENCY_LOGO_TYPES, AGENCY_NAME_MAX, isSafeLogoDataUrl } from '../../../../shared/agency-logo';
import type { SettingsPatch } from '../../bridge/contract-types';
import { useServices, useSettings, useUi } from '../../app-context';
import { ErrorNote } from '../../components/ErrorNote';
import { act, errorPlace } from '../../store/ui-store';
import { formatBytes } from './format-bytes';

const NAME_PLACE = errorPlace('settings', 'agency-name');
const LOGO_PLACE = errorPlace('settings', 'agency-logo');

const readAsDataUrl = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('unreadable')));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });

export function AgencySettings() {
  const { t, i18n } = useTranslation();
  const { api, ui, settings: store } = useServices();
  const settings = useSettings();
  const agency = settings?.agency ?? { name: '', logo: null };
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const savingName = useUi((s) => s.busy[NAME_PLACE] === true);
  const savingLogo = useUi((s) => s.busy[LOGO_PLACE] === true);
  const ids = { name: useId(), logo: useId(), hint: useId() };
  useEffect(() => setName(null), [agency.name]);
  const shownName = name ?? agency.name;

  const save = async (place: string, patch: SettingsPatch) => {
    const s = store.getState();
    s.optimistic(patch);
    const next = await act(ui, place, () => api.setSettings(patch));
    if (next) store.getState().set(next);
    else store.getState().revert();
    return next !== undefined;
  };

  const saveName = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (await save(NAME_PLACE, { agency: { name: shownName.trim() } })) setSaved(true);
  };

  const localError = (message: string) => ui.getState().setError(LOGO_PLACE, { code: 'invalid-input', message });

  const chooseLogo = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    ui.getState().setError(LOGO_PLACE, null);
    if (!(AGENCY_LOGO_TYPES as readonly string[]).includes(file.type)) return localError(t('report.agency.logoWrongType'));
    if (file.size > AGENCY_LOGO_MAX_BYTES) return localError(t('report.agency.logoTooBig', { size: formatBytes(file.size, i18n.language) }));
    let url: string;
    try {
      url = await readAsDataUrl(file);
    } catch {
      return localError(t('report.agency.logoUnreadable'));
    }
    if (!isSafeLogoDataUrl(url)) return localError(t('report.agency.logoWrongType'));
    await save(LOGO_PLACE, { agency: { logo: url } });
  };

  return (
    <section aria-labelledby="s-agency" className="card" data-testid="agency-settings">
      <h2 id="s-agency">{t('report.agency.title')}</h2>
      <form className="field" onSubmit={(e) => void saveName(e)}>
        <label htmlFor={ids.name}>{t('report.agency.name')}</label>
        <div className="row-gap">
          <input
            id={ids.name}
            type="text"
            value={shownName}
            maxLength={AGENCY_NAME_MAX}
            placeholder={t('report.agency.namePlaceholder')}
            disabled={!settings}
            onChange={(e) => {
              setName(e.target.value);
              setSaved(false);
            }}
            data-testid="agency-name"
          />
          <button type="submit" className="btn" disabled={!settings || savingName || shownName.trim() === agency.name} data-testid="agency-name-save">
            {t('report.agency.save')}
          </button>
          <span className="hint" role="status">
            {saved ? t('report.agency.saved') : ''}
          </span>
        </div>
        <ErrorNote place={NAME_PLACE} />
      </form>
      <div className="field">
        <label htmlFor={ids.logo}>{t('report.agency.logo')}</label>
        <div className="row-gap agency-logo">
          {agency.logo ? (
            <img src={agency.logo} alt={t('report.agency.logoPreview')} className="agency-logo-preview" data-testid="agency-logo-preview" />
          ) : (
            <span className="muted">{t('report.agency.noLogo')}</span>
          )}
          <input
            id={ids.logo}
            type="file"
            accept={AGENCY_LOGO_TYPES.join(',')}
            disabled={!settings || savingLogo}
            aria-describedby={ids.hint}
            onChange={(e) => void chooseLogo(e)}
            data-testid="agency-logo-input"
          />
          {agency.logo && (
            <button type="button" className="btn small" disabled={savingLogo} onClick={() => void save(LOGO_PLACE, { agency: { logo: null } })} data-testid="agency-logo-remove">
              {t('report.agency.removeLogo')}
            </button>
          )}
        </div>
        <p id={ids.hint} className="hint">
          {t('report.agency.logoHint')}
        </p>
        <ErrorNote place={LOGO_PLACE} />
      </div>
    </section>
  );
}
