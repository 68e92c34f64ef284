import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateTimeOf } from '../../gates/gate-format.ts';
import { useWriteNotes, type Briefing } from './briefing.resource.ts';

/**
 * The lead's notes of the meeting. The text typed is kept apart from the
 * saved one, so a refresh of the briefing (a task ticked off in the field)
 * does not wipe what is being written.
 */
export function BriefingNotes({ briefing, manage }: { briefing: Briefing; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const write = useWriteNotes();
  const [draft, setDraft] = useState<string | null>(null);
  const saved = briefing.notes ?? '';
  const text = draft ?? saved;
  const changed = draft !== null && draft.trim() !== saved.trim();
  const save = () =>
    write.mutate(
      { communityId: briefing.communityId, day: briefing.day, notes: text.trim() },
      {
        onSuccess: () => {
          setDraft(null);
          void message.success(t('teams-console:briefing.notesSaved'));
        },
        onError: (e) => void message.error(e.message),
      },
    );
  const written = briefing.writtenByName && briefing.updatedAt ? t('teams-console:briefing.notesWritten', { name: briefing.writtenByName, when: dateTimeOf(briefing.updatedAt) }) : null;
  return (
    <Card
      size="small"
      title={t('teams-console:briefing.notes')}
      data-testid="briefing-notes"
      extra={written && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{written}</Typography.Text>}
    >
      {manage ? (
        <>
          <Input.TextArea
            value={text}
            onChange={(e) => setDraft(e.target.value)}
            autoSize={{ minRows: 4, maxRows: 14 }}
            maxLength={2000}
            showCount
            placeholder={t('teams-console:briefing.notesPlaceholder')}
            data-testid="briefing-notes-text"
          />
          <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 28 }}>
            {changed && (
              <Button onClick={() => setDraft(null)} data-testid="briefing-notes-reset">
                {t('teams-console:briefing.notesReset')}
              </Button>
            )}
            <Button type="primary" icon={<SaveOutlined />} disabled={!changed} loading={write.isPending} onClick={save} data-testid="briefing-notes-save">
              {t('teams-console:briefing.notesSave')}
            </Button>
          </div>
        </>
      ) : saved ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="briefing-notes-shown">
          {saved}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('teams-console:briefing.notesNone')}</Typography.Text>
      )}
    </Card>
  );
}
