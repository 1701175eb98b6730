/**
 * `npm start`: the whole system on this machine — DynamoDB Local, s3rver, the SES emulator, the
 * HTTP server and the scheduler of reminders, compiles and deliveries — with data under DATA_DIR
 * (default .data/) kept across restarts. The first start with an empty data folder loads the demo agency. Ctrl-C stops all.
 * flow: operator --> start --> local stack (+ demo data on first start)
 */
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { JavaMissingError, checkJava } from './emulators.ts';
import { startLocalStack } from './stack.ts';
import { clearLocalEnv, dataDir, writeLocalEnv } from '../../functions/adapters/local-env.ts';
import { loadDemo } from './demo/load-demo.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function port(name: string, fallback: number): number {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v < 0 || v > 65535) {
    console.error(`${name} phải là số cổng 0–65535 (got "${process.env[name]}").`);
    process.exit(1);
  }
  return v;
}

async function main(): Promise<void> {
  try {
    checkJava();
  } catch (err) {
    if (err instanceof JavaMissingError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const dir = dataDir();
  mkdirSync(dir, { recursive: true });
  const httpPort = port('PORT', 3000);
  const verbose = process.env.LOG_LEVEL === 'debug';
  console.log(`Khởi động baocao (data: ${dir}) …`);
  const stack = await startLocalStack({
    dataDir: dir,
    keysDir: dir,
    port: httpPort,
    host: process.env.HOST ?? '127.0.0.1',
    // 0 means "any free port" (used by the tests of npm start itself).
    ports: Object.fromEntries(
      Object.entries({ dynamodb: port('DYNAMODB_PORT', 8000), s3: port('S3_PORT', 4568), ses: port('SES_PORT', 8005) }).filter(([, v]) => v !== 0),
    ),
    scheduler: true,
    log: (line) => {
      if (verbose || / 5\d\d /.test(line)) console.log(line);
    },
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: dừng hệ thống …`);
    clearLocalEnv(dir);
    await stack.stop();
    console.log('Đã dừng tất cả (all stopped).');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  writeLocalEnv(dir, stack.env);

  if (stack.tableCreated) {
    console.log('Dữ liệu trống: nạp cơ quan mẫu (demo agency) …');
    const summary = await loadDemo(new Date());
    for (const line of summary) console.log(`  ${line}`);
    await stack.scheduler?.refresh();
  }

  const url = stack.server.url;
  console.log(`
baocao đang chạy — running:
  Cổng thông tin (portal)   ${url}/
  Sức khỏe (health)         ${url}/health
  Hộp thư thử (SES emulator) ${stack.emulators.endpoints.ses}/
  S3 (s3rver)               ${stack.emulators.endpoints.s3}   files: ${path.join(dir, 's3')}
  DynamoDB Local            ${stack.emulators.endpoints.dynamodb}

Đăng nhập (sign in): mở ${url}/signin, nhập địa chỉ của một người dùng mẫu —
  vanphong@skhcn.bacgiang.example (Văn phòng), lanhdao@skhcn.bacgiang.example (Lãnh đạo),
  qlkh@skhcn.bacgiang.example (Phòng Quản lý Khoa học) …
— rồi lấy mã 6 chữ số trong hộp thư thử ${stack.emulators.endpoints.ses}/ .
Hoặc, không qua thư: npm run cli -- token --role van-phong (thêm --agency <mã> khi có nhiều cơ quan).
Ctrl-C để dừng.`);
}

main().catch((err: unknown) => {
  console.error(`Không khởi động được: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
