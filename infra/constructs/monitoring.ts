/**
 * What tells Văn phòng that something needs a person: alarms on API server errors, job errors,
 * throttling, dead letters and failed deliveries, sent by email through an SNS topic; and one small
 * dashboard with the same signals side by side.
 * flow: application stack --> monitoring --> CloudWatch (metrics of API, functions, queue, SES)
 *
 * Few alarms, each with a Vietnamese description of what it means and what to do: an alarm that
 * fires for nothing teaches people to ignore the next one.
 */
import { Duration } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { JobName } from '../../functions/core/schedules.ts';
import type { AppFunction } from './app-function.ts';
import { SES_METRIC_DIMENSION } from './mail-identity.ts';

const FIVE_MINUTES = Duration.minutes(5);

export interface MonitoringProps {
  dashboardName: string;
  alarmEmails: readonly string[];
  api: apigw.HttpApi;
  apiFunctions: readonly AppFunction[];
  jobs: ReadonlyMap<JobName, AppFunction>;
  deadLetterQueue: sqs.IQueue;
  mailConfigurationSetName: string;
}

export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Alarms', { displayName: 'baocao - canh bao', enforceSSL: true });
    for (const email of props.alarmEmails) this.topic.addSubscription(new subscriptions.EmailSubscription(email));

    const apiErrors = props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum', label: 'API 5xx' });
    this.alarm('ApiServerErrors', apiErrors, {
      description:
        'Cổng báo cáo trả lỗi máy chủ (5xx): người dùng không nộp hoặc xem được. Xem nhật ký của hàm API tương ứng. / ' +
        'The portal returned server errors; see the API function logs.',
    });

    for (const [job, fn] of props.jobs) {
      this.alarm(`Job${capitalize(job)}Errors`, fn.fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), {
        description:
          `Tác vụ "${job}" gặp lỗi; Lambda tự thử lại 2 lần. Nếu sau đó có cảnh báo hàng đợi lỗi, chạy lại bằng tay (docs/deploy.md). / ` +
          `Job "${job}" failed; Lambda retries twice. If the dead-letter alarm follows, run it by hand.`,
      });
    }

    // Account-wide: a throttled function of this system is a symptom of the account's concurrency
    // limit, whichever function used it up (new accounts may start with a limit of 10).
    const throttles = new cloudwatch.Metric({
      namespace: 'AWS/Lambda',
      metricName: 'Throttles',
      statistic: 'Sum',
      period: FIVE_MINUTES,
      label: 'Lambda throttles (account)',
    });
    this.alarm('LambdaThrottles', throttles, {
      description:
        'Lambda bị giới hạn đồng thời (throttle): yêu cầu bị từ chối hoặc tác vụ bị hoãn. Kiểm tra hạn mức "Concurrent executions" của tài khoản. / ' +
        'Lambda throttled; check the account concurrency quota.',
    });

    const deadLetters = props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
      period: FIVE_MINUTES,
      statistic: 'Maximum',
      label: 'Dead letters',
    });
    this.alarm('JobDeadLetters', deadLetters, {
      description:
        'Một tác vụ theo lịch không hoàn thành sau mọi lần thử lại (nằm trong hàng đợi lỗi). Chạy lại bằng tay theo docs/deploy.md. / ' +
        'A scheduled job did not complete after all retries; run it by hand (docs/deploy.md).',
    });

    const mail = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/SES',
        metricName,
        dimensionsMap: { [SES_METRIC_DIMENSION]: props.mailConfigurationSetName },
        statistic: 'Sum',
        period: FIVE_MINUTES,
      });
    const failedMail = new cloudwatch.MathExpression({
      expression: 'FILL(bounce, 0) + FILL(reject, 0) + FILL(rendering, 0)',
      usingMetrics: { bounce: mail('Bounce'), reject: mail('Reject'), rendering: mail('RenderingFailure') },
      period: FIVE_MINUTES,
      label: 'Failed deliveries',
    });
    this.alarm('MailDeliveryFailures', failedMail, {
      description:
        'Thư không tới được người nhận (bị trả lại, bị từ chối hoặc lỗi soạn thư): kiểm tra địa chỉ UBND tỉnh / phòng trong hồ sơ và nhật ký gửi. / ' +
        'Email bounced, was rejected or failed to render; check the addresses in the profile and the delivery log.',
    });

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(7),
    });
    const apiCalls = props.api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum', label: 'Requests' });
    const api4xx = props.api.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum', label: '4xx' });
    const latency = (statistic: string) => props.api.metricLatency({ period: FIVE_MINUTES, statistic, label: `latency ${statistic}` });
    const jobDurations = [...props.jobs].map(([job, fn]) =>
      fn.fn.metricDuration({ period: FIVE_MINUTES, statistic: 'Maximum', label: `${job} (timeout ${fn.sizing.timeoutSeconds} s)` }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: 'Cổng báo cáo: yêu cầu và lỗi / portal requests', left: [apiCalls], right: [api4xx, apiErrors], width: 12 }),
      new cloudwatch.GraphWidget({ title: 'Độ trễ / latency (ms)', left: [latency('p50'), latency('p95'), latency('Maximum')], width: 12 }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Lỗi theo hàm / errors per function',
        left: [...props.apiFunctions, ...props.jobs.values()].map((f) => f.fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum', label: f.node.id })),
        right: [throttles],
        width: 12,
      }),
      new cloudwatch.GraphWidget({ title: 'Thời gian chạy tác vụ / job duration (ms)', left: jobDurations, width: 12 }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Thư / email',
        left: [mail('Send'), mail('Delivery')],
        right: [failedMail, mail('Complaint'), mail('DeliveryDelay')],
        width: 12,
      }),
      new cloudwatch.GraphWidget({ title: 'Hàng đợi lỗi / dead letters', left: [deadLetters], width: 6 }),
      new cloudwatch.AlarmStatusWidget({ title: 'Cảnh báo / alarms', alarms: this.alarms, width: 6 }),
    );
  }

  private alarm(id: string, metric: cloudwatch.IMetric, o: { description: string }): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data means nothing happened (no request, no job, no mail), not that something is wrong.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: o.description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
