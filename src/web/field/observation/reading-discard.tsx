import { Dialog, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { removeOutboxItems } from '../offline/outbox-store.ts';
import { useUploadRunning, type ReadingItem } from './reading-outbox.ts';

/** Asks before a reading kept on the phone is thrown away; resolves true once it is gone. */
export function useDiscardReading() {
  const { t } = useTranslation();
  const uploadRunning = useUploadRunning();
  return async (item: ReadingItem): Promise<boolean> => {
    const sure = await Dialog.confirm({
      title: t('observation-field:outbox.discardTitle'),
      content: t('observation-field:outbox.discardConfirm', { name: item.label.name }),
      confirmText: <span className="field-danger-text">{t('field:outbox.discard')}</span>,
      cancelText: t('common:cancel'),
    });
    if (!sure) return false;
    // Its upload may have begun while the dialog was open: then it is the server's, not to be discarded silently.
    if (item.status === 'waiting' && uploadRunning()) {
      Toast.show({ content: t('observation-field:record.uploadingNow') });
      return false;
    }
    try {
      await removeOutboxItems([item.id]);
      return true;
    } catch {
      Toast.show({ icon: 'fail', content: t('field:outbox.storageFailed') });
      return false;
    }
  };
}
