/**
 * The status board's download and notes: the workbook read back with exceljs (the same times and
 * words as the page, user text never a formula), the notes for a current and a past month, and the
 * attachment header's Vietnamese file name.
 * flow: test --> status-board sheet + status-board text --> exceljs (read)
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, boardFileName } from '../../../functions/core/report-files.ts';
import type { StatusBoard } from '../../../functions/core/status-board.ts';
import { deadlineLine, readLine, utcOffsetLabel } from '../../../templates/common/status-board-text.ts';
import { BOARD_HEADER_ROW, BOARD_HEADS, BOARD_SHEET, renderBoardXlsx } from '../../../templates/excel/status-board-sheet.ts';
import { renderStatusBoard } from '../../../templates/web/status-view.ts';
import { INJECTIONS } from '../../fixtures/report-models/monthly-2024-05.ts';
import { arrayBuffer } from './xlsx-read.ts';

/** May 2024 read on 02/12/2026: QLKH sent on 17/05/2024 09:00 and revised on 02/12/2026 10:00. */
const pastMonth: StatusBoard = {
  period: '2024-05',
  deadline: '2024-05-20',
  asOf: '2024-05-20',
  readAt: '2026-12-02T04:15:00.000Z',
  timeZone: 'Asia/Ho_Chi_Minh',
  deadlinePassed: true,
  rows: [
    {
      unit: { code: 'QLKH', name: INJECTIONS.unitName },
      status: 'on-time',
      submittedAt: '2024-05-17T02:00:00.000Z',
      lastRevisedAt: '2026-12-02T03:00:00.000Z',
      revision: 3,
      tasksDue: 2,
      tasksReported: 2,
      overdue: [],
    },
    {
      unit: { code: 'TTR', name: 'Thanh tra Sở' },
      status: 'draft-only',
      draftSavedAt: '2024-05-19T07:00:00.000Z',
      revision: 0,
      tasksDue: 1,
      tasksReported: 0,
      overdue: [{ taskId: 'I-1', number: '1', content: INJECTIONS.content, deadline: 'Tháng 04/2024' }],
    },
  ],
  summary: { 'on-time': 1, late: 0, 'draft-only': 1, missing: 0, units: 2 },
};

const currentMonth: StatusBoard = { ...pastMonth, period: '2026-12', deadline: '2026-12-20', asOf: '2026-12-02', deadlinePassed: false };

async function load(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(arrayBuffer(bytes));
  const ws = wb.getWorksheet(BOARD_SHEET);
  if (!ws) throw new Error('no board sheet');
  return ws;
}

describe('the notes under the board', () => {
  it('a past month: read now, in the agency zone; the deadline and the day overdue is judged said apart', () => {
    expect(readLine(pastMonth)).toBe('Số liệu đọc lúc 11:15 ngày 02/12/2026; các thời điểm ghi theo giờ Việt Nam, UTC+7.');
    expect(deadlineLine(pastMonth)).toContain('Hạn nộp báo cáo tháng 5/2024: hết ngày 20/05/2024 (đã qua hạn).');
    expect(deadlineLine(pastMonth)).toContain('Nhiệm vụ quá hạn xét đến ngày 20/05/2024 (hạn nộp).');
  });

  it('the current month: overdue is judged today', () => {
    expect(deadlineLine(currentMonth)).toContain('hết ngày 20/12/2026.');
    expect(deadlineLine(currentMonth)).toContain('Nhiệm vụ quá hạn xét đến ngày 02/12/2026 (hôm nay).');
  });

  it('names another zone by its offset at that moment', () => {
    expect(utcOffsetLabel('Asia/Kolkata', new Date('2026-12-02T04:15:00Z'))).toBe('UTC+5:30');
    expect(readLine({ ...pastMonth, timeZone: 'Asia/Bangkok' })).toContain('giờ Asia/Bangkok, UTC+7');
  });

  it('on the page: no "as of" date older than the rows, and a later revision worded as such', () => {
    const page = String(renderStatusBoard(pastMonth, 'tháng 5 năm 2024'));
    expect(page).not.toContain('Số liệu tính đến');
    expect(page).toContain('Số liệu đọc lúc 11:15 ngày 02/12/2026');
    expect(page).toContain('<time datetime="2024-05-17T02:00:00.000Z">17/05/2024 09:00</time>');
    expect(page).toContain('sửa lần cuối <time datetime="2026-12-02T03:00:00.000Z">02/12/2026 10:00</time> (phiên bản 3)');
  });
});

describe('the board as a workbook', () => {
  it('opens with one row per unit: the counted time, the later revision, the labels of the compiled sheet', async () => {
    const ws = await load(await renderBoardXlsx({ board: pastMonth, agencyName: 'Sở Khoa học và Công nghệ — Bắc Giang', periodLabel: 'tháng 5 năm 2024' }));
    expect(ws.getRow(BOARD_HEADER_ROW).values).toEqual([undefined, ...BOARD_HEADS]);
    const row = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(row(BOARD_HEADER_ROW + 1)).toEqual([
      1,
      INJECTIONS.unitName,
      'QLKH',
      'Nộp đúng hạn',
      '17/05/2024 09:00',
      'sửa lần cuối 02/12/2026 10:00 (phiên bản 3)',
      3,
      2,
      2,
      '',
    ]);
    expect(row(BOARD_HEADER_ROW + 2).slice(0, 6)).toEqual([2, 'Thanh tra Sở', 'TTR', 'Mới lưu nháp, chưa gửi', '', 'Nháp lưu lúc 19/05/2024 14:00']);
    expect(ws.getCell(BOARD_HEADER_ROW + 2, 10).value).toBe(`1. ${INJECTIONS.content} (hạn Tháng 04/2024)`);
    const text = (ws.getSheetValues() as unknown[][]).flat().filter((v) => typeof v === 'string') as string[];
    expect(text).toContain('1/2 đơn vị đã nộp: 1 đúng hạn, 0 muộn, 1 mới lưu nháp, 0 chưa nộp.');
    expect(text).toContain(readLine(pastMonth));
    expect(text).toContain(deadlineLine(pastMonth));
  });

  it('keeps user text as text: no cell is a formula', async () => {
    const ws = await load(await renderBoardXlsx({ board: pastMonth, agencyName: '=1+1', periodLabel: 'tháng 5 năm 2024' }));
    ws.eachRow((r) =>
      r.eachCell((c) => {
        expect(c.type, c.address).not.toBe(ExcelJS.ValueType.Formula);
      }),
    );
    expect(ws.getCell(BOARD_HEADER_ROW + 1, 2).type).toBe(ExcelJS.ValueType.String);
  });

  it('downloads under a Vietnamese name with an ASCII fallback', () => {
    const name = boardFileName('2024-05');
    expect(name).toBe('Theo dõi nộp báo cáo - tháng 5 năm 2024.xlsx');
    const header = attachmentDisposition(name);
    expect(header).toMatch(/^attachment; filename="Theo_doi_nop_bao_cao_-_thang_5_nam_2024\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(name);
    // RFC 5987 leaves no parenthesis or quote unencoded in the extended value.
    expect(attachmentDisposition('Dự thảo (v1).pdf')).toContain("UTF-8''D%E1%BB%B1%20th%E1%BA%A3o%20%28v1%29.pdf");
  });
});
