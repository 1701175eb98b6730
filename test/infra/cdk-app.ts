/**
 * Test helper: builds the CDK app the way `npm run synth` does, with the context from cdk.json.
 * flow: cdk.json context (+ overrides) --> App --> defineStacks or one stack alone --> tests
 *
 * A bare `new App()` would ignore cdk.json, so tests would run with different feature flags than
 * the real synthesis; reading the file keeps the two identical. Bundling is skipped
 * (`aws:cdk:bundling-stacks: []`): bundles.test.ts bundles and loads every function on its own.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { defineStacks, type BaocaoStacks } from '../../infra/app.ts';
import { readDeployConfig, type DeployConfig } from '../../infra/config.ts';
import { StatefulStack } from '../../infra/stateful-stack.ts';

export const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

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
  const app = new App({ outdir, context: { ...cdkJsonContext(), ...NO_BUNDLING, ...overrides } });
  return { app, outdir, ...defineStacks(app) };
}

/** The validated config for a context, as the app reads it (the demo profile unless overridden). */
export function testConfig(context: Record<string, unknown> = {}): DeployConfig {
  return readDeployConfig((key) => context[key]);
}

/**
 * The stateful stack on its own, without the app's cdk-nag plugin: template assertions then report
 * each broken property by name, instead of all failing at once when the checks stop synthesis.
 */
export function buildStatefulStack(config: Partial<DeployConfig> = {}): StatefulStack {
  const app = new App({ context: { ...cdkJsonContext(), ...NO_BUNDLING } });
  const full = { ...testConfig(), ...config };
  return new StatefulStack(app, 'Stateful', { env: { region: full.region }, config: full });
}
