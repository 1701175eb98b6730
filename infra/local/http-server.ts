/**
 * The local API Gateway: a Node HTTP server that turns each request into an HTTP API payload v2
 * event, calls the same handler Lambda runs, and writes back its result. Routes come from
 * functions/api/routes.ts, like the CDK stack's.
 * flow: browser / curl --> http server --> API Gateway v2 event --> handler
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { ROUTES, UNMATCHED_ROUTE, UNMATCHED_ROUTE_KEY, matchPath, type RouteDef } from '../../functions/api/routes.ts';
import type { HttpEvent, HttpResult } from '../../functions/api/http.ts';

/** API Gateway's own payload limit; handlers enforce their smaller limits and answer 413. */
const MAX_PAYLOAD = 10 * 1024 * 1024;
const FUNCTIONS_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../functions');

type Handler = (event: HttpEvent, context: Context) => Promise<HttpResult>;
const loaded = new Map<string, Promise<Handler>>();

function load(route: RouteDef): Promise<Handler> {
  const name = route.export ?? 'handler';
  const id = `${route.module}#${name}`;
  let h = loaded.get(id);
  if (!h) {
    h = import(pathToFileURL(path.join(FUNCTIONS_DIR, route.module)).href).then((m: Record<string, Handler>) => {
      if (typeof m[name] !== 'function') throw new Error(`${route.module} does not export ${name}`);
      return m[name];
    });
    loaded.set(id, h);
  }
  return h;
}

function lambdaContext(requestId: string, name: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 29_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export function buildEvent(req: http.IncomingMessage, body: Buffer, route: RouteDef, params: Record<string, string>, requestId: string): HttpEvent {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || k === 'cookie') continue;
    headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = query[k] === undefined ? v : `${query[k]},${v}`;
  const cookies = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean);
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: routeKey(route),
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(params).length ? { pathParameters: params } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: routeKey(route),
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
    // The bytes as they came, base64: decoding them here (lossily, as Buffer#toString does) would
    // hide invalid UTF-8 from the handlers, which decode strictly (functions/api/validation.ts#bodyText).
    ...(body.length ? { body: body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0,
  } as HttpEvent;
}

/** API Gateway's "GET /status", or "$default" for the request no route matched. */
function routeKey(route: RouteDef): string {
  return route.path === UNMATCHED_ROUTE_KEY ? UNMATCHED_ROUTE_KEY : `${route.method} ${route.path}`;
}

function send(res: http.ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(payload));
}

export interface LocalServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(port: number, host = '127.0.0.1', log: (line: string) => void = () => {}): Promise<LocalServer> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_PAYLOAD) {
        aborted = true;
        send(res, 413, { error: { code: 'body_too_large', message: 'Nội dung gửi lên quá lớn.', fields: [] } });
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', async () => {
      if (aborted) return;
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      let route: RouteDef | undefined;
      let params: Record<string, string> = {};
      let pathMatched = false;
      for (const r of ROUTES) {
        const m = matchPath(r.path, url.pathname);
        if (!m) continue;
        pathMatched = true;
        if (r.method === method) {
          route = r;
          params = m;
          break;
        }
      }
      if (!route && pathMatched) {
        return send(res, 405, { error: { code: 'method_not_allowed', message: 'Phương thức không được hỗ trợ cho địa chỉ này.', fields: [] } });
      }
      // No route has this path: as API Gateway's $default route, the function that answers with a
      // page for browsers and JSON for API clients.
      route ??= { ...UNMATCHED_ROUTE, method: 'GET', path: UNMATCHED_ROUTE_KEY, authorizer: false };
      const requestId = randomUUID();
      const started = Date.now();
      try {
        const handler = await load(route);
        const result = await handler(buildEvent(req, Buffer.concat(chunks), route, params, requestId), lambdaContext(requestId, route.module));
        const headers: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
        if (result.cookies?.length) headers['set-cookie'] = result.cookies;
        res.writeHead(result.statusCode ?? 200, headers);
        const body = result.body ?? '';
        res.end(req.method === 'HEAD' ? undefined : result.isBase64Encoded ? Buffer.from(body, 'base64') : body);
        log(`${req.method} ${url.pathname} ${result.statusCode} ${Date.now() - started}ms`);
      } catch (err) {
        // The handlers map their own errors; reaching here means the handler itself crashed.
        log(`${req.method} ${url.pathname} 500 ${(err as Error).stack ?? err}`);
        send(res, 500, { error: { code: 'internal', message: `Lỗi hệ thống (mã ${requestId}).`, fields: [] } });
      }
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as import('node:net').AddressInfo).port;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
