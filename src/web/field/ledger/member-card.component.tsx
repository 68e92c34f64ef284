import { Button, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../shared/api.ts';
import { hasPermission, useMe } from '../../shared/session.ts';
import { useOnline } from '../offline/connectivity.ts';
import { CategoryTags } from './category-tags.component.tsx';
import { useReveal, type Member } from './ledger.resource.ts';

/**
 * One member of a household: relation, sex and age, tags, masked ID and phone.
 * "Show" (online, for roles that may) asks the server for this one person's
 * full numbers, audited there, and keeps them on screen only: never saved.
 */
export function MemberCard({ member }: { member: Member }) {
  const { t } = useTranslation();
  const me = useMe();
  const online = useOnline();
  const reveal = useReveal();
  const full = reveal.data;
  const canReveal = hasPermission(me.data, 'ledger.reveal');

  const show = () =>
    reveal.mutate(member.id, {
      onError: (e) => Toast.show({ content: e instanceof ApiRequestError ? e.message : t('common:errors.unexpected') }),
    });

  return (
    <article className="field-member" data-testid="member">
      <div className="field-person-line">
        <strong className="field-person-name">{member.name}</strong>
        <span className="field-muted">
          {t(`server:relations.${member.relation}`)} · {t(`server:sexes.${member.sex}`)} · {t('field:ledger.age', { age: member.age })}
        </span>
      </div>
      <CategoryTags member={member} />
      <dl className="field-member-ids">
        <dt>{t('field:ledger.idNumber')}</dt>
        <dd className="field-mono" data-testid="member-id">
          {full ? full.idNumber : member.idMasked}
        </dd>
        <dt>{t('field:ledger.phone')}</dt>
        <dd className="field-mono">
          {full?.phone ? <a href={`tel:${full.phone}`}>{full.phone}</a> : (member.phoneMasked ?? t('field:ledger.noPhone'))}
        </dd>
      </dl>
      {canReveal && !full && (
        <Button size="small" fill="outline" onClick={show} loading={reveal.isPending} disabled={!online} data-testid="reveal">
          {online ? t('field:ledger.reveal') : t('field:ledger.revealOffline')}
        </Button>
      )}
    </article>
  );
}
