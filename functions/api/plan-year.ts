/**
 * The plan year of a /api/plans/{year}… path: four digits, 2000–2100, else 400 invalid_year.
 * flow: plans handlers --> plan year
 */
import { ApiError, type HttpEvent } from './http.ts';

export function yearPath(event: HttpEvent): number {
  const y = event.pathParameters?.year ?? '';
  if (!/^\d{4}$/.test(y) || Number(y) < 2000 || Number(y) > 2100) {
    throw new ApiError(400, 'invalid_year', 'Năm kế hoạch không hợp lệ: dùng YYYY, ví dụ 2024.', [{ field: 'year', message: 'Năm dạng YYYY.' }]);
  }
  return Number(y);
}
