import { VOLUNTEER_SKILLS } from '../../../contract/teams.ts';

/**
 * The public sign-up form's values and their checks on the phone, before
 * anything is sent: the same rules as the server's (contract/teams.ts), so
 * a person on a weak signal hears at once what is missing. Messages are
 * translation keys of the server's catalogue (`server:validation.*`).
 */
export type VolunteerSkill = (typeof VOLUNTEER_SKILLS)[number];
export const SKILLS: readonly VolunteerSkill[] = VOLUNTEER_SKILLS;

export interface VolunteerDraft {
  name: string;
  mobile: string;
  skills: VolunteerSkill[];
  availability: string;
  consent: boolean;
}

export const VOLUNTEER_FIELDS = ['name', 'mobile', 'skills', 'availability', 'consent'] as const;
export type VolunteerField = (typeof VOLUNTEER_FIELDS)[number];

export const emptyDraft = (): VolunteerDraft => ({ name: '', mobile: '', skills: [], availability: '', consent: false });

const NAME_MAX = 30;
const AVAILABILITY_MAX = 200;

/** Each field's problem, as a translation key; empty when the form may be sent. */
export function volunteerProblems(d: VolunteerDraft): Partial<Record<VolunteerField, string>> {
  const p: Partial<Record<VolunteerField, string>> = {};
  const name = d.name.trim();
  if (!name) p.name = 'validation.required';
  else if (name.length > NAME_MAX) p.name = 'validation.tooLong';
  const mobile = d.mobile.replace(/\s/g, '');
  if (!mobile) p.mobile = 'validation.required';
  else if (!/^1\d{10}$/.test(mobile)) p.mobile = 'validation.mobile';
  if (d.skills.length === 0) p.skills = 'validation.skillRequired';
  const availability = d.availability.trim();
  if (!availability) p.availability = 'validation.required';
  else if (availability.length > AVAILABILITY_MAX) p.availability = 'validation.tooLong';
  if (!d.consent) p.consent = 'validation.consentRequired';
  return p;
}

/** What is sent: trimmed, the mobile without the spaces people type in it, skills in the page's order. */
export function signupBody(id: string, d: VolunteerDraft, consentVersion: string) {
  return {
    id,
    name: d.name.trim(),
    mobile: d.mobile.replace(/\s/g, ''),
    skills: SKILLS.filter((s) => d.skills.includes(s)),
    availability: d.availability.trim(),
    consent: d.consent,
    consentVersion,
  };
}
