/**
 * Counts and times every request an AWS SDK client sends, by command ("Query", "GetObject"), by
 * replacing the client's own `send`: the stores keep calling the same object, so nothing else
 * changes. Presigned links are signed locally and send nothing, so they are not counted.
 * flow: bench/submit-breakdown, province-child --> count-sends --> SDK client
 */

export interface SentRequest {
  name: string;
  ms: number;
}

/** Calls `record` after each request the client sends, whether it succeeded or not. */
export function recordSends(client: object, record: (r: SentRequest) => void): void {
  const target = client as { send: (command: unknown) => Promise<unknown> };
  const send = target.send.bind(client);
  target.send = async (command: unknown) => {
    const t = performance.now();
    try {
      return await send(command);
    } finally {
      record({ name: (command as object).constructor.name.replace(/Command$/, ''), ms: performance.now() - t });
    }
  };
}

/** How many requests of each kind, e.g. { Query: 61, GetObject: 20 }. */
export function countByName(requests: readonly SentRequest[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requests) out[r.name] = (out[r.name] ?? 0) + 1;
  return out;
}
