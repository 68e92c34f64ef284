import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../../contract/common.ts';
import {
  AreaAssign, AreaCoverage, AreaEnd, AreaQuery, CommunityPerson, MemberAdd, MemberEnd, MyArea, Replacement, SendingOrg, SendingOrgCreate, Team, TeamCreate, TeamsQuery,
} from '../../../contract/teams.ts';
import type { Services } from '../../services.ts';
import { actorOf } from '../../plugins/session.plugin.ts';

const tags = ['teams'];
const ById = z.object({ id: Id });
const ByCommunity = z.object({ communityId: Id });

export const teamsRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { teams, areas } = services;

  app.get('/api/teams/people', {
    schema: { tags, summary: 'People of a community (a role there now): who can join teams, areas and rosters', querystring: ByCommunity, response: { 200: z.array(CommunityPerson) } },
    handler: (r) => teams.people(actorOf(r), r.query.communityId),
  });
  app.get('/api/teams/orgs', {
    schema: { tags, summary: 'Sending organisations registered at the community or above it', querystring: ByCommunity, response: { 200: z.array(SendingOrg) } },
    handler: (r) => teams.orgs(actorOf(r), r.query.communityId),
  });
  app.post('/api/teams/orgs', {
    schema: { tags, body: SendingOrgCreate, response: { 200: SendingOrg } },
    handler: (r) => teams.createOrg(actorOf(r), r.body),
  });
  app.get('/api/teams', {
    schema: { tags, summary: 'Work teams of a community with the members on a day and their history', querystring: TeamsQuery, response: { 200: z.array(Team) } },
    handler: (r) => teams.list(actorOf(r), r.query),
  });
  app.post('/api/teams', {
    schema: { tags, body: TeamCreate, response: { 200: Team } },
    handler: (r) => teams.create(actorOf(r), r.body),
  });
  app.post('/api/teams/:id/members', {
    schema: { tags, params: ById, body: MemberAdd, response: { 200: Team } },
    handler: (r) => teams.addMember(actorOf(r), r.params.id, r.body),
  });
  app.post('/api/teams/:id/replacements', {
    schema: { tags, summary: 'Replace a member from a day, with a reason', params: ById, body: Replacement, response: { 200: Team } },
    handler: (r) => teams.replace(actorOf(r), r.params.id, r.body),
  });
  app.post('/api/teams/members/:id/end', {
    schema: { tags, summary: 'A member leaves the team from a day', params: ById, body: MemberEnd, response: { 200: Team } },
    handler: (r) => teams.endMember(actorOf(r), r.params.id, r.body),
  });

  app.get('/api/areas', {
    schema: { tags, summary: 'Each group’s responsible people on a day, and the groups nobody covers', querystring: AreaQuery, response: { 200: AreaCoverage } },
    handler: (r) => areas.coverage(actorOf(r), r.query),
  });
  app.post('/api/areas', {
    schema: { tags, body: AreaAssign, response: { 200: AreaCoverage } },
    handler: (r) => areas.assign(actorOf(r), r.body),
  });
  app.post('/api/areas/:id/end', {
    schema: { tags, params: ById, body: AreaEnd, response: { 200: AreaCoverage } },
    handler: (r) => areas.end(actorOf(r), r.params.id, r.body),
  });
  app.get('/api/me/area', {
    schema: { tags, summary: 'The groups the signed-in user answers for today', response: { 200: MyArea } },
    handler: (r) => areas.mine(actorOf(r)),
  });
};
