import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { FigureLink } from './dashboard-links.ts';

interface Props {
  link: FigureLink;
  testId: string;
  value: number;
  selected?: boolean;
  onSelect?: () => void;
  style?: CSSProperties;
  children: ReactNode;
}

const plain: CSSProperties = { color: 'inherit', cursor: 'pointer', background: 'none', border: 0, padding: 0, font: 'inherit', textAlign: 'inherit' };

/**
 * A number that leads to what it counts: a link to the list behind it, or a
 * button that selects it in the table of units below. Without either (the
 * user may not open that list) it is just the number.
 */
export function FigureNumber({ link, testId, value, selected, onSelect, style, children }: Props) {
  const data = { 'data-testid': testId, 'data-value': value, 'data-link': link?.kind ?? 'none' };
  if (link?.kind === 'page') {
    return (
      <Link to={link.to} {...data} className="dash-number" style={{ ...plain, ...style }}>
        {children}
      </Link>
    );
  }
  if (link?.kind === 'select') {
    return (
      <button type="button" {...data} aria-pressed={selected} className={`dash-number${selected ? ' dash-number-selected' : ''}`} style={{ ...plain, ...style }} onClick={onSelect}>
        {children}
      </button>
    );
  }
  return (
    <span {...data} style={style}>
      {children}
    </span>
  );
}
