/**
 * Agency profiles: one item per effective-dated version, never overwritten.
 *
 * The versions read are kept per container (a Lambda instance serves many requests): a read then
 * asks only whether the version after the newest one known exists — one small strongly consistent
 * read, batched with the request's other reads (get-batcher.ts) — and queries them all again only
 * when it does. Versions are numbered 1, 2, 3… without gaps (putProfile takes the next number with
 * a conditional write) and never change, so "no version n+1" means the cached list is complete: a
 * profile just stored by set-agency in another process is seen by the very next read
 * (docs/decisions.md, "A container keeps profiles and plan tasks, checking them in the same read").
 * flow: use case --> AgencyStore port --> this adapter --> DynamoDB
 */
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AgencyProfile } from '../../core/agency.ts';
import { profileTarget } from '../../core/agency.ts';
import type { AgencyStore, AuditEntry } from '../../usecases/ports.ts';
import { auditPut } from './user-store.ts';
import { keys, stripKeys } from './keys.ts';
import { queryAll } from './query-all.ts';
import { isConditionFailure } from './errors.ts';
import { GetBatcher } from './get-batcher.ts';

/** Agencies whose profiles a container keeps: a province has some twenty Sở, each a few versions. */
const MAX_CACHED_AGENCIES = 64;

export class DynamoAgencyStore implements AgencyStore {
  private readonly cache = new Map<string, { newest: number; profiles: AgencyProfile[] }>();

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly reads = new GetBatcher(doc, table),
  ) {}

  async listProfiles(agencyId: string): Promise<AgencyProfile[]> {
    const cached = this.cache.get(agencyId);
    if (cached) {
      const next = await this.reads.get({ PK: keys.agency(agencyId), SK: keys.profileSk(cached.newest + 1) });
      // The entry may have been replaced meanwhile by a newer list: either is complete as of its read.
      if (!next) return structuredClone(cached.profiles);
    }
    const profiles = await this.queryProfiles(agencyId);
    if (profiles.length) {
      this.cache.delete(agencyId);
      if (this.cache.size >= MAX_CACHED_AGENCIES) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(agencyId, { newest: profiles.reduce((m, p) => Math.max(m, p.version ?? 0), 0), profiles: structuredClone(profiles) });
    }
    return profiles;
  }

  private async queryProfiles(agencyId: string): Promise<AgencyProfile[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.agency(agencyId), ':sk': 'PROFILE#' },
      ConsistentRead: true,
    });
    return items.map((i) => stripKeys<AgencyProfile>(i));
  }

  async listAgencies(): Promise<string[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.agencies },
      ProjectionExpression: 'agencyId',
      ConsistentRead: true,
    });
    return items.map((i) => String(i.agencyId)).sort();
  }

  async putProfile(profile: AgencyProfile, audit?: AuditEntry): Promise<AgencyProfile> {
    // Version numbers come from the existing count; a concurrent put of the same number fails
    // its condition and retries with the next one. So versions have no gaps (the cache relies on it).
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.queryProfiles(profile.agencyId);
      const version = existing.reduce((m, p) => Math.max(m, p.version ?? 0), 0) + 1;
      const stored = { ...profile, version };
      try {
        // The profile and the agency's line in the registry of agencies go in together: an agency
        // is listed exactly when it has a profile.
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.table,
                  Item: { PK: keys.agency(profile.agencyId), SK: keys.profileSk(version), entity: 'profile', ...stored },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              { Put: { TableName: this.table, Item: { PK: keys.agencies, SK: keys.agency(profile.agencyId), entity: 'agency', agencyId: profile.agencyId } } },
              ...(audit ? [auditPut(this.table, { ...audit, target: profileTarget(stored) })] : []),
            ],
          }),
        );
        return stored;
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
    }
    throw new Error('Could not store the agency profile: too many concurrent updates');
  }
}
