import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { hourMinute } from './gate-format.ts';
import { dismissDisagreement, useDisagreements } from './server-verdicts.ts';

/** Passes this phone let through offline and the server turned back (revoked meanwhile): the volunteer may still catch the person. */
export function ServerVerdicts() {
  const { t } = useTranslation();
  const notes = useDisagreements();
  if (notes.length === 0) return null;
  return (
    <section className="gate-disagreements" data-testid="server-verdicts">
      {notes.map((n) => (
        <div key={n.id} className="gate-disagreement">
          <span>
            {t('gate-field:serverVerdict.text', { name: n.name, time: hourMinute(n.at), reason: t(`gates:reasons.${n.reason ?? 'revoked'}`) })}
          </span>
          <Button size="small" fill="outline" onClick={() => dismissDisagreement(n.id)}>
            {t('gate-field:serverVerdict.dismiss')}
          </Button>
        </div>
      ))}
    </section>
  );
}
