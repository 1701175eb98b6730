/**
 * Sends email through SES v2 (`SendEmailCommand`, simple content with attachments). Locally the
 * client points at the SES emulator, whose store the tests read.
 * flow: jobs --> Mailer port --> this adapter --> SES v2
 */
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { MailMessage, Mailer } from '../usecases/ports.ts';

export class SesMailer implements Mailer {
  constructor(private readonly ses: SESv2Client) {}

  async send(m: MailMessage): Promise<{ messageId: string }> {
    const out = await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: m.from,
        Destination: { ToAddresses: m.to },
        ...(m.replyTo?.length ? { ReplyToAddresses: m.replyTo } : {}),
        Content: {
          Simple: {
            Subject: { Data: m.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: m.text, Charset: 'UTF-8' }, Html: { Data: m.html, Charset: 'UTF-8' } },
            ...(m.attachments?.length
              ? {
                  Attachments: m.attachments.map((a) => ({
                    FileName: a.fileName,
                    ContentType: a.contentType,
                    ContentDisposition: 'ATTACHMENT' as const,
                    RawContent: a.content,
                  })),
                }
              : {}),
          },
        },
      }),
    );
    // Accepted is what matters: throwing here would make the caller send it again.
    return { messageId: out.MessageId ?? 'unknown' };
  }
}
