// The folder field of the create and move dialogs: "No folder" and the team's folders by path.
import { useTranslation } from 'react-i18next';
import type { FolderOption } from './folder-options';

export interface FolderSelectProps {
  id: string;
  /** A folder key, or '' for no folder. */
  value: string;
  options: FolderOption[];
  onChange(folderKey: string): void;
  testId: string;
  autoFocus?: boolean;
}

export function FolderSelect({ id, value, options, onChange, testId, autoFocus }: FolderSelectProps) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('scenarioEdit.folder')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} data-autofocus={autoFocus || undefined}>
        <option value="">{t('scenarioEdit.noFolder')}</option>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
