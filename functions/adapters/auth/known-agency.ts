/**
 * Whether the deployment holds the agency a token names. A token is signed by the user pool, but
 * the pool's groups and the table's agencies are managed apart: a user left in the group of an
 * agency that was never created (or a typo in a group name) must get a clear refusal, never a
 * page built from another agency's data or an empty one.
 * flow: auth middleware --> known agency --> AgencyStore
 */
import type { AgencyStore } from '../../usecases/ports.ts';

/** Agencies seen to exist, per store: they are never deleted, so a yes is kept for the container's life. */
const known = new WeakMap<AgencyStore, Set<string>>();

export async function isKnownAgency(agencies: AgencyStore, agencyId: string): Promise<boolean> {
  let seen = known.get(agencies);
  if (!seen) {
    seen = new Set();
    known.set(agencies, seen);
  }
  if (seen.has(agencyId)) return true;
  // A no is asked again each time: the agency may be created a minute later.
  let exists: boolean;
  try {
    exists = (await agencies.listProfiles(agencyId)).length > 0;
  } catch (err) {
    // In AWS a function may read only its deployment's agencies (IAM leading keys): an agency it may
    // not read is one this deployment does not hold — a clear 403, not a 500.
    if ((err as { name?: string }).name === 'AccessDeniedException') return false;
    throw err;
  }
  if (exists) seen.add(agencyId);
  return exists;
}
