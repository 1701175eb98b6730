/**
 * Recognises DynamoDB's conditional-write and transaction failures by name, so adapters can turn
 * them into domain outcomes (conflict, replay, locked) instead of errors.
 * flow: dynamo adapters --> errors
 */
export function isConditionFailure(err: unknown): boolean {
  return err instanceof Error && err.name === 'ConditionalCheckFailedException';
}

/** The per-item reasons of a cancelled transaction ("ConditionalCheckFailed", "None", …), or undefined. */
export function cancellationReasons(err: unknown): string[] | undefined {
  if (!(err instanceof Error) || err.name !== 'TransactionCanceledException') return undefined;
  const reasons = (err as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  if (reasons) return reasons.map((r) => r.Code ?? 'None');
  // DynamoDB Local sometimes only puts them in the message: "... [ConditionalCheckFailed, None]".
  const m = /\[([^\]]*)\]/.exec(err.message);
  return m ? m[1]!.split(',').map((s) => s.trim()) : [];
}

/**
 * Which items of a cancelled transaction failed their condition, by the names the caller gave its
 * items in order ("number", "counter", "version"), so a caller never reads reasons by position.
 */
export function failedConditions<N extends string>(err: unknown, names: readonly N[]): Set<N> | undefined {
  const reasons = cancellationReasons(err);
  if (!reasons) return undefined;
  return new Set(names.filter((_, i) => reasons[i] === 'ConditionalCheckFailed'));
}
