import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Me } from '../../../../contract/auth.ts';
import type { PassCard } from '../../../../contract/gates.ts';
import { query } from '../../../shared/api.ts';
import { useGateCommunity } from '../gate-community.ts';
import { usePassCards } from '../gates.resource.ts';
import { PrintFrame } from '../print-frame.component.tsx';
import { PassCardView } from './pass-card.component.tsx';
import { sheetsOf } from './pass-sheets.ts';

/**
 * Pass cards to print and cut: the passes chosen (`ids`), or a group's, or
 * the whole community's active ones, eight to an A4 sheet.
 */
export function PassPrintPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { communityId = '' } = useGateCommunity(me);
  const ids = params.get('ids') ?? undefined;
  const groupId = params.get('groupId') ?? undefined;
  const cards = usePassCards(communityId, { ids, groupId });
  const list: PassCard[] = cards.data ?? [];
  const sheets = sheetsOf(list);
  const community = list[0]?.communityName ?? '';
  return (
    <PrintFrame
      back={`/gates/passes${query({ communityId: params.get('communityId'), groupId })}`}
      title={t('gate-console:print.passesTitle', { community })}
      summary={cards.data ? t('gate-console:print.passesSummary', { cards: list.length, sheets: sheets.length }) : undefined}
      loading={cards.isPending && Boolean(communityId)}
      error={cards.error?.message ?? (communityId ? undefined : t('gate-console:community.none'))}
    >
      {cards.data && list.length === 0 && <Empty description={t('gate-console:print.noCards')} style={{ margin: 48 }} />}
      {sheets.map((sheet, i) => (
        <section key={i} className="gate-sheet gate-pass-sheet" data-testid="pass-sheet">
          {sheet.map((card) => (
            <PassCardView key={card.id} card={card} />
          ))}
        </section>
      ))}
    </PrintFrame>
  );
}
