/**
 * "Sản phẩm đạt được" against a target of several parts (issue 14): a unit sends one number per part
 * of "20 nhiệm vụ; 05 hội nghị" over HTTP, reads it back, gets it in words in the receipt, and the
 * compiled workbook's appendix prints "Đã đạt: 18 nhiệm vụ; 03 hội nghị". An old client's single
 * number and a revision stored with one number (before the parts) are both read as a list of one.
 * Own agency, May and June 2024.
 * flow: vitest --> local HTTP server --> submissions handler --> DynamoDB Local --> compile --> s3rver
 */
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportRenderers as renderers } from '../../functions/adapters/renderers.ts';
import { keys } from '../../functions/adapters/dynamo/keys.ts';
import { APPENDIX_SHEET } from '../../templates/excel/appendix-sheet.ts';
import { setAgency } from '../../functions/usecases/agency-service.ts';
import { compileReports } from '../../functions/usecases/compile-reports.ts';
import { demoProfile } from '../support/demo-profile.ts';
import { call } from '../support/http.ts';
import { testContainer, tokenFor } from '../support/local.ts';
import { twoPartPlan } from '../support/small-plan.ts';

const a = `t-prod-${randomUUID().slice(0, 8)}`;
const c = testContainer(a);
let token = '';

const task = (productReached: unknown) => ({
  taskId: 'I-2',
  status: 'dang-thuc-hien',
  progress: 40,
  result: 'Nghiệm thu 18 nhiệm vụ; tổ chức 03 hội nghị chuyển giao.',
  productReached,
});
const send = (period: string, productReached: unknown, baseRevision = 0) =>
  call('POST', '/api/submissions', { token, body: { period, baseRevision, data: { reporterName: 'Nguyễn Thị Hoa', tasks: [task(productReached)] } } });

beforeAll(async () => {
  await setAgency(c.agencies, { ...demoProfile(), agencyId: a });
  await c.plans.putPlan(twoPartPlan(a), { hash: `p-${a}`, importedAt: '2024-01-05T00:00:00Z', importedBy: 'test', source: 'test' });
  token = await tokenFor('unit', 'QLKH', { agencyId: a });
});

describe('the product reached, one number per part of the target', () => {
  it('stores the list, answers it back, and says it in words in the receipt', async () => {
    const res = await send('2024-05', [18, 3]);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.receipt.tasks[0].productReached).toBe('18 nhiệm vụ; 03 hội nghị');
    const back = await call('GET', `/api/submissions/2024-05/QLKH`, { token });
    expect(back.body.submission.data.tasks[0].productReached).toEqual([18, 3]);
  });

  it('refuses a negative part, naming its place, and more numbers than the target has parts', async () => {
    const negative = await send('2024-07', [18, -1]);
    expect(negative.status).toBe(422);
    expect(negative.body.error.fields).toEqual([{ field: 'data.tasks.0.productReached.1', message: 'Sản phẩm đạt được (phần 2) phải là số không âm.' }]);
    const tooMany = await send('2024-07', [18, 3, 1]);
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.fields).toEqual([
      { field: 'data.tasks.0.productReached', message: 'Sản phẩm của nhiệm vụ 2 có 2 phần (20 nhiệm vụ; 05 hội nghị): nhận được 3 số.' },
    ]);
  });

  it('reads an old client’s single number, and a revision stored with one number, as a list of one', async () => {
    const old = await send('2024-06', 7);
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    expect(old.body.revision.data.tasks[0].productReached).toEqual([7]);
    // What DynamoDB holds from before the parts: the head and the revision with a bare number.
    for (const Key of [
      { PK: keys.period(a, '2024-06'), SK: keys.headSk('QLKH') },
      { PK: keys.revisions(a, '2024-06', 'QLKH'), SK: keys.revisionSk(1) },
    ]) {
      await c.doc.send(
        new UpdateCommand({
          TableName: c.config.tableName,
          Key,
          UpdateExpression: 'SET #d.tasks[0].productReached = :n',
          ExpressionAttributeNames: { '#d': 'data' },
          ExpressionAttributeValues: { ':n': 9 },
        }),
      );
    }
    const head = await call('GET', `/api/submissions/2024-06/QLKH`, { token });
    expect(head.body.submission.data.tasks[0].productReached).toEqual([9]);
    const revisions = await call('GET', `/api/submissions/2024-06/QLKH/revisions`, { token });
    expect(revisions.body.revisions[0].data.tasks[0].productReached).toEqual([9]);
  });

  it('prints "Đã đạt: …" part by part in the compiled workbook’s appendix', async () => {
    const v = await compileReports({ ...c, renderers }, { agencyId: a, period: '2024-05', trigger: 'test', now: new Date('2024-05-21T01:00:00Z') });
    const file = v.version.files.find((f) => f.audience === 'director' && f.format === 'xlsx')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await c.archive.get(file.key))!.body) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(APPENDIX_SHEET)!;
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
    const result = cells.find((t) => t.startsWith('Nghiệm thu 18 nhiệm vụ'));
    expect(result).toBe('Nghiệm thu 18 nhiệm vụ; tổ chức 03 hội nghị chuyển giao.\nĐã đạt: 18 nhiệm vụ; 03 hội nghị');
  });
});
