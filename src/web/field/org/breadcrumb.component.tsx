import { Fragment } from 'react';
import type { OrgCrumb } from '../../../contract/org.ts';

interface Props {
  /** From the top of the hierarchy down. */
  trail: readonly Pick<OrgCrumb, 'id' | 'name'>[];
  /** Whether the last name is the unit itself (it then stands out); false when the trail stops at the parent. */
  endsAtUnit?: boolean;
  testId?: string;
}

/** Province › city › district › street › community › group, wrapping between names on narrow screens. */
export function Breadcrumb({ trail, endsAtUnit = true, testId }: Props) {
  if (trail.length === 0) return null;
  return (
    <nav className="field-breadcrumb" data-testid={testId}>
      {trail.map((c, i) => (
        <Fragment key={c.id}>
          {/* The spaces around › are where a long trail wraps; names themselves never break. */}
          {i > 0 && (
            <span className="field-breadcrumb-sep" aria-hidden="true">
              {' › '}
            </span>
          )}
          <span className={endsAtUnit && i === trail.length - 1 ? 'field-breadcrumb-current' : 'field-breadcrumb-crumb'}>{c.name}</span>
        </Fragment>
      ))}
    </nav>
  );
}
