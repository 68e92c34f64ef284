import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import { Id } from '../../../contract/common.ts';
import {
  RevealedMobile, Volunteer, VolunteerApprove, VolunteerApproved, VolunteerLink, VolunteerPage, VolunteerQuery, VolunteerReceipt, VolunteerReject, VolunteerSignup,
} from '../../../contract/teams.ts';
import type { Services } from '../../services.ts';
import { actorOf } from '../../plugins/session.plugin.ts';

const tags = ['volunteers'];
const ById = z.object({ id: Id });
const ByCommunity = z.object({ communityId: Id });

/** The public page's address as the person's phone will reach it: the host the staff member's browser used. */
function signupPageUrl(request: { protocol: string; host: string }, communityId: string): string {
  return `${request.protocol}://${request.host}/m/volunteer/${communityId}`;
}

export const volunteersRoutes = (services: Services): FastifyPluginAsyncZod => async (app) => {
  const { volunteers } = services;

  /* Review: the community's administrators (team.manage) */
  app.get('/api/volunteers', {
    schema: { tags, summary: 'A community’s volunteer sign-ups, newest first (mobiles masked)', querystring: VolunteerQuery, response: { 200: z.array(Volunteer) } },
    handler: (r) => volunteers.list(actorOf(r), r.query),
  });
  app.get('/api/volunteers/link', {
    schema: { tags, summary: 'The public volunteer sign-up page of a community, and its QR code (SVG)', querystring: ByCommunity, response: { 200: VolunteerLink } },
    handler: async (r) => {
      const url = signupPageUrl(r, await volunteers.linkFor(actorOf(r), r.query.communityId));
      return { url, svg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
    },
  });
  app.post('/api/volunteers/:id/reveal', {
    schema: { tags, summary: 'A volunteer’s mobile in full (audited)', params: ById, response: { 200: RevealedMobile } },
    handler: (r) => volunteers.reveal(actorOf(r), r.params.id),
  });
  app.post('/api/volunteers/:id/approve', {
    schema: {
      tags, summary: 'Approve a volunteer: makes their field app account with the role at the community (the one-time password is shown once)',
      params: ById, body: VolunteerApprove, response: { 200: VolunteerApproved },
    },
    handler: (r) => volunteers.approve(actorOf(r), r.params.id, r.body),
  });
  app.post('/api/volunteers/:id/reject', {
    schema: { tags, summary: 'Decline a volunteer, with a note', params: ById, body: VolunteerReject, response: { 200: Volunteer } },
    handler: (r) => volunteers.reject(actorOf(r), r.params.id, r.body.note),
  });

  /* Public: no account */
  app.get('/api/public/volunteer/:communityId', {
    config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags, summary: 'The community a volunteer sign-up page is for, and the consent text’s version', params: ByCommunity, response: { 200: VolunteerPage } },
    handler: (r) => volunteers.page(r.params.communityId),
  });
  app.post('/api/public/volunteer/:communityId', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags, summary: 'Sign up as a volunteer (consent required; reviewed by the community)', params: ByCommunity, body: VolunteerSignup, response: { 200: VolunteerReceipt } },
    handler: (r) => volunteers.signUp(r.params.communityId, r.body, r.ip),
  });
};
