/**
 * Every Lambda function of the system, derived from the code's own declarations: one per distinct
 * (module, export) of the HTTP route table (functions/api/routes.ts), the API Gateway Lambda
 * authorizer (functions/api/authorizer.ts) when a route asks for it, and one per job of the schedule
 * definitions (functions/core/schedules.ts, file functions/jobs/<job>.ts). The local server reads the
 * same tables, so what runs on a laptop and what is deployed cannot drift apart.
 * flow: infra stacks / bundle test --> function catalog --> routes, schedules
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROUTES, type RouteDef } from '../functions/api/routes.ts';
import { JOB_NAMES, type JobName } from '../functions/core/schedules.ts';
import { PROJECT_ROOT } from './agency-profile-file.ts';

export const FUNCTIONS_DIR = join(PROJECT_ROOT, 'functions');

/**
 * The Lambda REQUEST authorizer API Gateway runs before every route flagged `authorizer: true`: it
 * reads the token from the Authorization header or from the session cookie (the browser's scripts).
 */
export const AUTHORIZER_MODULE = 'api/authorizer.ts';

/** api: serves routes; authorizer: guards them (invoked by API Gateway, no route of its own); job: runs on a schedule. */
export type FunctionKind = 'api' | 'authorizer' | 'job';

export interface FunctionSpec {
  /** Construct id, stable across deploys (it names the CloudFormation resources): "ApiSubmissionsSubmit". */
  id: string;
  kind: FunctionKind;
  /** Module under functions/: "api/submissions.ts". */
  module: string;
  /** Its export, the Lambda handler: "submitHandler". */
  handler: string;
  /** "module#export": the key of the access and sizing tables. */
  key: string;
  /** Absolute path of the entry file. */
  entry: string;
  /** The HTTP routes it serves (api); empty for the authorizer and the jobs. */
  routes: RouteDef[];
  /** The job it runs (jobs). */
  job?: JobName;
}

export class CatalogError extends Error {
  override name = 'CatalogError';
}

export function functionKey(module: string, handler: string): string {
  return `${module}#${handler}`;
}

/** "api/pages/form-page.ts" + "handler" --> "ApiPagesFormPage"; + "submitHandler" --> "…Submit". */
export function functionId(module: string, handler: string): string {
  const words = module.replace(/\.ts$/, '').split(/[/_-]+/);
  if (handler !== 'handler') words.push(handler.replace(/Handler$/, ''));
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/**
 * The catalog. Throws a CatalogError naming every route, authorizer or job whose file is missing, so
 * synthesis stops before anything is deployed that could not start. The authorizer is part of it
 * exactly when some route is flagged `authorizer: true`: it exists for those routes.
 */
export function functionCatalog(
  routes: readonly RouteDef[] = ROUTES,
  jobs: readonly JobName[] = JOB_NAMES,
  functionsDir: string = FUNCTIONS_DIR,
): FunctionSpec[] {
  const specs = new Map<string, FunctionSpec>();
  const missing: string[] = [];
  for (const route of routes) {
    const handler = route.export ?? 'handler';
    const key = functionKey(route.module, handler);
    const existing = specs.get(key);
    if (existing) {
      existing.routes.push(route);
      continue;
    }
    const entry = join(functionsDir, route.module);
    if (!existsSync(entry)) missing.push(`${route.method} ${route.path} --> functions/${route.module}`);
    specs.set(key, { id: functionId(route.module, handler), kind: 'api', module: route.module, handler, key, entry, routes: [route] });
  }
  if (routes.some((r) => r.authorizer)) {
    const entry = join(functionsDir, AUTHORIZER_MODULE);
    if (!existsSync(entry)) missing.push(`authorizer --> functions/${AUTHORIZER_MODULE}`);
    const key = functionKey(AUTHORIZER_MODULE, 'handler');
    if (specs.has(key)) throw new CatalogError(`${key} là bộ xác thực, không phục vụ tuyến nào / is the authorizer and serves no route`);
    specs.set(key, { id: functionId(AUTHORIZER_MODULE, 'handler'), kind: 'authorizer', module: AUTHORIZER_MODULE, handler: 'handler', key, entry, routes: [] });
  }
  for (const job of jobs) {
    const module = `jobs/${job}.ts`;
    const entry = join(functionsDir, module);
    if (!existsSync(entry)) missing.push(`job ${job} --> functions/${module}`);
    specs.set(functionKey(module, 'handler'), {
      id: functionId(module, 'handler'),
      kind: 'job',
      module,
      handler: 'handler',
      key: functionKey(module, 'handler'),
      entry,
      routes: [],
      job,
    });
  }
  if (missing.length > 0) {
    throw new CatalogError(['Thiếu tệp mã của hàm / Function source files are missing:', ...missing.map((m) => `  - ${m}`)].join('\n'));
  }
  const ids = new Map<string, string>();
  for (const spec of specs.values()) {
    const clash = ids.get(spec.id);
    if (clash) throw new CatalogError(`${spec.key} và ${clash} cùng tên hàm ${spec.id} / both map to the id ${spec.id}`);
    ids.set(spec.id, spec.key);
  }
  return [...specs.values()];
}
