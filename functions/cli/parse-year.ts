/**
 * Option parser for `--year YYYY`.
 * flow: CLI commands --> parse-year
 */
import { InvalidArgumentError } from 'commander';

export function parseYear(v: string): number {
  if (!/^\d{4}$/.test(v)) throw new InvalidArgumentError('năm dạng YYYY, ví dụ 2024 (a four-digit year)');
  return Number(v);
}
