/**
 * Structured JSON logs (one line each, CloudWatch-friendly). Never pass tokens, cookies or
 * request bodies here: `redact` drops the usual suspects in case a caller forgets.
 * flow: anywhere --> log --> stdout
 */
import { inLambda, logger } from './observability.ts';

const SECRET_KEYS = /authorization|cookie|token|secret|password|jwt|session|csrf/i;

function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = SECRET_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function emit(level: Level, message: string, data?: Record<string, unknown>): void {
  const min = (process.env.LOG_LEVEL?.toLowerCase() as Level | undefined) ?? 'info';
  if (ORDER[level] < (ORDER[min] ?? 20)) return;
  // In Lambda, Powertools' logger adds the function, request and correlation ids to each line.
  if (inLambda()) {
    logger[level](message, redact(data ?? {}) as Record<string, unknown>);
    return;
  }
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...(redact(data ?? {}) as object) });
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  debug: (m: string, d?: Record<string, unknown>) => emit('debug', m, d),
  info: (m: string, d?: Record<string, unknown>) => emit('info', m, d),
  warn: (m: string, d?: Record<string, unknown>) => emit('warn', m, d),
  error: (m: string, d?: Record<string, unknown>) => emit('error', m, d),
};
