/**
 * Agency profiles: one item per effective-dated version, never overwritten.
 * flow: use case --> AgencyStore port --> this adapter --> DynamoDB
 */
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AgencyProfile } from '../../core/agency.ts';
import type { AgencyStore } from '../../usecases/ports.ts';
import { keys, stripKeys } from './keys.ts';
import { queryAll } from './query-all.ts';
import { isConditionFailure } from './errors.ts';

export class DynamoAgencyStore implements AgencyStore {
  constructor(private readonly doc: DynamoDBDocumentClient, private readonly table: string) {}

  async listProfiles(agencyId: string): Promise<AgencyProfile[]> {
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

  async putProfile(profile: AgencyProfile): Promise<AgencyProfile> {
    // Version numbers come from the existing count; a concurrent put of the same number fails
    // its condition and retries with the next one.
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.listProfiles(profile.agencyId);
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
