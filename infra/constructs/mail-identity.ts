/**
 * The SES senders: the verified identities (a domain with Easy DKIM, or one address; several when
 * the deployment's agencies send from different domains) and the configuration set every message goes through, which publishes sends, deliveries, bounces,
 * rejects and rendering failures as CloudWatch metrics for the failed-delivery alarm.
 * flow: stateful stack --> mail identity --> SES v2
 */
import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { SesIdentity } from '../config.ts';

/** The dimension SES metrics of this system carry; SES tags every message with it. */
export const SES_METRIC_DIMENSION = 'ses:configuration-set';

export interface MailIdentityProps {
  /** The first keeps the construct id and output names a single identity always had. */
  identities: readonly [SesIdentity, ...SesIdentity[]];
}

export class MailIdentity extends Construct {
  readonly identities: ses.EmailIdentity[] = [];
  readonly configurationSet: ses.ConfigurationSet;
  /** ARNs the sending functions are allowed on (and nothing else). */
  readonly identityArns: string[] = [];
  readonly configurationSetArn: string;

  constructor(scope: Construct, id: string, props: MailIdentityProps) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      // An address that bounced or complained is not mailed again until Văn phòng removes it from
      // the account's suppression list: repeated bounces would put the account's sending at risk.
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      // OPTIONAL, not REQUIRE: some provincial mail servers still accept mail without STARTTLS, and a
      // report that is never delivered is worse than one delivered the way email has always travelled.
      tlsPolicy: ses.ConfigurationSetTlsPolicy.OPTIONAL,
    });
    this.configurationSet.addEventDestination('Metrics', {
      destination: ses.EventDestination.cloudWatchDimensions([
        {
          name: SES_METRIC_DIMENSION,
          source: ses.CloudWatchDimensionSource.MESSAGE_TAG,
          defaultValue: 'baocao',
        },
      ]),
      events: [
        ses.EmailSendingEvent.SEND,
        ses.EmailSendingEvent.DELIVERY,
        ses.EmailSendingEvent.BOUNCE,
        ses.EmailSendingEvent.REJECT,
        ses.EmailSendingEvent.COMPLAINT,
        ses.EmailSendingEvent.RENDERING_FAILURE,
        ses.EmailSendingEvent.DELIVERY_DELAY,
      ],
    });
    const stack = Stack.of(this);
    props.identities.forEach((identity, i) => {
      this.addIdentity(stack, identity, i === 0 ? '' : String(i + 1));
    });
    this.configurationSetArn = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
  }

  /** One verified identity, with its outputs; `suffix` is '' for the first, "2", "3"… after it. */
  private addIdentity(stack: Stack, identity: SesIdentity, suffix: string): void {
    const domain = identity.kind === 'domain';
    this.identities.push(
      new ses.EmailIdentity(this, `Identity${suffix}`, {
        identity: domain ? ses.Identity.domain(identity.value) : ses.Identity.email(identity.value),
        // The default configuration set: the mailer needs no ConfigurationSetName to be measured.
        configurationSet: this.configurationSet,
        ...(domain ? { dkimSigning: true } : {}),
      }),
    );
    this.identityArns.push(stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity.value }));
    new CfnOutput(stack, `MailIdentity${suffix}`, {
      value: identity.value,
      description: domain
        ? 'Tên miền gửi thư: thêm 3 bản ghi CNAME DKIM dưới đây vào DNS / sending domain: add the 3 DKIM CNAME records below'
        : 'Địa chỉ gửi thư: bấm liên kết xác minh SES gửi tới hộp thư này / sender address: click the SES verification link sent to it',
    });
    if (domain) {
      this.identities.at(-1)!.dkimRecords.forEach((record, i) => {
        new CfnOutput(stack, `${suffix ? `MailIdentity${suffix}` : ''}DkimRecord${i + 1}`, {
          value: `${record.name} CNAME ${record.value}`,
          description: `Bản ghi DNS DKIM ${i + 1} / DKIM DNS record ${i + 1}`,
        });
      });
    }
  }
}
