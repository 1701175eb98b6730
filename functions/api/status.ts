/**
 * GET /api/status?period=YYYY-MM — Văn phòng's status board as JSON, or with `format=xlsx` as a
 * workbook to download (the HTML page GET /status renders the same data and links to it).
 * flow: API Gateway --> status handler --> status use case --> status-board sheet (xlsx)
 */
import { container } from '../adapters/container.ts';
import { agencyTitle } from '../core/agency.ts';
import { parsePeriod, periodLabel } from '../core/period.ts';
import { boardFileName, CONTENT_TYPES } from '../core/report-files.ts';
import { profileOn } from '../usecases/agency-service.ts';
import { statusBoard } from '../usecases/status.ts';
import { renderBoardXlsx } from '../../templates/excel/status-board-sheet.ts';
import { httpHandler } from './handler.ts';
import { ApiError, download, json, query, type HttpEvent } from './http.ts';
import { ROLES_OF } from './contract/roles.ts';
import type { StatusBoard } from './schemas/responses.ts';
import { monthOrCurrent } from './period-query.ts';

export const BOARD_FORMATS = ['json', 'xlsx'] as const;
type BoardFormat = (typeof BOARD_FORMATS)[number];

/** `?format=`: JSON unless asked for the workbook; anything else is a 400 rather than a silent JSON. */
function boardFormat(event: HttpEvent): BoardFormat {
  const f = query(event, 'format') ?? 'json';
  if ((BOARD_FORMATS as readonly string[]).includes(f)) return f as BoardFormat;
  throw new ApiError(400, 'invalid_format', 'Tham số format chỉ nhận json hoặc xlsx.', [{ field: 'format', message: 'Dùng json hoặc xlsx.' }]);
}

export const handler = httpHandler(
  async (event) => {
    const format = boardFormat(event);
    const now = new Date();
    const c = container();
    const board = await statusBoard(c, event.auth!, await monthOrCurrent(event, now), now);
    if (format === 'json') return json<StatusBoard>(200, board);
    // The agency as it was named for the month, like the page's header.
    const profile = await profileOn(c.agencies, event.auth!.agencyId, board.deadline);
    const bytes = await renderBoardXlsx({ board, agencyName: agencyTitle(profile), periodLabel: periodLabel(parsePeriod(board.period)) });
    return download(bytes, CONTENT_TYPES.xlsx, boardFileName(board.period));
  },
  { roles: ROLES_OF.getStatusBoard },
);
