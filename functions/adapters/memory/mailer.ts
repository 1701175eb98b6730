/**
 * A mailer that keeps what it was given to send (the SES emulator's store, in memory), and can be
 * told to refuse: every message, or those whose recipients match.
 * flow: use case --> Mailer port --> this adapter (a list)
 */
import type { MailMessage, Mailer } from '../../usecases/ports.ts';

export class MemoryMailer implements Mailer {
  readonly sent: (MailMessage & { messageId: string })[] = [];
  /** Set to refuse sending: the error thrown, for which messages (default: all). */
  refuse?: { error: () => Error; when?: (m: MailMessage) => boolean };
  private n = 0;

  async send(message: MailMessage): Promise<{ messageId: string }> {
    if (this.refuse && (this.refuse.when?.(message) ?? true)) throw this.refuse.error();
    const messageId = `memory-${++this.n}`;
    this.sent.push({ ...message, messageId });
    return { messageId };
  }
}
