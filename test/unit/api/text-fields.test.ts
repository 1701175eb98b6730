// User text at the API boundary (functions/api/validation.ts#text via the submission schema):
// limits counted as the messages say (characters, not UTF-16 units), each unusual class refused
// with a message naming it and where, or cleaned before it is stored.
import { describe, expect, it } from 'vitest';
import { submissionDataSchema } from '../../../functions/api/schemas/submission.ts';

const task = (over: Record<string, unknown> = {}) => ({ taskId: 'I-1', status: 'dang-thuc-hien', progress: 10, result: 'Đã làm.', ...over });
const parse = (data: Record<string, unknown>) => submissionDataSchema.safeParse({ reporterName: 'Nga', tasks: [task()], ...data });
const messages = (r: ReturnType<typeof parse>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));

describe('text fields', () => {
  it('count characters as a person does: 4,000 emoji fit the 4,000-character result, 4,001 do not', () => {
    const ok = parse({ tasks: [task({ result: '👍'.repeat(4000) })] });
    expect(messages(ok)).toEqual([]);
    expect(parse({ tasks: [task({ result: '👍'.repeat(2001) })] }).success).toBe(true);
    expect(messages(parse({ tasks: [task({ result: '👍'.repeat(4001) })] }))).toEqual(['tasks.0.result: Kết quả thực hiện dài quá 4000 ký tự.']);
    expect(parse({ reporterName: '𝓝'.repeat(100) }).success).toBe(true);
    expect(messages(parse({ reporterName: '𝓝'.repeat(101) }))).toEqual(['reporterName: Họ tên người báo cáo dài quá 100 ký tự.']);
    expect(parse({ otherWork: [{ kind: 'dot-xuat', text: `V${'🎉'.repeat(1999)}` }] }).success).toBe(true);
    expect(messages(parse({ otherWork: [{ kind: 'dot-xuat', text: `V${'🎉'.repeat(2000)}` }] }))).toEqual([
      'otherWork.0.text: Nội dung công việc dài quá 2000 ký tự.',
    ]);
  });

  it('refuse a hidden or damaged character with the class and its position', () => {
    expect(messages(parse({ reporterName: 'Nga\u{E0041}\u{E0042}' }))).toEqual([
      'reporterName: Họ tên người báo cáo chứa ký tự ẩn dạng thẻ (tag) ở ký tự thứ 4: hãy xoá đoạn văn bản dán vào đó và gõ lại.',
    ]);
    expect(messages(parse({ tasks: [task({ difficulties: 'Thiếu \uF0B7 kinh phí' })] }))[0]).toMatch(
      /^tasks\.0\.difficulties: Khó khăn, vướng mắc chứa ký tự vùng dùng riêng .* ở ký tự thứ 7/,
    );
    expect(messages(parse({ tasks: [task({ nextPlan: 'x\uFFFF' })] }))[0]).toMatch(/noncharacter/);
    expect(messages(parse({ tasks: [task({ proposals: 'x\uD83D' })] }))[0]).toMatch(/lỗi mã hoá/);
    expect(messages(parse({ tasks: [task({ reason: 'a\u202Eb' })] }))[0]).toMatch(/bidi/);
  });

  it('store invisible characters stripped and line separators as line feeds', () => {
    const r = parse({ reporterName: '\uFEFFNguyễn\u200B Thị\u00AD Nga\u2060', tasks: [task({ result: 'Dòng 1\u2028Dòng 2\u200D' })] });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.reporterName).toBe('Nguyễn Thị Nga');
    expect(r.data.tasks[0]!.result).toBe('Dòng 1\nDòng 2');
  });

  it('take "not empty" to mean a letter or a digit', () => {
    for (const blank of ['\u3164\u3164', '\u2800\u2800\u2800', '...', '\u200B']) {
      expect(messages(parse({ otherWork: [{ kind: 'dot-xuat', text: blank }] })), JSON.stringify(blank)).toEqual([
        'otherWork.0.text: Nội dung công việc không được để trống (cần có chữ hoặc số).',
      ]);
    }
  });
});
