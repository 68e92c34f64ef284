import { z } from 'zod';
import { Id, Instant, LocalDate, Mobile } from './common.ts';
import { Username } from './users.ts';

/**
 * Work teams, volunteers and areas (工作队、志愿者、片区): the organisations
 * that send people to a community, the teams stationed there with dated
 * memberships and replacements, volunteers who sign up on a public page and
 * are approved into field app users, and the residential groups each person
 * answers for.
 */
const Text = (max: number) => z.string().trim().min(1, { message: 'validation.required' }).max(max, { message: 'validation.tooLong' });
const OptionalText = (max: number) => z.string().trim().max(max, { message: 'validation.tooLong' }).optional();

/** A city bureau (市残联), an enterprise sending its party members (下沉党员), or another body. */
export const SendingKind = z.enum(['bureau', 'enterprise', 'other'], { message: 'validation.sendingKind' });
export const TeamKind = z.enum(['work_team', 'party_members'], { message: 'validation.teamKind' });
export const MemberRole = z.enum(['leader', 'member'], { message: 'validation.memberRole' });

export const SendingOrg = z.object({ id: Id, name: z.string(), kind: SendingKind, unitId: Id, unitName: z.string(), contact: z.string().nullable() });
export type SendingOrg = z.infer<typeof SendingOrg>;
/** Registered at a community or an office above it; seen by the communities below. */
export const SendingOrgCreate = z.object({ unitId: Id, name: Text(60), kind: SendingKind, contact: OptionalText(60) });

export const Membership = z.object({
  id: Id,
  userId: Id,
  name: z.string(),
  /** Masked (138****1234). */
  mobile: z.string().nullable(),
  role: MemberRole,
  from: LocalDate,
  /** First day no longer on the team; null while on it. */
  to: LocalDate.nullable(),
  /** Why their time ended (a replacement's reason), and who took their place. */
  endReason: z.string().nullable(),
  replacedByName: z.string().nullable(),
  /** The member this one replaced, with the reason. */
  replacesName: z.string().nullable(),
  reason: z.string().nullable(),
});
export type Membership = z.infer<typeof Membership>;

export const Team = z.object({
  id: Id,
  communityId: Id,
  communityName: z.string(),
  name: z.string(),
  kind: TeamKind,
  sendingOrg: SendingOrg,
  from: LocalDate,
  to: LocalDate.nullable(),
  /** The team on the day asked for (today by default). */
  day: LocalDate,
  onDay: z.array(Membership),
  /** Every membership ever, oldest first: the team's history. */
  history: z.array(Membership),
});
export type Team = z.infer<typeof Team>;

export const TeamsQuery = z.object({ communityId: Id, day: LocalDate.optional() });
export const TeamCreate = z.object({
  communityId: Id,
  sendingOrgId: Id,
  name: Text(60),
  kind: TeamKind,
  from: LocalDate,
  to: LocalDate.nullable().optional(),
});
/** A user who holds a role in the team's community joins from a day. */
export const MemberAdd = z.object({ userId: Id, role: MemberRole, from: LocalDate });
/** From `day` the outgoing member is off the team and the incoming one takes their place, in the same role. */
export const Replacement = z.object({ outgoingUserId: Id, incomingUserId: Id, day: LocalDate, reason: Text(200) });
export const MemberEnd = z.object({ day: LocalDate, reason: Text(200) });

/** People of a community who can be put on teams, areas and rosters: users holding a field or admin role there now. */
export const CommunityPerson = z.object({ userId: Id, name: z.string(), mobile: z.string().nullable(), roles: z.array(z.string()) });
export type CommunityPerson = z.infer<typeof CommunityPerson>;

/* Volunteers */

export const VOLUNTEER_SKILLS = ['gate', 'patrol', 'delivery', 'medical', 'driving', 'translation', 'counselling', 'other'] as const;
export const VolunteerSkill = z.enum(VOLUNTEER_SKILLS, { message: 'validation.volunteerSkill' });
/** The roles a volunteer may take once approved. */
export const VolunteerRole = z.enum(['checkpoint_volunteer', 'team_member'], { message: 'validation.volunteerRole' });

