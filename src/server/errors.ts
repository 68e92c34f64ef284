/**
 * The one catalogue of errors the API can answer with. Each has a stable code
 * (the web turns it into a message too) and an HTTP status; the message is
 * `errors.<CODE>` in the translation files.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOO_MANY_ATTEMPTS: 429,
  RATE_LIMITED: 429,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  WRONG_PASSWORD: 400,
  PASSWORD_UNCHANGED: 400,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  MOBILE_TAKEN: 409,
  CODE_TAKEN: 409,
  CODE_FORMAT: 400,
  CODE_NOT_UNDER_PARENT: 400,
  ORG_NESTING: 400,
  UNIT_DISSOLVED: 400,
  UNIT_HAS_CURRENT_CHILDREN: 400,
  ROLE_LEVEL: 400,
  CANNOT_MANAGE_USER: 403,
  SELF_DISABLE: 400,
  LAST_ROLE: 400,
  ID_CONFLICT: 409,
  CHANGED_CONCURRENTLY: 409,
  INVALID_VALUE: 400,
  DUPLICATE_ID: 409,
  DUPLICATE_ID_ELSEWHERE: 409,
  ID_CONTRADICTS: 400,
  HOUSEHOLD_HAS_HEAD: 409,
  NOT_LIVING_HERE: 400,
  MERGE_SELF: 400,
  FILE_NOT_XLSX: 400,
  FILE_TOO_LARGE: 413,
  FILE_NO_HEADER: 400,
  IMPORT_HAS_PROBLEMS: 400,
  ROUND_CLOSED: 400,
  NOT_IN_ROUND: 400,
  DATE_ORDER: 400,
  ENTRANCE_NAME_TAKEN: 409,
  PLAN_IN_PAST: 400,
  CHANGE_ALREADY_EFFECTIVE: 409,
  ENTRANCE_SEALED: 400,
  NOT_ASSIGNED: 403,
  TEMPERATURE_MISREAD: 400,
  PASS_REVOKED: 409,
  ALERT_HANDLED: 409,
  NOT_IN_PATROL_GROUP: 403,
  ZONE_NOT_IN_GROUP: 400,
  ZONE_NAME_TAKEN: 409,
  ARRIVAL_IN_FUTURE: 400,
  ORIGIN_UNKNOWN: 400,
  OBSERVATION_OPEN: 409,
  LIST_TOO_LONG: 400,
  ARRIVAL_REGISTERED: 409,
  MEMBER_TWICE: 400,
  QUEUE_OF_ANOTHER_USER: 409,
  LETTER_CHANGED: 409,
  PLAN_ENDS_BEFORE_START: 400,
  PERSON_RELEASED: 409,
  CHECK_DONE: 409,
  READING_TOO_EARLY: 400,
  READING_MISSING: 400,
  RELEASE_TOO_EARLY: 400,
  RELEASE_NOTE_REQUIRED: 400,
  LETTER_SIGNED: 409,
  DECLARATION_LIMIT: 429,
  DECLARATION_QUEUE_FULL: 429,
  DECLARATION_REVIEWED: 409,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      field?: string;
      params?: Record<string, string | number>;
      /** The record the error points to (the existing resident with this ID number), when the caller may open it. */
      ref?: { type: string; id: string };
    } = {},
  ) {
    super(code);
    this.status = ERROR_STATUS[code];
  }
}

/** Out of scope and absent look the same, so ids of other grids cannot be probed. */
export const notFound = (): AppError => new AppError('NOT_FOUND');
