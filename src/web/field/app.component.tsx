import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ChangePasswordPage } from './auth/change-password.page.tsx';
import { LoginPage } from './auth/login.page.tsx';
import { DeclarePage } from './declare/declare.page.tsx';
import { DutyWork } from './duty/duty-work.component.tsx';
import { DutyPage } from './duty/duty.page.tsx';
import { TasksPage } from './duty/tasks.page.tsx';
import { GateOutboxPage } from './gate/gate-outbox.page.tsx';
import { GatePage } from './gate/gate.page.tsx';
import { GateWork } from './gate/gate-work.component.tsx';
import { FixVisitorPage, NewVisitorPage } from './gate/visitor.page.tsx';
import { HomePage } from './home/home.page.tsx';
import { HouseholdPage } from './ledger/household.page.tsx';
import { SearchPage } from './ledger/search.page.tsx';
import { MePage } from './me/me.page.tsx';
import { ArrivalPage } from './observation/arrival.page.tsx';
import { ArrivalsPage } from './observation/arrivals.page.tsx';
import { ChecksPage } from './observation/checks.page.tsx';
import { DeclarationsPage } from './observation/declarations.page.tsx';
import { LetterSignPage } from './observation/letter-sign.page.tsx';
import { LetterPage } from './observation/letter.page.tsx';
import { ObservationWork } from './observation/observation-work.component.tsx';
import { ObservationPage } from './observation/observation.page.tsx';
import { ReadingOutboxPage } from './observation/reading-outbox.page.tsx';
import { RecordCheckPage } from './observation/record-check.page.tsx';
import { RegisterPage } from './observation/register.page.tsx';
import { OfflineBanner } from './offline/offline-banner.component.tsx';
import { UnitPage } from './org/unit.page.tsx';
import { PatrolPage } from './patrol/patrol.page.tsx';
import { UpdateBanner } from './pwa/update-banner.component.tsx';
import { FieldWork } from './screening/field-work.component.tsx';
import { OutboxPage } from './screening/outbox.page.tsx';
import { RoundPage } from './screening/round.page.tsx';
import { ScreeningPage } from './screening/screening.page.tsx';
import { EditVisitPage, NewVisitPage } from './screening/visit-form.page.tsx';
import { SessionGate } from './shell/session-gate.component.tsx';
import { TabLayout } from './shell/tab-layout.component.tsx';
import { VolunteerPage } from './volunteer/volunteer.page.tsx';

/** The field app: providers, banners shown on every screen, and the routes under /m. */
export function App({ queryClient }: { queryClient: QueryClient }) {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = t('field:appTitle');
  }, [t, i18n.language]);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN}>
        {/* "/m/", not "/m": the home page must be /m/ so that it lies inside the service worker's scope (a reload of /m offline would fail). */}
        <BrowserRouter basename="/m/">
          <div className="field-app">
            <OfflineBanner />
            <UpdateBanner />
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              {/* Public: a person declaring themself from the community's QR code has no account. */}
              <Route path="/declare/:communityId" element={<DeclarePage />} />
              <Route path="/volunteer/:communityId" element={<VolunteerPage />} />
              <Route element={<SessionGate />}>
                <Route path="/password" element={<ChangePasswordPage />} />
                <Route element={<FieldWork />}>
                  <Route element={<GateWork />}>
                    <Route element={<ObservationWork />}>
                      <Route element={<DutyWork />}>
                        <Route element={<TabLayout />}>
                          <Route index element={<HomePage />} />
                          <Route path="/units/:id" element={<UnitPage />} />
                          <Route path="/search" element={<SearchPage />} />
                          <Route path="/households/:id" element={<HouseholdPage />} />
                          <Route path="/screening" element={<ScreeningPage />} />
                          <Route path="/screening/rounds/:id" element={<RoundPage />} />
                          <Route path="/outbox" element={<OutboxPage />} />
                          <Route path="/gate" element={<GatePage />} />
                          <Route path="/gate/outbox" element={<GateOutboxPage />} />
                          <Route path="/patrol" element={<PatrolPage />} />
                          <Route path="/me" element={<MePage />} />
                          <Route path="/observation" element={<ObservationPage />} />
                          <Route path="/observation/checks" element={<ChecksPage />} />
                          <Route path="/observation/outbox" element={<ReadingOutboxPage />} />
                          <Route path="/observation/arrivals" element={<ArrivalsPage />} />
                          <Route path="/observation/arrivals/:id" element={<ArrivalPage />} />
                          <Route path="/observation/declarations" element={<DeclarationsPage />} />
                          <Route path="/observation/letters/:id" element={<LetterPage />} />
                          <Route path="/duty" element={<DutyPage />} />
                          <Route path="/duty/tasks" element={<TasksPage />} />
                        </Route>
                        {/* Forms take the whole screen: the tab bar would only sit under the thumb and the save button. */}
                        <Route path="/households/:id/visit" element={<NewVisitPage />} />
                        <Route path="/outbox/:id" element={<EditVisitPage />} />
                        <Route path="/gate/visitor" element={<NewVisitorPage />} />
                        <Route path="/gate/outbox/:id" element={<FixVisitorPage />} />
                        <Route path="/observation/checks/:id" element={<RecordCheckPage />} />
                        <Route path="/observation/register" element={<RegisterPage />} />
                        <Route path="/observation/arrivals/:id/letter" element={<LetterSignPage />} />
                      </Route>
                    </Route>
                  </Route>
                </Route>
              </Route>
              <Route path="*" element={<Navigate to="/" replace />} />
            </Routes>
          </div>
        </BrowserRouter>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
