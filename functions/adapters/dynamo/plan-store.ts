/**
 * Plans: each import writes a complete new version in its own partition, then flips the year's
 * pointer with a conditional write. Readers follow the pointer, so they see the old plan or the
 * new one, never a mix; old versions stay as history.
 * flow: use case --> PlanStore port --> this adapter --> DynamoDB
 */
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Plan, PlanTask } from '../../core/plan.ts';
import type { PlanDocument } from '../../core/plan-document.ts';
import type { PlanMeta, PlanStore } from '../../usecases/ports.ts';
import { batchPut } from './batch-write.ts';
import { isConditionFailure } from './errors.ts';
import { keys, stripKeys } from './keys.ts';
import { queryAll } from './query-all.ts';

export class PlanConflictError extends Error {
  override name = 'PlanConflictError';
}

interface PlanPointer extends PlanMeta {
  title?: string;
  sourceDocument?: string;
  document?: PlanDocument;
}

export class DynamoPlanStore implements PlanStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  private async pointer(agencyId: string, year: number): Promise<PlanPointer | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.table, Key: { PK: keys.agency(agencyId), SK: keys.planPointerSk(year) }, ConsistentRead: true }),
    );
    return out.Item ? stripKeys<PlanPointer>(out.Item) : undefined;
  }

  getPlanMeta(agencyId: string, year: number): Promise<PlanMeta | undefined> {
    return this.pointer(agencyId, year);
  }

  async putPlan(plan: Plan, meta: { hash: string; importedAt: string; importedBy: string; source: string }) {
    const current = await this.pointer(plan.agencyId, plan.year);
    if (current && current.hash === meta.hash) return { meta: current as PlanMeta, changed: false };
    const version = (current?.version ?? 0) + 1;
    const pk = keys.planVersionPk(plan.agencyId, plan.year, version, meta.hash);
    const items = plan.tasks.map((t) => ({
      PK: pk,
      SK: keys.taskSk(t.id),
      GSI1PK: keys.tasksByUnitPk(plan.agencyId, plan.year, version, meta.hash, t.leadUnit),
      GSI1SK: keys.taskOrderSk(t.order),
      entity: 'task',
      ...t,
    }));
    await batchPut(this.doc, this.table, items, this.onProgress);
    const next: PlanPointer = {
      agencyId: plan.agencyId,
      year: plan.year,
      version,
      hash: meta.hash,
      taskCount: plan.tasks.length,
      importedAt: meta.importedAt,
      importedBy: meta.importedBy,
      source: meta.source,
      ...(plan.title ? { title: plan.title } : {}),
      ...(plan.sourceDocument ? { sourceDocument: plan.sourceDocument } : {}),
      ...(plan.document ? { document: plan.document } : {}),
    };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { PK: keys.agency(plan.agencyId), SK: keys.planPointerSk(plan.year), entity: 'plan', ...next },
          ConditionExpression: current ? 'version = :v' : 'attribute_not_exists(PK)',
          ...(current ? { ExpressionAttributeValues: { ':v': current.version } } : {}),
        }),
      );
    } catch (err) {
      if (isConditionFailure(err)) {
        throw new PlanConflictError(`Kế hoạch năm ${plan.year} vừa được người khác nhập; hãy chạy lại lệnh. (Another import of the ${plan.year} plan finished first; run the import again.)`);
      }
      throw err;
    }
    return { meta: next as PlanMeta, changed: true };
  }

  async getPlan(agencyId: string, year: number): Promise<Plan | undefined> {
    const p = await this.pointer(agencyId, year);
    if (!p) return undefined;
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.planVersionPk(agencyId, year, p.version, p.hash), ':sk': 'TASK#' },
    });
    const tasks = items.map((i) => stripKeys<PlanTask>(i)).sort((a, b) => a.order - b.order);
    return {
      agencyId,
      year,
      tasks,
      ...(p.title ? { title: p.title } : {}),
      ...(p.sourceDocument ? { sourceDocument: p.sourceDocument } : {}),
      ...(p.document ? { document: p.document } : {}),
    };
  }

  async tasksByUnit(agencyId: string, year: number, unit: string): Promise<PlanTask[]> {
    const p = await this.pointer(agencyId, year);
    if (!p) return [];
    const items = await queryAll(this.doc, {
      TableName: this.table,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.tasksByUnitPk(agencyId, year, p.version, p.hash, unit) },
    });
    return items.map((i) => stripKeys<PlanTask>(i));
  }

  async listPlanYears(agencyId: string): Promise<number[]> {
    const items = await queryAll(this.doc, {
      TableName: this.table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
      ExpressionAttributeValues: { ':pk': keys.agency(agencyId), ':sk': 'PLAN#' },
      ProjectionExpression: '#y',
      ExpressionAttributeNames: { '#y': 'year' },
    });
    return items.map((i) => Number(i.year)).sort();
  }
}
