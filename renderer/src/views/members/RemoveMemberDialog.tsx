// "Remove <name> from <organization>?" — asked here, then sent with `confirmed: true`.
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../../../shared/contract-members';
import type { OrgKey } from '../../../../shared/domain';
import { useServices, useUi } from '../../app-context';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';
import { act } from '../../store/ui-store';
import { memberPlace } from './MemberRow';

interface Props {
  member: MemberView;
  orgKey: OrgKey;
  orgName: string;
  onClose(): void;
  onRemoved(): void;
}

export function RemoveMemberDialog({ member, orgKey, orgName, onClose, onRemoved }: Props) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const place = memberPlace(member.userId, 'remove');
  const busy = useUi((s) => place in s.busy);
  const close = () => {
    ui.getState().setError(place, null);
    onClose();
  };
  const remove = async () => {
    const r = await act(ui, place, () => api.invoke('members.remove', { orgKey, userId: member.userId, name: member.name, confirmed: true }));
    if (r?.kind === 'done') onRemoved();
  };
  return (
    <Dialog
      title={t('members.removeTitle', { name: member.name, org: orgName })}
      onClose={close}
      role="alertdialog"
      testId="member-remove-dialog"
      describedBy="member-remove-body"
    >
      <p id="member-remove-body">{t('members.removeBody')}</p>
      <ErrorNote place={place} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={close} data-autofocus data-testid="member-remove-cancel">
          {t('app.cancel')}
        </button>
        <button type="button" className="btn danger" disabled={busy} onClick={() => void remove()} data-testid="member-remove-confirm">
          {t('members.removeConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
