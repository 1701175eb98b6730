/**
 * The CDK app: `cdk synth` / `npm run synth` runs this file (see cdk.json).
 * flow: cdk context + agency profile --> config --> stateful, edge (us-east-1) and application stacks + cdk-nag checks --> cdk.out
 *
 * No lookups and no credentials: the stacks are pinned to a region from context and to an account
 * only when one is given, so synthesis works offline and gives the same template on every machine.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApplicationStack } from './application-stack.ts';
import { DeployConfigError, readDeployConfig, stackName, type DeployConfig } from './config.ts';
import { EdgeStack } from './edge-stack.ts';
import { CatalogError } from './function-catalog.ts';
import { StatefulStack } from './stateful-stack.ts';

export interface BaocaoStacks {
  config: DeployConfig;
  stateful: StatefulStack;
  edge: EdgeStack;
  application: ApplicationStack;
}

/** Where AWS WAF keeps web ACLs for CloudFront: us-east-1 only, whatever the deployment's region. */
export const CLOUDFRONT_WAF_REGION = 'us-east-1';

/** Adds every stack of the app to `app`; tests call this with their own App and context. */
export function defineStacks(app: App): BaocaoStacks {
  const config = readDeployConfig((key) => app.node.tryGetContext(key));
  const env = { account: config.account, region: config.region };

  const stateful = new StatefulStack(app, 'Stateful', {
    stackName: stackName(config, 'stateful'),
    description: 'baocao: bảng DynamoDB, bucket báo cáo, tài khoản người dùng, định danh gửi thư (giữ lại khi xoá stack)',
    env,
    config,
  });
  const edge = new EdgeStack(app, 'Edge', {
    stackName: stackName(config, 'edge'),
    description: 'baocao: tường lửa ứng dụng (AWS WAF) cho CloudFront trước cổng báo cáo / web ACL for CloudFront (us-east-1)',
    env: { account: config.account, region: CLOUDFRONT_WAF_REGION },
    name: `baocao-${config.stage}`,
  });
  const application = new ApplicationStack(app, 'Application', {
    stackName: stackName(config, 'app'),
    description: 'baocao: hàm, API, đăng nhập, lịch chạy, cảnh báo (xoá và triển khai lại được, không mất dữ liệu)',
    env,
    config,
    stateful,
    // A weak cross-region reference (Fn::GetStackOutput): deploy the edge stack first (cdk deploy --all does).
    webAclArn: edge.webAcl.attrArn,
  });

  Tags.of(app).add('project', 'baocao');
  Tags.of(app).add('stage', config.stage);
  // AwsSolutions findings fail synthesis; an accepted finding must be acknowledged next to the
  // resource it concerns, with its reason, via Validations.of(construct).acknowledge().
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

  return { config, stateful, edge, application };
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
}

if (isEntryPoint()) {
  const app = new App();
  try {
    defineStacks(app);
  } catch (error) {
    // A bad parameter is the operator's to fix: show the list of problems, not a stack trace.
    if (!(error instanceof DeployConfigError || error instanceof CatalogError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  app.synth();
}
