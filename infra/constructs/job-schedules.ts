/**
 * One EventBridge Scheduler schedule per definition of functions/core/schedules.ts: its cron in the
 * agency's time zone (Asia/Ho_Chi_Minh, no UTC arithmetic here), no flexible window, retries, and the
 * jobs' dead-letter queue; the input carries `<aws.scheduler.scheduled-time>`, from which each job
 * derives its period, never from the wall clock.
 * flow: application stack --> job schedules --> core/schedules (eventBridgeSchedules) --> job functions
 */
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { EventBridgeSchedule, JobName } from '../../functions/core/schedules.ts';

/**
 * Scheduler retries a target that is throttled or briefly unavailable; after an hour a compile or a
 * reminder is late enough that a person should decide (the dead-letter queue alarms Văn phòng).
 */
export const SCHEDULE_RETRY = { maximumRetryAttempts: 10, maximumEventAgeInSeconds: 3600 };

export interface JobSchedulesProps {
  /** Scheduler group name: one per stage and agency, so several deployments share an account. */
  groupName: string;
  schedules: readonly EventBridgeSchedule[];
  jobs: ReadonlyMap<JobName, lambda.IFunction>;
  deadLetterQueue: sqs.IQueue;
}

export class JobSchedules extends Construct {
  readonly group: scheduler.CfnScheduleGroup;
  readonly role: iam.Role;
  readonly schedules: scheduler.CfnSchedule[] = [];

  constructor(scope: Construct, id: string, props: JobSchedulesProps) {
    super(scope, id);
    this.group = new scheduler.CfnScheduleGroup(this, 'Group', { name: props.groupName });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        // Only schedules of this account may use the role (the confused-deputy guard AWS documents).
        conditions: { StringEquals: { 'aws:SourceAccount': this.group.stack.account } },
      }),
      // IAM descriptions take Latin-1 only.
      description: 'baocao: EventBridge Scheduler invokes the job functions',
    });
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'DeadLetters', actions: ['sqs:SendMessage'], resources: [props.deadLetterQueue.queueArn] }));

    const invoked = new Set<JobName>();
    for (const def of props.schedules) {
      const target = props.jobs.get(def.job);
      if (!target) throw new Error(`schedule ${def.name}: no function for job "${def.job}"`);
      if (!invoked.has(def.job)) {
        // The unqualified ARN only (grantInvoke would add "<arn>:*", every version and alias).
        this.role.addToPrincipalPolicy(
          new iam.PolicyStatement({ sid: `Invoke${def.job}`, actions: ['lambda:InvokeFunction'], resources: [target.functionArn] }),
        );
        invoked.add(def.job);
      }
      const schedule = new scheduler.CfnSchedule(this, def.name, {
        name: def.name,
        groupName: this.group.ref,
        description: def.description.slice(0, 512),
        scheduleExpression: def.expression,
        scheduleExpressionTimezone: def.timeZone,
        flexibleTimeWindow: { mode: 'OFF' },
        state: 'ENABLED',
        target: {
          arn: target.functionArn,
          roleArn: this.role.roleArn,
          input: def.input,
          retryPolicy: SCHEDULE_RETRY,
          deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
        },
      });
      this.schedules.push(schedule);
    }
  }
}
