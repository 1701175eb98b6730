/**
 * Validation of an agency profile file (JSON or YAML the operator edits), with messages that
 * say which field is wrong and why.
 * flow: CLI / API --> agency schema --> core agency types
 */
// A namespace import lets esbuild drop the parts of zod (locales above all) that are not used.
import * as z from 'zod';
// zod's own Vietnamese messages for what no rule below words itself (a missing field, a wrong type).
import vi from 'zod/v4/locales/vi.js';
import { AGENCY_ID_PATTERN, UNIT_CODE_PATTERN, type AgencyProfile } from '../core/agency.ts';
import { PERIOD_KINDS } from '../core/period.ts';
import { scheduleProblems } from '../core/schedules.ts';

const str = (max = 300) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, 'không được để trống').max(max));

const signer = z.object({
  prefix: z.enum(['', 'KT.', 'TL.', 'TM.', 'Q.']).default(''),
  authority: str(60),
  title: str(60).optional(),
  name: str(80),
});

const documentSettings = z.strictObject({
  issuerSuperior: str(120).optional(),
  issuerName: str(200).optional(),
  symbol: z
    .string()
    .regex(/^[A-ZĐ]{1,6}-[A-ZĐ0-9&-]{1,20}$/u, 'ký hiệu văn bản, ví dụ BC-SKHCN hoặc BC-VP')
    .optional(),
  kinhGui: z.array(str(200)).max(5).optional(),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ dạng HH:MM, ví dụ 08:00');
const scheduleSlot = z.strictObject({
  enabled: z.boolean().optional(),
  day: z.union([z.number().int().min(1).max(28), z.literal('L')], { error: 'ngày 1–28, hoặc "L" (ngày cuối tháng)' }).optional(),
  time: hhmm.optional(),
});
const kindRecord = z.partialRecord(z.enum(PERIOD_KINDS as [string, ...string[]]), scheduleSlot);

const unitCode = z.string().regex(UNIT_CODE_PATTERN, 'mã đơn vị chỉ gồm chữ cái không dấu và số, tối đa 16 ký tự');

export const agencyProfileSchema = z
  .object({
    agencyId: z.string().regex(AGENCY_ID_PATTERN, 'agencyId: chữ thường không dấu, số và dấu gạch ngang'),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD'),
    province: z.string().regex(AGENCY_ID_PATTERN, 'province: chữ thường không dấu, số và dấu gạch ngang, ví dụ bac-giang').optional(),
    kind: z.enum(['department', 'province-office'], { error: 'kind: department (một Sở) hoặc province-office (Văn phòng UBND tỉnh)' }).optional(),
    superiorHeader: str(120),
    superiorName: str(200),
    name: str(200),
    shortName: str(60),
    placeName: str(60),
    symbol: z.string().regex(/^[A-ZĐ0-9&-]{2,20}$/u, 'ký hiệu viết hoa, ví dụ SKHCN'),
    timeZone: z
      .string()
      .default('Asia/Ho_Chi_Minh')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'múi giờ IANA không hợp lệ'),
    submissionDeadlineDay: z.number().int().min(1).max(28).default(20),
    periodWindows: z
      .object({
        mode: z.enum(['nd09', 'calendar']).optional(),
        cutoffDay: z.number().int().min(1).max(27).optional(),
        deadlineDay: z.partialRecord(z.enum(PERIOD_KINDS as [string, ...string[]]), z.number().int().min(1).max(28)).optional(),
      })
      .optional(),
    signers: z.object({ director: signer, ubnd: signer }),
    recipients: z.object({ director: z.array(str(200)).max(30), ubnd: z.array(str(200)).max(30) }),
    archiveLine: str(80).default('Lưu: VT, VP'),
    emails: z.object({
      ubnd: z.array(z.email()).max(20),
      vanPhong: z.array(z.email()).min(1).max(20),
      from: z.email(),
    }),
    portalUrl: z.url().optional(),
    schedules: z
      .strictObject({
        remind: z
          .strictObject({ enabled: z.boolean().optional(), days: z.array(z.number().int().min(1).max(28)).min(1).max(10).optional(), time: hhmm.optional() })
          .optional(),
        compile: kindRecord.optional(),
        deliver: kindRecord.optional(),
        deliverRetryDays: z.number().int().min(0).max(10).optional(),
        // The leaders' morning digest (Monday–Friday): its time, or off.
        digest: z.strictObject({ enabled: z.boolean().optional(), time: hhmm.optional() }).optional(),
      })
      .optional(),
    documents: z
      .strictObject({
        director: documentSettings.optional(),
        ubnd: documentSettings.optional(),
      })
      .optional(),
    autoIssue: z.boolean().optional(),
    leaders: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]{1,60}$/), name: str(80), title: str(60) })).max(20),
    units: z
      .array(
        z.object({
          code: unitCode,
          name: str(200),
          kind: z.enum(['van-phong', 'phong', 'thanh-tra', 'chi-cuc', 'trung-tam', 'khac']),
          aliases: z.array(str(200)).max(20).optional(),
          emails: z.array(z.email()).max(10).optional(),
        }),
      )
      .min(1)
      .max(200),
  })
  .superRefine((p, ctx) => {
    const codes = new Set<string>();
    p.units.forEach((u, i) => {
      if (codes.has(u.code.toUpperCase())) ctx.addIssue({ code: 'custom', path: ['units', i, 'code'], message: `mã đơn vị ${u.code} bị trùng` });
      codes.add(u.code.toUpperCase());
    });
    const cutoff = p.periodWindows?.mode === 'calendar' ? 0 : (p.periodWindows?.cutoffDay ?? 14);
    if (cutoff > 0 && p.submissionDeadlineDay <= cutoff + 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['submissionDeadlineDay'],
        message: `hạn nộp (ngày ${p.submissionDeadlineDay}) phải sau ngày chốt số liệu (${cutoff}) ít nhất một ngày làm việc`,
      });
    }
    for (const problem of scheduleProblems(p as AgencyProfile))
      ctx.addIssue({ code: 'custom', path: ['schedules', ...problem.path], message: problem.message });
  });

/** One problem of a profile: the field's path ("signers.ubnd.name", "(tệp)" for the whole) and why. */
export interface ProfileProblem {
  field: string;
  message: string;
}

/** Validates; returns the profile, or the list of "field: reason" lines and the same by field. */
export function validateAgencyProfile(input: unknown): { ok: true; profile: AgencyProfile } | { ok: false; problems: string[]; fields: ProfileProblem[] } {
  const r = agencyProfileSchema.safeParse(input, { error: vi().localeError });
  if (r.success) return { ok: true, profile: r.data as AgencyProfile };
  const fields = r.error.issues.map((i) => ({ field: i.path.join('.') || '(tệp)', message: i.message }));
  return { ok: false, problems: fields.map((f) => `${f.field}: ${f.message}`), fields };
}
