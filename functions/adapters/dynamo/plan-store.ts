/**
 * Plans: each import writes a complete new version in its own partition, then flips the year's
 * pointer with a conditional write. Readers follow the pointer, so they see the old plan or the
 * new one, never a mix; old versions stay as history.
 *
 * A version's tasks never change once the pointer names it (a new import writes a new version), so
 * each unit's tasks are kept per container by version and content hash: a read then costs only the
 * pointer, batched with the request's other reads (get-batcher.ts), and a new import is seen at
 * once because the pointer names another version.
 * flow: use case --> PlanStore port --> this adapter --> DynamoDB
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Plan, PlanTask } from '../../core/plan.ts';
import type { PlanDocument } from '../../core/plan-document.ts';
import type { PlanMeta, PlanStore } from '../../usecases/ports.ts';
import { batchPut } from './batch-write.ts';
import { isConditionFailure } from './errors.ts';
import { keys, stripKeys } from './keys.ts';
import { queryAll } from './query-all.ts';
import { GetBatcher } from './get-batcher.ts';

/** Units' task lists a container keeps (a plan has a few dozen units; a year or two are current). */
const MAX_CACHED_TASK_LISTS = 256;

export class PlanConflictError extends Error {
  override name = 'PlanConflictError';
}

interface PlanPointer extends PlanMeta {
  /** How many tasks each unit leads in this version: a unit's list read whole may be cached. */
  unitTaskCounts?: Record<string, number>;
  title?: string;
  sourceDocument?: string;
  document?: PlanDocument;
}

export class DynamoPlanStore implements PlanStore {
  /** Tasks by unit, keyed by the version partition they were read from (immutable once named). */
  private readonly taskCache = new Map<string, PlanTask[]>();

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly onProgress?: (done: number, total: number) => void,
    private readonly reads = new GetBatcher(doc, table),
  ) {}

  private async pointer(agencyId: string, year: number): Promise<PlanPointer | undefined> {
    const item = await this.reads.get({ PK: keys.agency(agencyId), SK: keys.planPointerSk(year) });
    return item ? stripKeys<PlanPointer>(item) : undefined;
  }

  async getPlanMeta(agencyId: string, year: number): Promise<PlanMeta | undefined> {
    const p = await this.pointer(agencyId, year);
    if (!p) return undefined;
    const { unitTaskCounts: _counts, ...meta } = p;
    return meta;
  }

  async putPlan(plan: Plan, meta: { hash: string; importedAt: string; importedBy: string; source: string }) {
    const current = await this.pointer(plan.agencyId, plan.year);
    if (current && current.hash === meta.hash) {
      const { unitTaskCounts: _counts, ...same } = current;
      return { meta: same as PlanMeta, changed: false };
    }
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
    const unitTaskCounts: Record<string, number> = {};
    for (const t of plan.tasks) unitTaskCounts[t.leadUnit] = (unitTaskCounts[t.leadUnit] ?? 0) + 1;
    const next: PlanPointer = {
      agencyId: plan.agencyId,
      year: plan.year,
      version,
      hash: meta.hash,
      taskCount: plan.tasks.length,
      unitTaskCounts,
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
        throw new PlanConflictError(
          `Kế hoạch năm ${plan.year} vừa được người khác nhập; hãy chạy lại lệnh. (Another import of the ${plan.year} plan finished first; run the import again.)`,
        );
      }
      throw err;
    }
    const { unitTaskCounts: _counts, ...stored } = next;
    return { meta: stored as PlanMeta, changed: true };
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
    const pk = keys.tasksByUnitPk(agencyId, year, p.version, p.hash, unit);
    const cached = this.taskCache.get(pk);
    if (cached) return structuredClone(cached);
    const items = await queryAll(this.doc, {
      TableName: this.table,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    });
    const tasks = items.map((i) => stripKeys<PlanTask>(i));
    // GSI reads are eventually consistent: a list read just after an import might still miss some
    // of its tasks. It is kept only when it has as many as the pointer counted for the unit
    // (pointers written before the counts existed: never kept, read each time).
    if (p.unitTaskCounts && (p.unitTaskCounts[unit] ?? 0) === tasks.length) {
      if (this.taskCache.size >= MAX_CACHED_TASK_LISTS) this.taskCache.delete(this.taskCache.keys().next().value!);
      this.taskCache.set(pk, structuredClone(tasks));
    }
    return tasks;
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
