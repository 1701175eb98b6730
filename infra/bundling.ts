/**
 * How every function is bundled: the esbuild settings, held once so that the stack's NodejsFunction
 * and the test that bundles and loads each function use the same ones.
 * flow: infra/function-construct, test/infra --> bundling --> esbuild (local binary, no Docker)
 *
 * ESM output, because the handlers and several dependencies are ESM. CommonJS dependencies bundled
 * into ESM still call `require`, `__filename` and `__dirname` (exceljs, pdfkit's virtual file system),
 * which ESM does not define: the banner defines them. The AWS SDK v3 is left out (the nodejs22.x
 * runtime provides it); pdfkit, exceljs and everything else are bundled. The PDF renderer reads the
 * Tinos TTFs from disk, so functions that reach it get them copied to `fonts/` beside the bundle and
 * find them through BAOCAO_FONT_DIR. Functions that serve or render the pages (they reach
 * templates/web/assets.ts) get the built browser assets (infra/web-build.ts) copied to `web/` and
 * find them through BAOCAO_WEB_DIR.
 */
import { join } from 'node:path';
import { LogLevel, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { PROJECT_ROOT } from './agency-profile-file.ts';
import { reaches } from './import-graph.ts';
import { buildWebAssets } from './web-build.ts';

/** Node major of the Lambda runtime (nodejs22.x); esbuild emits syntax for it. */
export const NODE_TARGET = 'node22';

export const ESM_BANNER = [
  "import { createRequire as __bcCreateRequire } from 'node:module';",
  "import { fileURLToPath as __bcFileURLToPath } from 'node:url';",
  "import { dirname as __bcDirname } from 'node:path';",
  'const require = __bcCreateRequire(import.meta.url);',
  'const __filename = __bcFileURLToPath(import.meta.url);',
  'const __dirname = __bcDirname(__filename);',
].join(' ');

/** The SDK the runtime provides; bundling it would add megabytes and a second copy to keep patched. */
export const EXTERNAL_MODULES = ['@aws-sdk/*', '@smithy/*'];

/** Prefer packages' ESM builds: smaller bundles, and no CJS interop for ESM-only code paths. */
export const MAIN_FIELDS = ['module', 'main'];

/**
 * Minified, with names kept: the bundles load faster (less to parse on a cold start) and stack traces
 * in the logs still name the functions they passed through.
 */
export const MINIFY = true;
export const KEEP_NAMES = true;

/** The PDF renderer's font finder; reaching it means the function renders PDFs. */
export const FONT_MODULE = join(PROJECT_ROOT, 'templates/pdf/fonts.ts');
export const FONT_SOURCE_DIR = 'templates/fonts';
/** Where the fonts land inside the bundle (Lambda unpacks it to /var/task). */
export const BUNDLE_FONT_DIR = 'fonts';
export const LAMBDA_TASK_ROOT = '/var/task';

/** Decided on what esbuild keeps in the bundle (infra/import-graph.ts), so only renderers get the 2 MB of TTFs. */
export function needsFonts(entry: string): boolean {
  return reaches(entry, FONT_MODULE);
}

/** The pages' asset manifest reader; reaching it means the function serves or renders pages. */
export const WEB_ASSETS_MODULE = join(PROJECT_ROOT, 'templates/web/assets.ts');
/** Where the built browser assets land inside the bundle. */
export const BUNDLE_WEB_DIR = 'web';

/** Decided on what esbuild keeps in the bundle, like the fonts: only the page functions carry the assets. */
export function needsWebAssets(entry: string): boolean {
  return reaches(entry, WEB_ASSETS_MODULE);
}

/** The shell commands that copy what a bundle needs beside it (fonts, browser assets). */
function copyCommands(entry: string, inputDir: string, outputDir: string): string[] {
  const out: string[] = [];
  if (needsFonts(entry)) {
    // The fonts' licence (OFL) must travel with them.
    out.push(
      `mkdir -p "${outputDir}/${BUNDLE_FONT_DIR}"`,
      `cp "${inputDir}/${FONT_SOURCE_DIR}/"*.ttf "${inputDir}/${FONT_SOURCE_DIR}/LICENSE.txt" "${outputDir}/${BUNDLE_FONT_DIR}/"`,
    );
  }
  if (needsWebAssets(entry)) {
    // Built (or found in the cache) at synthesis; the copy takes the files, the manifest and nothing else.
    const built = buildWebAssets();
    out.push(
      `mkdir -p "${outputDir}/${BUNDLE_WEB_DIR}"`,
      `cp "${built.dir}/"*.js "${built.dir}/"*.css "${built.dir}/"*.map "${built.dir}/manifest.json" "${outputDir}/${BUNDLE_WEB_DIR}/"`,
    );
  }
  return out;
}

/** The NodejsFunction bundling options for one entry. */
export function bundlingOptions(entry: string): BundlingOptions {
  const copies = needsFonts(entry) || needsWebAssets(entry);
  return {
    format: OutputFormat.ESM,
    target: NODE_TARGET,
    mainFields: MAIN_FIELDS,
    banner: ESM_BANNER,
    externalModules: EXTERNAL_MODULES,
    minify: MINIFY,
    keepNames: KEEP_NAMES,
    sourceMap: false,
    logLevel: LogLevel.WARNING,
    // Local esbuild only: synthesis must work on machines without Docker.
    forceDockerBundling: false,
    ...(copies
      ? {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (inputDir: string, outputDir: string) => copyCommands(entry, inputDir, outputDir),
          },
        }
      : {}),
  };
}

/**
 * The same settings for esbuild's own API, for tools that bundle without CDK (the bundle test,
 * the measurements): the output is what NodejsFunction puts in the function's zip as index.mjs.
 */
export function esbuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile: join(outdir, 'index.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: NODE_TARGET,
    mainFields: MAIN_FIELDS,
    banner: { js: ESM_BANNER },
    external: EXTERNAL_MODULES,
    minify: MINIFY,
    keepNames: KEEP_NAMES,
    sourcemap: false,
    logLevel: 'warning',
  };
}

/** The commands NodejsFunction runs after esbuild for this entry (the font and asset copies), for the same tools. */
export function afterBundlingCommands(entry: string, outdir: string): string[] {
  return bundlingOptions(entry).commandHooks?.afterBundling(PROJECT_ROOT, outdir) ?? [];
}

/** Environment a function needs because of how it is bundled. */
export function bundleEnvironment(entry: string): Record<string, string> {
  return {
    ...(needsFonts(entry) ? { BAOCAO_FONT_DIR: `${LAMBDA_TASK_ROOT}/${BUNDLE_FONT_DIR}` } : {}),
    ...(needsWebAssets(entry) ? { BAOCAO_WEB_DIR: `${LAMBDA_TASK_ROOT}/${BUNDLE_WEB_DIR}` } : {}),
  };
}
