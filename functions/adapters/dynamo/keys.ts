/**
 * Key layout of the single table (docs/data-model.md explains every access pattern).
 * flow: dynamo adapters --> keys
 */
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export const keys = {
  agency: (a: string) => `AGENCY#${a}`,
  /** The registry of agencies: one item per agency, written with its first profile. */
  agencies: 'AGENCIES',
  profileSk: (version: number) => `PROFILE#${pad(version, 6)}`,
  planPointerSk: (year: number) => `PLAN#${year}`,
  /** Each plan version lives in its own partition, suffixed with its content hash so that the items
   *  an interrupted import left behind can never mix with another version's. */
  planVersionPk: (a: string, year: number, version: number, hash: string) => `AGENCY#${a}#PLAN#${year}#V${pad(version, 4)}#${hash.slice(0, 12)}`,
  taskSk: (taskId: string) => `TASK#${taskId}`,
  tasksByUnitPk: (a: string, year: number, version: number, hash: string, unit: string) =>
    `AGENCY#${a}#PLAN#${year}#V${pad(version, 4)}#${hash.slice(0, 12)}#UNIT#${unit}`,
  taskOrderSk: (order: number) => `TASK#${pad(order, 6)}`,
  period: (a: string, period: string) => `AGENCY#${a}#PERIOD#${period}`,
  headSk: (unit: string) => `SUB#${unit}`,
  draftSk: (unit: string) => `DRAFT#${unit}`,
  lockSk: 'LOCK',
  /** One entry of a period's lock log: each lock and reopening, oldest first. */
  lockLogSk: (at: string, id: string) => `LOCKLOG#${at}#${id}`,
  unitSubmissions: (a: string, unit: string) => `AGENCY#${a}#UNITSUB#${unit}`,
  periodSk: (period: string) => `PERIOD#${period}`,
  revisions: (a: string, period: string, unit: string) => `AGENCY#${a}#PERIOD#${period}#UNIT#${unit}`,
  revisionSk: (n: number) => `REV#${pad(n, 6)}`,
  idempotency: (a: string, scope: string, key: string) => `AGENCY#${a}#IDEM#${scope}#${key}`,
  idempotencySk: 'IDEM',
  reports: (a: string, period: string) => `AGENCY#${a}#REPORTS#${period}`,
  reportVersionSk: (v: number) => `V#${pad(v, 4)}`,
  latestSk: 'LATEST',
  allReports: (a: string) => `AGENCY#${a}#REPORTS`,
  /** The register of outgoing documents: one partition per year and document symbol ("BC-SKHCN"). */
  register: (a: string, year: number | '*', symbol: string) => `AGENCY#${a}#REGISTER#${year}#${symbol}`,
  registerCounterSk: 'COUNTER',
  registerNumberSk: (n: number) => `NO#${pad(n, 6)}`,
  jobRuns: (a: string, job: string) => `AGENCY#${a}#JOB#${job}`,
  jobRunSk: (scheduledTime: string) => `RUN#${scheduledTime}`,
  allJobRuns: (a: string) => `AGENCY#${a}#JOBS`,
  deliveries: (a: string, period: string) => `AGENCY#${a}#DELIVERY#${period}`,
  /** A signed-out access token, by its `jti`: refused until it would have expired anyway. */
  revokedToken: (a: string, tokenId: string) => `AGENCY#${a}#REVOKED#${tokenId}`,
  revokedTokenSk: 'REVOKED',
  deliverySk: (run: string, purpose: string) => `MAIL#${run}#${purpose}`,
  /** An agency's people, one item per email. */
  users: (a: string) => `AGENCY#${a}#USERS`,
  userSk: (email: string) => `USER#${email}`,
  /** A person's email across agencies: which agency holds it (one only), the sign-in code and its send counts. */
  email: (email: string) => `EMAIL#${email}`,
  emailOwnerSk: 'OWNER',
  emailCodeSk: 'CODE',
  /** Codes requested for an address, or from a source address, in one hour ("2026-12-07T19"). */
  rateSk: (hour: string) => `RATE#${hour}`,
  source: (ip: string) => `SOURCE#${ip}`,
  /** Who changed what among an agency's people (and, later, other settings): newest last. */
  audit: (a: string) => `AGENCY#${a}#AUDIT`,
  auditSk: (at: string, id: string) => `AT#${at}#${id}`,
  /** The leaders' directions of an agency: one item per direction (its current version). */
  directions: (a: string) => `AGENCY#${a}#DIRECTIONS`,
  directionSk: (id: string) => `DIR#${id}`,
  /** Every version of one direction, oldest first. */
  directionVersions: (a: string, id: string) => `AGENCY#${a}#DIRECTION#${id}`,
  directionVersionSk: (n: number) => `V#${pad(n, 4)}`,
};

/** Removes the key attributes before an item goes back to the domain. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g2, expiresAt: _ttl, entity: _e, ...rest } = item;
  return rest as T;
}
