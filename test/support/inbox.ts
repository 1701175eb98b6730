/**
 * The local SES emulator's store, as the tests read what was sent: every email since an instant,
 * or the sign-in code last sent to an address (waiting for it to arrive, not for a fixed time).
 * flow: integration / browser tests --> SES emulator /store
 */
import { expect } from 'vitest';
import { localEnv } from './local.ts';

export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

export async function emailsTo(address: string, since = 0): Promise<StoredEmail[]> {
  const res = await fetch(`${localEnv().SES_ENDPOINT}/store?since=${since}`);
  const { emails } = (await res.json()) as { emails: StoredEmail[] };
  return emails.filter((e) => e.destination.to.includes(address));
}

/** The code of the newest sign-in email to `address` after `count` earlier ones. */
export async function codeSentTo(address: string, count: number): Promise<string> {
  let code = '';
  await expect
    .poll(async () => {
      const mails = (await emailsTo(address)).filter((e) => e.subject.includes('Mã đăng nhập'));
      code = /Mã đăng nhập: (\d{6})/u.exec(mails.at(-1)?.subject ?? '')?.[1] ?? '';
      return mails.length;
    })
    .toBeGreaterThan(count);
  return code;
}
