/**
 * One EventBridge Scheduler schedule per definition of functions/core/schedules.ts, for each agency
 * of the deployment in a schedule group of its own: its cron in the agency's time zone (Asia/Ho_Chi_Minh, no UTC arithmetic here), no flexible window, retries, and the
 * jobs' dead-letter queue; the input carries `<aws.scheduler.scheduled-time>`, from which each job
 * derives its period, never from the wall clock.
 * flow: application stack --> job schedules --> core/schedules (eventBridgeSchedules) --> job functions
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { createHash } from 'node:crypto';
import { Construct } from 'constructs';
import type { EventBridgeSchedule, JobName } from '../../functions/core/schedules.ts';

/**
 * Scheduler retries a target that is throttled or briefly unavailable; after an hour a compile or a
 * reminder is late enough that a person should decide (the dead-letter queue alarms Văn phòng).
 */
export const SCHEDULE_RETRY = { maximumRetryAttempts: 10, maximumEventAgeInSeconds: 3600 };

export interface AgencySchedules {
  agencyId: string;
  /** Scheduler group name: one per stage and agency, so several deployments share an account. */
  groupName: string;
  /** Each one's input names the agency (core/schedules.ts, schedulerInput). */
  schedules: readonly EventBridgeSchedule[];
}

export interface JobSchedulesProps {
  /** The first is the home agency: its group and schedules keep the construct ids a single agency always had. */
  agencies: readonly [AgencySchedules, ...AgencySchedules[]];
  jobs: ReadonlyMap<JobName, lambda.IFunction>;
  deadLetterQueue: sqs.IQueue;
}

export class JobSchedules extends Construct {
  /** By agency id. */
  readonly groups = new Map<string, scheduler.CfnScheduleGroup>();
  /** One role for every agency's schedules: they all invoke the same job functions. */
  readonly role: iam.Role;
  readonly schedules: scheduler.CfnSchedule[] = [];

  constructor(scope: Construct, id: string, props: JobSchedulesProps) {
    super(scope, id);

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        // Only schedules of this account may use the role (the confused-deputy guard AWS documents).
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      // IAM descriptions take Latin-1 only.
      description: 'baocao: EventBridge Scheduler invokes the job functions',
    });
    this.role.addToPrincipalPolicy(new iam.PolicyStatement({ sid: 'DeadLetters', actions: ['sqs:SendMessage'], resources: [props.deadLetterQueue.queueArn] }));

    const invoked = new Set<JobName>();
    props.agencies.forEach((agency, i) => {
      // A construct of its own for every agency but the home one, whose ids stay as they were.
      const scope = i === 0 ? this : new Construct(this, `Agency-${agency.agencyId}`);
      const group = new scheduler.CfnScheduleGroup(scope, 'Group', { name: agency.groupName });
      this.groups.set(agency.agencyId, group);
      for (const def of agency.schedules) {
        const target = props.jobs.get(def.job);
        if (!target) throw new Error(`schedule ${def.name}: no function for job "${def.job}"`);
        if (!invoked.has(def.job)) {
          // The unqualified ARN only (grantInvoke would add "<arn>:*", every version and alias).
          this.role.addToPrincipalPolicy(
            new iam.PolicyStatement({ sid: `Invoke${def.job}`, actions: ['lambda:InvokeFunction'], resources: [target.functionArn] }),
          );
          invoked.add(def.job);
        }
        this.schedules.push(
          new scheduler.CfnSchedule(scope, def.name, {
            name: i === 0 ? def.name : scheduleName(agency.agencyId, def.name),
            groupName: group.ref,
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
          }),
        );
      }
    });
  }
}

/** Scheduler's limit on a schedule's name. */
const MAX_NAME = 64;

/**
 * The name of another agency's schedule: "<agencyId>-<definition>". Names need only be unique within
 * their group, but CloudFormation identifies a schedule by its name alone (the resource's primary
 * identifier; cfn-lint E3019 says so), so each is unique in the deployment. An id too long for the
 * 64 characters is cut and completed by a hash of the whole, so two long ids cannot meet.
 */
export function scheduleName(agencyId: string, definition: string): string {
  const full = `${agencyId}-${definition}`;
  if (full.length <= MAX_NAME) return full;
  const hash = createHash('sha256').update(agencyId).digest('hex').slice(0, 8);
  return `${agencyId.slice(0, MAX_NAME - definition.length - hash.length - 2)}-${hash}-${definition}`;
}
