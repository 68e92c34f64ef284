import { List, Popup, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { Entrance } from '../../../contract/gates.ts';
import type { EntranceState } from '../../../domain/gates/entrance-state.ts';
import { entranceStateNow } from './gate-kit.ts';

const STATE_COLOR: Record<EntranceState, string> = { checkpoint: 'success', open: 'primary', sealed: 'danger' };

/** An entrance's state in words and colour. */
export function EntranceStateTag({ state }: { state: EntranceState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} fill={state === 'open' ? 'outline' : 'solid'} className="gate-state-tag" data-testid="entrance-state" data-state={state}>
      {t(`gates:states.${state}`)}
    </Tag>
  );
}

/** The entrances this user may register at, checkpoints first (sealed ones last: nothing can be registered there). */
export function EntranceList({ entrances, chosenId, onPick }: { entrances: readonly Entrance[]; chosenId: string | null; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const now = new Date();
  const order: Record<EntranceState, number> = { checkpoint: 0, open: 1, sealed: 2 };
  const sorted = entrances
    .map((e) => ({ e, state: entranceStateNow(e, now) }))
    .sort((a, b) => order[a.state] - order[b.state] || a.e.sortOrder - b.e.sortOrder);
  return (
    <List className="field-list gate-entrance-list" data-testid="entrance-list">
      {sorted.map(({ e, state }) => (
        <List.Item
          key={e.id}
          onClick={() => onPick(e.id)}
          extra={<EntranceStateTag state={state} />}
          description={[e.communityName, e.description].filter(Boolean).join(' · ')}
          data-testid="entrance-option"
          data-entrance={e.id}
          data-name={e.name}
          className={e.id === chosenId ? 'gate-entrance-chosen' : undefined}
          aria-current={e.id === chosenId ? 'true' : undefined}
        >
          <strong>{e.name}</strong>
          {e.id === chosenId && <span className="field-muted"> {t('gate-field:entrance.current')}</span>}
        </List.Item>
      ))}
    </List>
  );
}

/** The list of entrances in a bottom sheet, to move to another one without leaving the desk. */
export function EntranceSheet(props: { visible: boolean; entrances: readonly Entrance[]; chosenId: string; onPick: (id: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { visible, entrances, chosenId, onPick, onClose } = props;
  return (
    <Popup visible={visible} onMaskClick={onClose} onClose={onClose} bodyClassName="gate-sheet gate-sheet-tall" destroyOnClose>
      <div className="gate-sheet-body">
        <h2>{t('gate-field:entrance.chooseTitle')}</h2>
      </div>
      <EntranceList
        entrances={entrances}
        chosenId={chosenId}
        onPick={(id) => {
          onPick(id);
          onClose();
        }}
      />
    </Popup>
  );
}
