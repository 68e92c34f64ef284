import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { auditService } from './modules/audit/audit.service.ts';
import { authService } from './modules/auth/auth.service.ts';
import { SessionCache } from './modules/auth/session-cache.ts';
import { healthService } from './modules/health/health.service.ts';
import { orgService } from './modules/org/org.service.ts';
import { usersService } from './modules/users/users.service.ts';
import { residentsService } from './modules/ledger/residents.service.ts';
import { residentChangesService } from './modules/ledger/resident-changes.service.ts';
import { residentImportService } from './modules/ledger/resident-import.service.ts';
import { figuresService } from './modules/ledger/figures.service.ts';
import { screeningService } from './modules/ledger/screening.service.ts';
import type { SensitiveBox } from './security/sensitive.ts';
import { GateEvents } from './modules/gates/gate-events.ts';
import { entrancesService } from './modules/gates/entrances.service.ts';
import { passesService } from './modules/gates/passes.service.ts';
import { passagesService } from './modules/gates/passages.service.ts';
import { patrolsService } from './modules/gates/patrols.service.ts';
import { gateLiveService } from './modules/gates/live.service.ts';
import { ObservationEvents } from './modules/observation/observation-events.ts';
import { arrivalsService } from './modules/observation/arrivals.service.ts';
import { checksService } from './modules/observation/checks.service.ts';
import { lettersService } from './modules/observation/letters.service.ts';
import { declarationsService } from './modules/observation/declarations.service.ts';
import { teamsService } from './modules/teams/teams.service.ts';
import { areasService } from './modules/teams/areas.service.ts';
import { rosterWeekService } from './modules/rosters/roster-week.service.ts';
import { rosterSheetService } from './modules/rosters/roster-sheet.service.ts';
import { swapsService } from './modules/rosters/swaps.service.ts';
import { onDutyService } from './modules/rosters/on-duty.service.ts';
import { volunteersService } from './modules/teams/volunteers.service.ts';
import { briefingsService } from './modules/briefings/briefings.service.ts';
import { taskTicksService } from './modules/briefings/task-ticks.service.ts';
import { hazardsService } from './modules/briefings/hazards.service.ts';
import { CommunityNews } from './community-news.ts';
import { reportsService } from './modules/reports/reports.service.ts';
import { issuesService } from './modules/reports/issues.service.ts';
import { levelService } from './modules/reports/level.service.ts';
import { reportRulesService } from './modules/reports/report-rules.service.ts';
import { dashboardStream } from './modules/reports/dashboard-stream.ts';

/** The application's services, bound to one database; routes, CLI and tests all use these. */
export function createServices(database: Database, box: SensitiveBox, config: Pick<Config, 'sessionHours'> & { sessionCacheMs?: number }) {
  const sessions = new SessionCache(config.sessionCacheMs);
  const residents = residentsService(database, box);
  const news = new CommunityNews();
  const gateEvents = new GateEvents(news);
  const observationEvents = new ObservationEvents(news);
  return {
    news,
    reports: {
      reports: reportsService(database, news),
      issues: issuesService(database, news),
      levels: levelService(database),
      rules: reportRulesService(database),
      stream: dashboardStream(database, news),
    },
    observation: {
      events: observationEvents,
      arrivals: arrivalsService(database, box, observationEvents),
      checks: checksService(database, observationEvents),
      letters: lettersService(database),
      declarations: declarationsService(database, box, observationEvents),
    },
    teams: teamsService(database),
    briefings: { briefings: briefingsService(database), ticks: taskTicksService(database, news), hazards: hazardsService(database) },
    areas: areasService(database),
    rosters: { week: rosterWeekService(database), sheet: rosterSheetService(database), swaps: swapsService(database), onDuty: onDutyService(database, news) },
    volunteers: volunteersService(database, box),
    gateEvents,
    entrances: entrancesService(database, gateEvents),
    passes: passesService(database, box),
    passages: passagesService(database, box, gateEvents),
    patrols: patrolsService(database, gateEvents),
    gateLive: gateLiveService(database, gateEvents),
    residents,
    residentChanges: residentChangesService(database, box),
    residentImport: residentImportService(database, box),
    figures: figuresService(database),
    screening: screeningService(database, box, news),
    health: healthService(database),
    auth: authService(database, { sessionHours: config.sessionHours, sessions }),
    org: orgService(database),
    users: usersService(database, sessions),
    audit: auditService(database),
  };
}

export type Services = ReturnType<typeof createServices>;
