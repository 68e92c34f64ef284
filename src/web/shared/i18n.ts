import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enCommon from '../../i18n/locales/en/common.json';
import enConsole from '../../i18n/locales/en/console.json';
import enField from '../../i18n/locales/en/field.json';
import enServer from '../../i18n/locales/en/server.json';
import enLedger from '../../i18n/locales/en/ledger.json';
import enScreening from '../../i18n/locales/en/screening.json';
import enGates from '../../i18n/locales/en/gates.json';
import enGateField from '../../i18n/locales/en/gate-field.json';
import enGateConsole from '../../i18n/locales/en/gate-console.json';
import enObservation from '../../i18n/locales/en/observation.json';
import enObservationConsole from '../../i18n/locales/en/observation-console.json';
import enObservationField from '../../i18n/locales/en/observation-field.json';
import enTeams from '../../i18n/locales/en/teams.json';
import enTeamsConsole from '../../i18n/locales/en/teams-console.json';
import enReportsConsole from '../../i18n/locales/en/reports-console.json';
import enReportsOffice from '../../i18n/locales/en/reports-office.json';
import enDashboard from '../../i18n/locales/en/dashboard.json';
import enTeamsField from '../../i18n/locales/en/teams-field.json';
import zhCommon from '../../i18n/locales/zh-CN/common.json';
import zhConsole from '../../i18n/locales/zh-CN/console.json';
import zhField from '../../i18n/locales/zh-CN/field.json';
import zhServer from '../../i18n/locales/zh-CN/server.json';
import zhLedger from '../../i18n/locales/zh-CN/ledger.json';
import zhScreening from '../../i18n/locales/zh-CN/screening.json';
import zhGates from '../../i18n/locales/zh-CN/gates.json';
import zhGateField from '../../i18n/locales/zh-CN/gate-field.json';
import zhGateConsole from '../../i18n/locales/zh-CN/gate-console.json';
import zhObservation from '../../i18n/locales/zh-CN/observation.json';
import zhObservationConsole from '../../i18n/locales/zh-CN/observation-console.json';
import zhObservationField from '../../i18n/locales/zh-CN/observation-field.json';
import zhTeams from '../../i18n/locales/zh-CN/teams.json';
import zhTeamsConsole from '../../i18n/locales/zh-CN/teams-console.json';
import zhReportsConsole from '../../i18n/locales/zh-CN/reports-console.json';
import zhReportsOffice from '../../i18n/locales/zh-CN/reports-office.json';
import zhDashboard from '../../i18n/locales/zh-CN/dashboard.json';
import zhTeamsField from '../../i18n/locales/zh-CN/teams-field.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'linli.language';

/** The language chosen on this device before sign-in; Chinese unless English was picked. */
export function storedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

export async function changeLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { common: zhCommon, console: zhConsole, field: zhField, server: zhServer, ledger: zhLedger, screening: zhScreening, gates: zhGates, 'gate-field': zhGateField, 'gate-console': zhGateConsole,
      observation: zhObservation, 'observation-console': zhObservationConsole, 'observation-field': zhObservationField,
      teams: zhTeams, 'teams-console': zhTeamsConsole, 'teams-field': zhTeamsField, 'reports-console': zhReportsConsole,
      'reports-office': zhReportsOffice, dashboard: zhDashboard },
    en: { common: enCommon, console: enConsole, field: enField, server: enServer, ledger: enLedger, screening: enScreening, gates: enGates, 'gate-field': enGateField, 'gate-console': enGateConsole,
      observation: enObservation, 'observation-console': enObservationConsole, 'observation-field': enObservationField,
      teams: enTeams, 'teams-console': enTeamsConsole, 'teams-field': enTeamsField, 'reports-console': enReportsConsole,
      'reports-office': enReportsOffice, dashboard: enDashboard },
  },
  lng: storedLanguage(),
  fallbackLng: false,
  ns: ['common', 'console', 'field', 'server', 'ledger', 'screening', 'gates', 'gate-field', 'gate-console', 'observation', 'observation-console', 'observation-field', 'teams', 'teams-console', 'teams-field', 'reports-console', 'reports-office', 'dashboard'],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
