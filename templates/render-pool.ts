/**
 * Renders report files on worker threads, one per CPU the process may use, so that a compile's
 * four files (two PDFs, two workbooks) render side by side; with one CPU, in this thread.
 * flow: compile reports --> render-pool --> worker thread (this same module) --> render-pdf / render-xlsx
 *
 * The worker runs this very file: a Lambda bundle is one file, and loading it again in a worker
 * runs this module's worker side (`serve`), with everything the renderers need already in it.
 * From TypeScript sources (tests, the local server, the bench) the worker loads the .ts file
 * through tsx. Workers are started on first use and kept for the next compile (a warm Lambda);
 * an idle worker does not keep the process alive, one with work to do does.
 */
// Not `createRequire`: the bundles' banner declares that name at the top of the file.
import { createRequire as requireFrom } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ReportModel } from '../functions/core/report-model.ts';
import { renderXlsx } from './excel/render-xlsx.ts';
import { renderPdf } from './pdf/render-pdf.ts';

export type RenderFormat = 'pdf' | 'xlsx';

const WORKER_MARK = 'baocao-render-worker';

interface Job {
  id: number;
  model: ReportModel;
  format: RenderFormat;
}
type Answer = { id: number; bytes: Uint8Array } | { id: number; error: string };

export function renderFormat(model: ReportModel, format: RenderFormat): Promise<Uint8Array> {
  return format === 'pdf' ? renderPdf(model) : renderXlsx(model);
}

/** The worker side: render what the parent sends, send the bytes back without copying them. */
function serve(): void {
  const port = parentPort!;
  port.on('message', (job: Job) => {
    renderFormat(job.model, job.format).then(
      (bytes) => port.postMessage({ id: job.id, bytes } satisfies Answer, [bytes.buffer as ArrayBuffer]),
      (err: unknown) => port.postMessage({ id: job.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies Answer),
    );
  });
}

if (!isMainThread && (workerData as { mark?: string } | null)?.mark === WORKER_MARK) serve();

interface PoolWorker {
  worker: Worker;
  busy: number;
}

class RenderPool {
  private readonly workers: PoolWorker[] = [];
  private readonly fromSources = new URL(import.meta.url).pathname.endsWith('.ts');
  private readonly waiting = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void; on: PoolWorker }>();
  /** Jobs no worker has taken yet: an idle worker takes the oldest (a PDF costs several workbooks). */
  private readonly queue: { job: Job; resolve: (b: Uint8Array) => void; reject: (e: Error) => void }[] = [];
  private next = 0;

  constructor(private readonly size: number) {}

  private start(): PoolWorker {
    const url = new URL(import.meta.url);
    // Not the parent's flags (`-e`, a loader), but its heap limit, which holds per thread.
    const data = { workerData: { mark: WORKER_MARK }, execArgv: [], ...heapLimit() };
    // TypeScript sources need tsx's loader in the worker, registered before the module loads; a
    // bundle is plain JavaScript.
    const worker = this.fromSources
      ? new Worker(`import(${JSON.stringify(tsxApi())}).then((t) => t.register()).then(() => import(${JSON.stringify(url.href)}))`, { ...data, eval: true })
      : new Worker(url, data);
    const entry: PoolWorker = { worker, busy: 0 };
    worker.on('message', (a: Answer) => {
      const w = this.waiting.get(a.id);
      if (!w) return;
      this.waiting.delete(a.id);
      if (--w.on.busy === 0) w.on.worker.unref();
      this.dispatch();
      if ('error' in a) w.reject(new Error(`render worker: ${a.error}`));
      else w.resolve(Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength));
    });
    worker.on('error', (err) => this.fail(entry, err));
    worker.on('exit', (code) => this.fail(entry, new Error(`render worker exited with code ${code}`)));
    // Idle until given work (after the listeners: adding one refs the worker's port again).
    worker.unref();
    return entry;
  }

  /** A worker died (out of memory, typically): its jobs fail, the next job starts a new one. */
  private fail(entry: PoolWorker, err: Error): void {
    const at = this.workers.indexOf(entry);
    if (at >= 0) this.workers.splice(at, 1);
    for (const [id, w] of this.waiting) {
      if (w.on !== entry) continue;
      this.waiting.delete(id);
      w.reject(err);
    }
    this.dispatch();
  }

  /**
   * Queued, then sent to a worker as soon as one is idle: each worker renders one file at a time,
   * so a compile's two PDFs (the long jobs) do not end up behind each other on one thread while
   * the other thread, done with both workbooks, waits (what assigning at submission did).
   */
  render(model: ReportModel, format: RenderFormat): Promise<Uint8Array> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id, model, format }, resolve, reject });
      this.dispatch();
    });
  }

  /** Gives queued jobs to idle workers, starting workers up to the pool's size. */
  private dispatch(): void {
    while (this.queue.length) {
      let on = this.workers.find((w) => w.busy === 0);
      if (!on && this.workers.length < this.size) {
        on = this.start();
        this.workers.push(on);
      }
      if (!on) return;
      const { job, resolve, reject } = this.queue.shift()!;
      on.busy++;
      on.worker.ref();
      this.waiting.set(job.id, { resolve, reject, on });
      on.worker.postMessage(job satisfies Job);
    }
  }
}

/** The process's --max-old-space-size (a worker may not take the flag itself). */
function heapLimit(): { resourceLimits?: { maxOldGenerationSizeMb: number } } {
  const flag = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/u)].find((a) => a.startsWith('--max-old-space-size='));
  const mb = flag ? Number(flag.split('=')[1]) : NaN;
  return Number.isFinite(mb) && mb > 0 ? { resourceLimits: { maxOldGenerationSizeMb: mb } } : {};
}

/** tsx's ESM loader API (development only: tsx is a dev dependency, absent from bundles). */
function tsxApi(): string {
  const pkg = requireFrom(import.meta.url).resolve('tsx/package.json');
  return pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href;
}

let pool: RenderPool | undefined;

/** CPUs to render on: BAOCAO_RENDER_THREADS, else what the OS gives this process (Lambda: its vCPUs). */
export function renderThreads(): number {
  const set = Number(process.env.BAOCAO_RENDER_THREADS);
  return Number.isInteger(set) && set > 0 ? set : os.availableParallelism();
}

/** Renders one file; on a machine with several CPUs in a worker, so several can render at once. */
export function renderFile(model: ReportModel, format: RenderFormat): Promise<Uint8Array> {
  const threads = renderThreads();
  if (threads <= 1) return renderFormat(model, format);
  pool ??= new RenderPool(threads);
  return pool.render(model, format);
}