/**
 * The version of the consent text (`teams:consent.*` in the web translations) the public page shows now. A sign-up keeps
 * the version the person agreed to; when the text changes, this changes with it.
 */
export const VOLUNTEER_CONSENT_VERSION = '2026-1';

export const VolunteerPage = z.object({ communityId: Id, communityName: z.string(), streetName: z.string(), consentVersion: z.string() });
export const VolunteerSignup = z.object({
  /** Made by the phone, so a resend is one sign-up. */
  id: Id,
  name: Text(30),
  mobile: Mobile,
  skills: z.array(VolunteerSkill).min(1, { message: 'validation.skillRequired' }).max(8),
  availability: Text(200),
  /** Must be true: the page shows what the data is used for and for how long. */
  consent: z.literal(true, { message: 'validation.consentRequired' }),
  consentVersion: z.string().max(20),
});
export const VolunteerReceipt = z.object({ id: Id, reference: z.string(), status: z.enum(['pending', 'approved', 'rejected']) });

export const VolunteerStatus = z.enum(['pending', 'approved', 'rejected']);
export const Volunteer = z.object({
  id: Id,
  communityId: Id,
  name: z.string(),
  /** Masked unless revealed (audited). */
  mobile: z.string(),
  skills: z.array(VolunteerSkill),
  availability: z.string(),
  consentAt: Instant,
  /** The consent text's version the person agreed to. */
  consentVersion: z.string(),
  status: VolunteerStatus,
  reference: z.string(),
  createdAt: Instant,
  reviewedAt: Instant.nullable(),
  reviewedByName: z.string().nullable(),
  note: z.string().nullable(),
  /** The field app account made at approval, with its role. */
  userId: Id.nullable(),
  username: z.string().nullable(),
  role: VolunteerRole.nullable(),
});
export type Volunteer = z.infer<typeof Volunteer>;
export const VolunteerQuery = z.object({ communityId: Id, status: VolunteerStatus.optional() });
export const VolunteerApprove = z.object({ role: VolunteerRole, username: Username });
export const VolunteerReject = z.object({ note: Text(200) });
export const VolunteerApproved = z.object({ volunteer: Volunteer, oneTimePassword: z.string() });
export const RevealedMobile = z.object({ mobile: z.string() });
/** The public sign-up page's address and its QR code (SVG), for the community to print. */
export const VolunteerLink = z.object({ url: z.string(), svg: z.string() });

/* Areas */

export const AreaAssignment = z.object({
  id: Id,
  groupId: Id,
  userId: Id,
  name: z.string(),
  from: LocalDate,
  to: LocalDate.nullable(),
});
export type AreaAssignment = z.infer<typeof AreaAssignment>;
export const AreaGroup = z.object({
  groupId: Id,
  groupName: z.string(),
  households: z.number().int(),
  residents: z.number().int(),
  /** Who answers for the group on the day asked for. */
  responsible: z.array(AreaAssignment),
});
export const AreaCoverage = z.object({
  communityId: Id,
  day: LocalDate,
  groups: z.array(AreaGroup),
  /** Groups nobody covers on the day. */
  uncovered: z.array(Id),
});
export type AreaCoverage = z.infer<typeof AreaCoverage>;
export const AreaQuery = z.object({ communityId: Id, day: LocalDate.optional() });
export const AreaAssign = z.object({
  communityId: Id,
  userId: Id,
  groupIds: z.array(Id).min(1, { message: 'validation.required' }).max(100),
  from: LocalDate,
  to: LocalDate.nullable().optional(),
});
export const AreaEnd = z.object({ day: LocalDate });
/** A field user's own area: the groups they answer for today, first in their app. */
export const MyArea = z.object({
  day: LocalDate,
  groups: z.array(z.object({ groupId: Id, groupName: z.string(), communityId: Id, communityName: z.string(), households: z.number().int(), residents: z.number().int(), from: LocalDate, to: LocalDate.nullable() })),
});
export type MyArea = z.infer<typeof MyArea>;
