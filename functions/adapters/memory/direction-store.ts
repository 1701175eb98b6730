/**
 * Directions in memory, for unit tests: the same outcomes as the DynamoDB adapter (a stale
 * expected version writes nothing and answers false).
 * flow: tests --> DirectionStore port --> this adapter
 */
import { versionOf, type Direction, type DirectionVersion } from '../../core/direction.ts';
import type { AuditEntry, DirectionStore } from '../../usecases/ports.ts';
import { copy } from './copy.ts';

export class MemoryDirectionStore implements DirectionStore {
  readonly heads = new Map<string, Direction>();
  readonly history = new Map<string, DirectionVersion[]>();
  readonly audit: AuditEntry[] = [];

  async list(agencyId: string): Promise<Direction[]> {
    return copy([...this.heads.values()].filter((d) => d.agencyId === agencyId));
  }

  async get(agencyId: string, id: string): Promise<Direction | undefined> {
    return copy(this.heads.get(`${agencyId}|${id}`));
  }

  async versions(agencyId: string, id: string): Promise<DirectionVersion[]> {
    return copy(this.history.get(`${agencyId}|${id}`) ?? []);
  }

  async put(direction: Direction, expectedVersion: number, audit: AuditEntry): Promise<boolean> {
    const key = `${direction.agencyId}|${direction.id}`;
    if ((this.heads.get(key)?.version ?? 0) !== expectedVersion) return false;
    this.heads.set(key, copy(direction));
    this.history.set(key, [...(this.history.get(key) ?? []), versionOf(copy(direction))]);
    this.audit.push(copy(audit));
    return true;
  }
}
