import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../layout/language-switch.component.tsx';

/** The frame of the pages before the console: a brand panel and one card. */
export function AuthShell({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div style={{ minHeight: '100vh', display: 'flex', background: '#f3f5f8' }}>
      <aside
        style={{
          flex: '0 0 42%',
          background: 'linear-gradient(160deg, #174e8c 0%, #1d5fa8 55%, #3a8ee6 100%)',
          color: '#fff',
          padding: '56px 56px',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center', gap: 12 }}>
          <span
            aria-hidden
            style={{ width: 40, height: 40, borderRadius: 10, background: 'rgba(255,255,255,0.18)', display: 'grid', placeItems: 'center', fontSize: 20, fontWeight: 700 }}
          >
            {t('common:appName').slice(0, 1)}
          </span>
          <span style={{ fontSize: 22, fontWeight: 600, letterSpacing: 1 }}>{t('common:appName')}</span>
        </div>
        <div>
          <div style={{ fontSize: 30, fontWeight: 600, lineHeight: 1.35, marginBottom: 16 }}>{t('common:appTagline')}</div>
          <div style={{ fontSize: 15, opacity: 0.85, lineHeight: 1.7, maxWidth: 440 }}>{t('console:login.pitch')}</div>
        </div>
        <div style={{ fontSize: 12, opacity: 0.7 }}>{t('console:login.footer')}</div>
      </aside>
      <main style={{ flex: 1, display: 'flex', flexDirection: 'column' }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 20 }}>
          <LanguageSwitch />
        </div>
        <div style={{ flex: 1, display: 'grid', placeItems: 'center', padding: '0 24px 64px' }}>
          <Card style={{ width: 400, boxShadow: '0 8px 24px rgba(20, 50, 90, 0.08)' }} styles={{ body: { padding: 32 } }}>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: subtitle ? 4 : 24 }}>
              {title}
            </Typography.Title>
            {subtitle && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
                {subtitle}
              </Typography.Paragraph>
            )}
            {children}
          </Card>
        </div>
      </main>
    </div>
  );
}
