import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import './print.css';

interface Props {
  /** Where "back" leads: the page the print was opened from. */
  back: string;
  title: string;
  /** "3 sheets, 20 cards". */
  summary?: string | undefined;
  loading: boolean;
  error?: string | undefined;
  /** The paper's margin: none for cut-out cards (the sheet draws its own), some for a table running over pages. */
  pageMargin?: string;
  children: ReactNode;
}

/**
 * A page made to be printed on A4: a toolbar (back, what will print, the print
 * button) that the printer never sees, then the sheets. The page size is set
 * only while a print page is open, so the console's other pages print as before.
 */
export function PrintFrame({ back, title, summary, loading, error, pageMargin = '0', children }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => void (document.title = before);
  }, [title]);
  return (
    <div className="gate-print">
      <style>{`@page { size: A4; margin: ${pageMargin}; }`}</style>
      <div className="gate-print-toolbar" data-testid="print-toolbar">
        <Link to={back}>
          <Button icon={<ArrowLeftOutlined />}>{t('gate-console:print.back')}</Button>
        </Link>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {title}
        </Typography.Text>
        {summary && <Typography.Text type="secondary">{summary}</Typography.Text>}
        <div style={{ flex: 1 }} />
        <Button type="primary" size="large" icon={<PrinterOutlined />} disabled={loading || Boolean(error)} onClick={() => window.print()} data-testid="print-button">
          {t('gate-console:print.print')}
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ margin: 24 }} />}
      {loading ? <Spin size="large" style={{ display: 'block', margin: '80px auto' }} /> : children}
    </div>
  );
}
