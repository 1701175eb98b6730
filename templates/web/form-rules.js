// The form's own copy of the submission rules, for instant feedback while typing: the server
// (functions/core/submission-rules.ts) stays the authority, and a unit test checks that both
// give the same messages for the same input. Pure: no DOM, runs in the browser and in Node.
// flow: form.js --> form-rules.js

export const STATUS_LABELS = {
  'chua-trien-khai': 'Chưa triển khai',
  'dang-thuc-hien': 'Đang thực hiện',
  'hoan-thanh': 'Hoàn thành',
  'de-xuat-dieu-chinh': 'Đề xuất điều chỉnh, dừng',
};
export const STATUSES = Object.keys(STATUS_LABELS);

export const OTHER_WORK_LABELS = {
  'thuong-xuyen': 'Thường xuyên',
  'dot-xuat': 'Đột xuất, phát sinh',
};

/** Who a proposal is addressed to (core/submission.ts PROPOSAL_ADDRESSEE_LABELS). */
export const PROPOSAL_TO_LABELS = {
  'lanh-dao-so': 'Lãnh đạo Sở',
  'ubnd-tinh': 'UBND tỉnh',
};

const two = (n) => String(n).padStart(2, '0');

function daysInMonth(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Same wording as core/plan.ts formatPlanTime: "Tháng 11/2024", "30/11/2024", or the text. */
export function formatPlanTime(t) {
  if (!t) return '';
  if (t.kind === 'month') return `Tháng ${two(t.month)}/${t.year}`;
  if (t.kind === 'date') return `${t.date.slice(8, 10)}/${t.date.slice(5, 7)}/${t.date.slice(0, 4)}`;
  return t.text || '';
}

/** Last on-time local day of a task, or undefined when the plan gives none (core/plan.ts taskDeadline). */
export function taskDeadline(task) {
  const f = task && task.finish;
  if (!f) return undefined;
  if (f.kind === 'date') return f.date;
  if (f.kind === 'month') return `${f.year}-${two(f.month)}-${two(daysInMonth(f.year, f.month))}`;
  return undefined;
}

/** Today's date (YYYY-MM-DD) in the agency's zone. */
export function localToday(now = new Date(), timeZone = 'Asia/Ho_Chi_Minh') {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** 'progress-fell' | 'late-finish' | undefined, as core/submission-rules.ts reasonNeeded. */
export function reasonNeeded(report, task, previous) {
  if (previous && typeof report.progress === 'number' && report.progress < previous.progress) return 'progress-fell';
  const deadline = taskDeadline(task);
  if (report.status === 'hoan-thanh' && deadline && report.completedOn && report.completedOn > deadline) return 'late-finish';
  return undefined;
}

// "Filled in" as on the server (core/text.ts isFilledIn): a letter or a digit once invisible
// characters are gone; spaces, dots, a Braille blank or a Hangul filler alone are blank.
const blank = (s) => !s || !/[\p{L}\p{N}]/u.test(String(s).replace(/\p{Default_Ignorable_Code_Point}/gu, ''));

/** Length as the server counts it, in characters (code points): an emoji is one. */
const charCount = (s) => [...String(s || '')].length;

/**
 * Checks one task report. `report.progress` may be null (empty input) here, unlike on the
 * server, whose schema refuses it before the rules run. Returns [{ field, message }] with
 * field names relative to the task ("progress", "reason" …).
 */
export function checkTask(report, task, previous, today, final) {
  const errors = [];
  const p = report.progress;
  if (p === null || p === undefined || Number.isNaN(p)) {
    errors.push({ field: 'progress', message: 'Hãy nhập tiến độ: một số nguyên từ 0 đến 100.' });
  } else if (!Number.isInteger(p)) {
    errors.push({ field: 'progress', message: 'Tiến độ là số nguyên.' });
  } else if (p < 0 || p > 100) {
    errors.push({ field: 'progress', message: 'Tiến độ từ 0 đến 100.' });
  }
  if (report.productReached !== undefined && report.productReached !== null && (Number.isNaN(report.productReached) || report.productReached < 0)) {
    errors.push({ field: 'productReached', message: 'Số lượng không âm.' });
  }
  const progressOk = errors.length === 0 || errors[0].field !== 'progress';
  if (report.status === 'hoan-thanh') {
    if (progressOk && p !== 100) errors.push({ field: 'progress', message: 'Nhiệm vụ đã hoàn thành thì tiến độ phải là 100%.' });
    if (!report.completedOn) errors.push({ field: 'completedOn', message: 'Hãy ghi ngày hoàn thành.' });
    else if (report.completedOn > today) errors.push({ field: 'completedOn', message: 'Ngày hoàn thành không thể sau ngày hôm nay.' });
  } else if (report.completedOn) {
    errors.push({ field: 'completedOn', message: 'Chỉ ghi ngày hoàn thành khi nhiệm vụ đã hoàn thành.' });
  }
  if (progressOk && report.status === 'chua-trien-khai' && p > 0) errors.push({ field: 'progress', message: 'Nhiệm vụ chưa triển khai thì tiến độ là 0%.' });
  const why = reasonNeeded(report, task, previous);
  if (why && blank(report.reason)) {
    errors.push({
      field: 'reason',
      message: why === 'progress-fell' ? `Tiến độ giảm từ ${previous.progress}% xuống ${p}%: hãy ghi ngắn gọn lý do.` : 'Nhiệm vụ hoàn thành sau thời hạn: hãy ghi ngắn gọn lý do.',
    });
  }
  if (final && report.status !== 'chua-trien-khai' && blank(report.result)) {
    errors.push({ field: 'result', message: 'Hãy ghi kết quả thực hiện trong kỳ.' });
  }
  return errors;
}

/**
 * Checks a whole submission as the form holds it. `tasks` and `previous` are keyed by task id.
 * Returns [{ field, message }] with the server's field paths ("tasks.3.reason", "reporterName",
 * "otherWork.1.text"), so client and server errors land in the same place.
 */
export function checkSubmission(data, ctx, opts) {
  const errors = [];
  data.tasks.forEach((r, i) => {
    const task = ctx.tasks[r.taskId];
    if (!task) return;
    for (const e of checkTask(r, task, ctx.previous[r.taskId], ctx.today, opts.final)) errors.push({ field: `tasks.${i}.${e.field}`, message: e.message });
  });
  (data.otherWork || []).forEach((w, i) => {
    if (charCount(w.text) > 2000) errors.push({ field: `otherWork.${i}.text`, message: 'Nội dung công việc dài quá 2000 ký tự.' });
  });
  const due = Object.keys(ctx.tasks).length;
  if (opts.final && data.tasks.length === 0 && due > 0) {
    errors.push({ field: 'tasks', message: `Báo cáo chưa có nhiệm vụ nào: hãy báo cáo tình hình các nhiệm vụ của đơn vị trong kỳ (${due} nhiệm vụ).` });
  }
  if (opts.final && blank(data.reporterName)) errors.push({ field: 'reporterName', message: 'Hãy ghi họ tên người báo cáo.' });
  return errors;
}

/**
 * What the API accepts, from what the form holds: a completion date only for a finished task,
 * a reason only when one is needed or written, empty other-work rows left out.
 */
export function toSubmissionData(form, ctx) {
  return {
    reporterName: form.reporterName || '',
    otherWork: (form.otherWork || []).filter((w) => !blank(w.text)).map((w) => ({ kind: w.kind, text: w.text })),
    tasks: form.tasks.map((r) => {
      const out = {
        taskId: r.taskId,
        status: r.status,
        progress: r.progress,
        result: r.result || '',
        difficulties: r.difficulties || '',
        proposals: r.proposals || '',
        needsDecision: r.needsDecision === true,
        nextPlan: r.nextPlan || '',
      };
      // Only a proposal addressed to UBND tỉnh says so; leaders' is the default and a leader's decision is asked only of them.
      if (!blank(r.proposals) && r.proposalTo === 'ubnd-tinh') {
        out.proposalTo = 'ubnd-tinh';
        out.needsDecision = false;
      }
      if (r.productReached !== undefined && r.productReached !== null && !Number.isNaN(r.productReached)) out.productReached = r.productReached;
      if (r.status === 'hoan-thanh' && r.completedOn) out.completedOn = r.completedOn;
      const task = ctx.tasks[r.taskId];
      // A reason typed earlier but no longer needed stays in the form (hidden) and is not sent.
      if (!blank(r.reason) && task && reasonNeeded(r, task, ctx.previous[r.taskId])) out.reason = r.reason;
      return out;
    }),
  };
}

/** A fresh report for a task nobody has reported on yet. */
export function emptyReport(taskId) {
  return { taskId, status: 'chua-trien-khai', progress: 0, result: '', difficulties: '', proposals: '', needsDecision: false, nextPlan: '' };
}

/** "data.tasks.3.reason" → { kind: 'task', index: 3, field: 'reason' }; "data.reporterName" → { kind: 'reporterName' }. */
export function parseFieldPath(path) {
  const p = String(path || '').replace(/^data\./, '');
  let m = /^tasks\.(\d+)\.(\w+)/.exec(p);
  if (m) return { kind: 'task', index: Number(m[1]), field: m[2] };
  m = /^otherWork\.(\d+)(?:\.(\w+))?/.exec(p);
  if (m) return { kind: 'otherWork', index: Number(m[1]), field: m[2] || 'text' };
  if (p === 'reporterName') return { kind: 'reporterName' };
  if (p === 'period') return { kind: 'period' };
  return { kind: 'other' };
}
