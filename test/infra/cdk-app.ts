/**
 * Test helper: builds the CDK app the way `npm run synth` does, with the context from cdk.json.
 * flow: cdk.json context (+ overrides) --> App --> defineStacks or StatefulStack alone --> tests
 *
 * A bare `new App()` would ignore cdk.json, so tests would run with different feature flags than
 * the real synthesis; reading the file keeps the two identical.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { defineStacks, type BaocaoStacks } from '../../infra/app.ts';
import { DEFAULT_DEPLOY_CONFIG, type DeployConfig } from '../../infra/config.ts';
import { StatefulStack } from '../../infra/stateful-stack.ts';

export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

export interface TestApp extends BaocaoStacks {
  app: App;
  outdir: string;
}

/** A fresh app in its own temporary cloud-assembly folder, so parallel tests never share output. */
export function buildTestApp(overrides: Record<string, unknown> = {}): TestApp {
  const outdir = mkdtempSync(join(tmpdir(), 'baocao-cdk-'));
  const app = new App({ outdir, context: { ...cdkJsonContext(), ...overrides } });
  return { app, outdir, ...defineStacks(app) };
}

/**
 * The stateful stack on its own, without the app's cdk-nag plugin: template assertions then report
 * each broken property by name, instead of all failing at once when the checks stop synthesis.
 */
export function buildStatefulStack(config: Partial<DeployConfig> = {}): StatefulStack {
  const app = new App({ context: cdkJsonContext() });
  const full = { ...DEFAULT_DEPLOY_CONFIG, ...config };
  return new StatefulStack(app, 'Stateful', { env: { region: full.region }, config: full });
}
