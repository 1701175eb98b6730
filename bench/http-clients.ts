/**
 * The load generator for the submission path, in its own process so that it does not share an
 * event loop with the server it measures: `clients` concurrent clients, each acting for its own
 * unit, each sending its share of `requests` submissions one after another (revision 1, 2, …,
 * each with a fresh Idempotency-Key, like the form). Reports every request's latency and status.
 * flow: bench/http-load --> child-process --> http-clients --> local HTTP server
 */
import { readFileSync } from 'node:fs';
import { parseArgs, reply } from './child-process.ts';

interface Job {
  url: string;
  period: string;
  /** One per client: its unit, token and task ids. */
  clients: { unit: string; token: string; tasks: string[] }[];
  requests: number;
}

const args = parseArgs(process.argv.slice(2));
const job = JSON.parse(readFileSync(args.job!, 'utf8')) as Job;

function body(period: string, tasks: string[], revision: number) {
  return JSON.stringify({
    period,
    baseRevision: revision - 1,
    data: {
      reporterName: 'Nguyễn Thị Nga',
      otherWork: [{ kind: 'thuong-xuyen', text: 'Tiếp nhận và xử lý hồ sơ công bố hợp chuẩn, hợp quy đúng thời hạn.' }],
      tasks: tasks.map((taskId, i) => ({
        taskId,
        status: 'dang-thuc-hien',
        // Constant within a month and higher each later month: never falls, so no reason is needed.
        progress: Math.min(95, 8 * Number(period.slice(5, 7)) + i),
        result: `Lần cập nhật ${revision}: đã tổ chức kiểm tra tiến độ các nhiệm vụ đến hạn; đã ban hành văn bản đôn đốc các tổ chức chủ trì hoàn thiện hồ sơ.`,
        difficulties: i === 0 ? 'Một số tổ chức chủ trì chậm nộp hồ sơ đánh giá, nghiệm thu nhiệm vụ so với hợp đồng.' : '',
        proposals: '',
        needsDecision: false,
        nextPlan: 'Tiếp tục tổ chức đào tạo, tập huấn.',
      })),
    },
  });
}

const per = Math.floor(job.requests / job.clients.length);
const extra = job.requests % job.clients.length;
const latencies: number[] = [];
const statuses: Record<string, number> = {};
const okByUnit: Record<string, number> = {};
const started = performance.now();
await Promise.all(
  job.clients.map(async (c, i) => {
    const n = per + (i < extra ? 1 : 0);
    let revision = 1;
    for (let k = 0; k < n; k++) {
      const t = performance.now();
      let status = 0;
      try {
        const res = await fetch(`${job.url}/api/submissions`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${c.token}`,
            'content-type': 'application/json',
            'idempotency-key': `bench-${job.period}-${c.unit}-${revision}`,
          },
          body: body(job.period, c.tasks, revision),
        });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = -1;
      }
      latencies.push(performance.now() - t);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 201) {
        okByUnit[c.unit] = (okByUnit[c.unit] ?? 0) + 1;
        revision++;
      }
    }
  }),
);
reply({ wallMs: performance.now() - started, latencies, statuses, okByUnit });
