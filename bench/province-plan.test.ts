/**
 * The bench province: every state the view draws, in the proportions the figures rest on, and
 * one name per agency; the request counter the province child uses.
 * flow: vitest --> province-plan, count-sends
 */
import { describe, expect, it } from 'vitest';
import { countByName, recordSends } from './count-sends.ts';
import { departmentName, stateCounts, stateOf } from './province-plan.ts';

describe('the bench province', () => {
  it('has 30 agencies in every state: half delivered, the rest issued, draft or not compiled', () => {
    expect(stateCounts(30)).toEqual({ delivered: 15, issued: 5, draft: 5, 'not-compiled': 5 });
    expect(stateCounts(3)).toEqual({ delivered: 1, issued: 1, draft: 1, 'not-compiled': 0 });
  });

  it('gives the measured agency (0) a compiled state', () => {
    expect(stateOf(0)).toBe('delivered');
  });

  it('names each agency differently, so the sort by name has no ties', () => {
    const names = Array.from({ length: 60 }, (_, i) => departmentName(i));
    expect(new Set(names).size).toBe(60);
    expect(departmentName(0)).toBe('Sở Nội vụ');
    expect(names.some((n) => n.endsWith(' (2)'))).toBe(true);
  });
});

describe('recordSends', () => {
  class QueryCommand {}
  class GetObjectCommand {}

  it('counts each request by command, failed ones too, and keeps what the client answers', async () => {
    const client = {
      calls: 0,
      async send(command: unknown) {
        this.calls++;
        if (command instanceof GetObjectCommand) throw new Error('NoSuchKey');
        return { ok: this.calls };
      },
    };
    const seen: { name: string; ms: number }[] = [];
    recordSends(client, (r) => seen.push(r));
    expect(await client.send(new QueryCommand())).toEqual({ ok: 1 });
    await client.send(new QueryCommand());
    await expect(client.send(new GetObjectCommand())).rejects.toThrow('NoSuchKey');
    expect(countByName(seen)).toEqual({ Query: 2, GetObject: 1 });
    expect(seen.every((r) => r.ms >= 0)).toBe(true);
  });
});
