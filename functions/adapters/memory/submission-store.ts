/**
 * Submissions in memory, with the DynamoDB adapter's conditions: a submit writes head, revision
 * and idempotency record all or nothing, only over the revision the client saw, never over an
 * existing revision or record, and only while the period is not locked; a failed submit is read
 * with the adapter's precedence (an earlier request's record: replay; the lock: locked; else a
 * conflict with the current head). A draft's content is kept apart from the head, which only
 * names when and by whom it was saved.
 * flow: use cases --> SubmissionStore port --> this adapter (Maps)
 */
import type { Revision, SubmissionHead } from '../../core/submission.ts';
import type { PeriodLock, StoredDraft, StoredRevision, SubmissionStore, SubmitCommand, SubmitOutcome } from '../../usecases/ports.ts';
import { copy } from './copy.ts';

interface IdempotencyRecord {
  requestHash: string;
  period: string;
  unit: string;
  revision: number;
}

const k = (...parts: (string | number)[]) => parts.join('\u0000');

/** What a revision is stored as: everything but its changes (as the DynamoDB adapter stores it). */
function storedRevision(revision: Revision | StoredRevision): StoredRevision {
  const { changes: _changes, ...stored } = revision as Revision;
  return copy(stored);
}

export class MemorySubmissionStore implements SubmissionStore {
  /** By agency and period, then unit. */
  private readonly heads = new Map<string, Map<string, SubmissionHead>>();
  private readonly drafts = new Map<string, StoredDraft>();
  /** By agency, period and unit: revision number → revision. */
  private readonly revisions = new Map<string, Map<number, StoredRevision>>();
  private readonly locks = new Map<string, PeriodLock>();
  /** By agency and period: every lock and reopening, in the order written. */
  private readonly lockLog = new Map<string, PeriodLock[]>();
  private readonly idempotency = new Map<string, IdempotencyRecord>();

  private head(agencyId: string, period: string, unit: string): SubmissionHead | undefined {
    return this.heads.get(k(agencyId, period))?.get(unit);
  }

  private putHead(head: SubmissionHead): void {
    const pk = k(head.agencyId, head.period);
    if (!this.heads.has(pk)) this.heads.set(pk, new Map());
    this.heads.get(pk)!.set(head.unit, copy(head));
  }

  async getHead(agencyId: string, period: string, unit: string): Promise<SubmissionHead | undefined> {
    return copy(this.head(agencyId, period, unit));
  }

  async listHeads(agencyId: string, period: string): Promise<SubmissionHead[]> {
    // In unit code order, as the table's sort key gives them.
    return copy([...(this.heads.get(k(agencyId, period))?.values() ?? [])].sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0)));
  }

  async headsOfUnitBefore(agencyId: string, unit: string, period: string, limit: number): Promise<SubmissionHead[]> {
    const heads: SubmissionHead[] = [];
    for (const byUnit of this.heads.values()) {
      const h = byUnit.get(unit);
      if (h && h.agencyId === agencyId && h.period < period) heads.push(h);
    }
    return copy(heads.sort((a, b) => (a.period < b.period ? 1 : -1)).slice(0, limit));
  }

  async saveDraft(agencyId: string, period: string, unit: string, draft: StoredDraft): Promise<SubmissionHead> {
    this.drafts.set(k(agencyId, period, unit), copy(draft));
    const marker = { savedAt: draft.savedAt, savedBy: draft.savedBy };
    const current = this.head(agencyId, period, unit);
    const head: SubmissionHead = current
      ? { ...current, draft: marker, updatedAt: draft.savedAt }
      : { agencyId, period, unit, state: 'draft', revision: 0, draft: marker, updatedAt: draft.savedAt };
    this.putHead(head);
    return copy({ ...head, draft: { ...marker, data: draft.data } });
  }

  async getDraft(agencyId: string, period: string, unit: string): Promise<StoredDraft | undefined> {
    return copy(this.drafts.get(k(agencyId, period, unit)));
  }

  async submit(cmd: SubmitCommand): Promise<SubmitOutcome> {
    const { head, revision, expectedRevision, idempotency } = cmd;
    const a = head.agencyId;
    const current = this.head(a, head.period, head.unit);
    const revKey = k(a, head.period, head.unit);
    // Every condition of the adapter's transaction, each by the item it guards.
    const failed = {
      head: expectedRevision === 0 ? current !== undefined && current.revision !== 0 : current?.revision !== expectedRevision,
      revision: this.revisions.get(revKey)?.has(revision.revision) === true,
      lock: this.locks.get(k(a, head.period))?.locked === true,
      idempotency: idempotency !== undefined && this.idempotency.has(k(a, idempotency.key)),
    };
    if (failed.idempotency) {
      const replay = await this.findReplay(a, idempotency!.key, idempotency!.requestHash);
      if (replay) return replay;
    }
    if (failed.lock) return { kind: 'locked' };
    if (failed.head || failed.revision) return { kind: 'conflict', current: copy(current) };
    if (failed.idempotency) throw new Error('Idempotency record without its revision');
    this.putHead(head);
    if (!this.revisions.has(revKey)) this.revisions.set(revKey, new Map());
    this.revisions.get(revKey)!.set(revision.revision, storedRevision(revision));
    if (idempotency) {
      this.idempotency.set(k(a, idempotency.key), { requestHash: idempotency.requestHash, period: head.period, unit: head.unit, revision: revision.revision });
    }
    return { kind: 'stored', head: copy(head), revision: copy(revision) };
  }

  async findReplay(agencyId: string, key: string, requestHash: string): Promise<Extract<SubmitOutcome, { kind: 'replay' }> | undefined> {
    const rec = this.idempotency.get(k(agencyId, key));
    if (!rec) return undefined;
    const revision = await this.getRevision(agencyId, rec.period, rec.unit, rec.revision);
    if (!revision) return undefined;
    return { kind: 'replay', revision, sameRequest: rec.requestHash === requestHash };
  }

  async listRevisions(agencyId: string, period: string, unit: string): Promise<StoredRevision[]> {
    return copy([...(this.revisions.get(k(agencyId, period, unit))?.values() ?? [])].sort((a, b) => a.revision - b.revision));
  }

  async getRevision(agencyId: string, period: string, unit: string, revision: number): Promise<StoredRevision | undefined> {
    return copy(this.revisions.get(k(agencyId, period, unit))?.get(revision));
  }

  async getLock(agencyId: string, period: string): Promise<PeriodLock | undefined> {
    return copy(this.locks.get(k(agencyId, period)));
  }

  async setLock(lock: PeriodLock): Promise<void> {
    this.locks.set(k(lock.agencyId, lock.period), copy(lock));
    const key = k(lock.agencyId, lock.period);
    this.lockLog.set(key, [...(this.lockLog.get(key) ?? []), copy(lock)]);
  }

  async listLockLog(agencyId: string, period: string): Promise<PeriodLock[]> {
    return copy([...(this.lockLog.get(k(agencyId, period)) ?? [])].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)));
  }
}
