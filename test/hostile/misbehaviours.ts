import { readAuthorization } from '../../src/transport/authorization.js';
import type { HostileCall } from './hostile-target.js';
import type { Route } from './minimal-cpo.js';

/** A named way a target misbehaves; the bed answers every other request as a minimal CPO. */
export interface Misbehaviour {
  readonly name: string;
  /** What the target does, in a few words. */
  readonly what: string;
  /** Answers the request and returns true, or returns false to let the minimal CPO answer. */
  readonly answer: (call: HostileCall) => boolean;
}

const now = (): string => new Date().toISOString();
const envelope = (data: unknown): Record<string, unknown> => ({ data, status_code: 1000, status_message: 'Success', timestamp: now() });

/** A misbehaviour on one endpoint only. */
function on(route: Route, name: string, what: string, act: (call: HostileCall) => void): Misbehaviour {
  return {
    name,
    what,
    answer: (call) => {
      if (call.route !== route) return false;
      act(call);
      return true;
    },
  };
}

/** Writes `chunk` until `total` bytes went out or the connection closed, minding backpressure. */
function stream(call: HostileCall, options: { head: string; chunk: string; total: number; headers: Record<string, string> }): void {
  const { res } = call;
  res.writeHead(200, { 'content-type': 'application/json', ...options.headers });
  res.write(options.head);
  let sent = options.head.length;
  let stopped = false;
  call.onClose(() => (stopped = true));
  res.on('close', () => (stopped = true));
  const pump = (): void => {
    while (!stopped && sent < options.total) {
      sent += options.chunk.length;
      if (!res.write(options.chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!stopped) res.end('"}');
  };
  pump();
}

/** A raw HTTP answer written straight to the socket, bypassing the server's framing. */
function raw(call: HostileCall, text: string, { destroy }: { destroy: boolean }): void {
  call.socket.write(text);
  if (destroy) call.socket.destroy();
}

const versionsBody = (call: HostileCall): string => JSON.stringify(call.normal().body);

/** A list of Locations that pages on forever, each page a new object and a Link to the next offset. */
function endlessPage(call: HostileCall, headers: Record<string, string> = {}): void {
  const url = new URL(call.req.url ?? '/', call.origin);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const page = call.normal().body as { data?: unknown[] };
  const template = (Array.isArray(page.data) && page.data[0]) || {};
  const next = new URL(url.href);
  next.searchParams.set('offset', String(offset + 1));
  call.send(envelope([{ ...(template as object), id: `ENDLESS${offset}` }]), { headers: { link: `<${next.href}>; rel="next"`, ...headers } });
}

function withLocationsHeaders(name: string, what: string, headers: Record<string, string>): Misbehaviour {
  return on('locations', name, what, (call) => {
    const answer = call.normal();
    call.send(answer.body, { status: answer.status, headers: { ...answer.headers, ...headers } });
  });
}

function detailsPointingTo(name: string, what: string, where: (call: HostileCall) => string): Misbehaviour {
  return on('details', name, what, (call) => {
    const base = where(call);
    call.send(envelope({ version: '2.2.1', endpoints: [{ identifier: 'credentials', role: 'RECEIVER', url: `${base}/ocpi/2.2.1/credentials` }, { identifier: 'locations', role: 'SENDER', url: `${base}/ocpi/2.2.1/locations` }] }));
  });
}

/** Every misbehaviour of the bed, by name. */
export const MISBEHAVIOURS: readonly Misbehaviour[] = [
  on('versions', 'reset-mid-headers', 'resets the connection halfway through the response headers', (call) => raw(call, 'HTTP/1.1 200 OK\r\nContent-Type: applic', { destroy: true })),
  on('versions', 'reset-mid-body', 'resets the connection halfway through the body', (call) => raw(call, 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"status_code":1000,"data":[', { destroy: true })),
  on('versions', 'never-answers', 'accepts the connection and never answers', () => undefined),
  on('versions', 'slow-drip', 'drips its answer at one byte a second', (call) => {
    const body = versionsBody(call);
    call.res.writeHead(200, { 'content-type': 'application/json' });
    let index = 0;
    const timer = setInterval(() => {
      if (call.res.destroyed || index >= body.length) return clearInterval(timer);
      call.res.write(body[index++]);
    }, 1000);
    call.onClose(() => clearInterval(timer));
  }),
  on('versions', 'huge-body', 'answers with a 50 MB body', (call) => stream(call, { head: '{"status_code":1000,"data":"', chunk: 'x'.repeat(64 * 1024), total: 50 * 1024 * 1024, headers: { 'content-length': String(50 * 1024 * 1024 + 2) } })),
  // Bounded all the same (2 GB), so the bed stops by itself.
  on('versions', 'endless-chunked', 'answers with a chunked body that never ends', (call) => stream(call, { head: '{"status_code":1000,"data":"', chunk: ' '.repeat(64 * 1024), total: 2 * 1024 * 1024 * 1024, headers: {} })),
  on('versions', 'invalid-json', 'answers with a body that is not JSON', (call) => call.res.writeHead(200, { 'content-type': 'application/json' }).end('{"status_code":1000,"data":[{"version":"2.2.1",}]')),
  on('versions', 'truncated-json', 'answers with JSON cut off in the middle', (call) => call.res.writeHead(200, { 'content-type': 'application/json' }).end(versionsBody(call).slice(0, 40))),
  on('versions', 'html-502', 'answers with an HTML 502 page', (call) => call.res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>')),
  on('versions', 'body-array', 'answers with a JSON array instead of an envelope', (call) => call.send([1, 2, 3])),
  on('versions', 'body-number', 'answers with a JSON number instead of an envelope', (call) => call.send(42)),
  on('versions', 'body-null', 'answers with JSON null instead of an envelope', (call) => call.send(null)),
  on('versions', 'body-string', 'answers with a JSON string instead of an envelope', (call) => call.send('ok')),
  on('versions', 'deep-json', 'answers with JSON nested 100,000 deep', (call) => call.res.writeHead(200, { 'content-type': 'application/json' }).end(`{"status_code":1000,"data":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)),
  on('versions', 'wrong-content-type', 'answers with JSON labelled text/plain', (call) => call.res.writeHead(200, { 'content-type': 'text/plain' }).end(versionsBody(call))),
  on('versions', 'corrupt-gzip', 'answers with content-encoding gzip over garbage', (call) => call.res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(Buffer.from('this is not gzip at all, not even close'))),
  on('versions', 'switching-protocols', 'answers 101 Switching Protocols and keeps the socket', (call) => raw(call, 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n', { destroy: false })),
  on('versions', 'redirect-loop', 'redirects the versions URL to itself, forever', (call) => call.res.writeHead(307, { location: call.req.url ?? '/' }).end()),
  on('versions', 'redirect-other-origin', 'redirects the versions URL to another origin', (call) => call.res.writeHead(307, { location: `${call.otherOrigin}/ocpi/versions` }).end()),
  on('versions', 'redirect-other-scheme', 'redirects the versions URL to https', (call) => call.res.writeHead(308, { location: `${call.otherScheme}/ocpi/versions` }).end()),
  on('versions', 'details-other-origin', 'lists version details on another origin', (call) => call.send(envelope([{ version: '2.2.1', url: `${call.otherOrigin}/ocpi/2.2.1` }]))),
  on('versions', 'details-other-scheme', 'lists version details on https', (call) => call.send(envelope([{ version: '2.2.1', url: `${call.otherScheme}/ocpi/2.2.1` }]))),
  detailsPointingTo('endpoints-other-origin', 'declares its module endpoints on another origin', (call) => call.otherOrigin),
  detailsPointingTo('endpoints-other-scheme', 'declares its module endpoints on https', (call) => call.otherScheme),
  on('credentials', 'credentials-other-origin', 'answers the registration with a versions URL on another origin', (call) => {
    const answer = call.normal();
    const data = (answer.body as { data?: Record<string, unknown> }).data;
    call.send({ ...(answer.body as object), data: { ...data, url: `${call.otherOrigin}/ocpi/versions` } }, { status: answer.status, headers: answer.headers });
  }),
  on('locations', 'link-other-origin', 'links its next page on another origin', (call) => {
    const answer = call.normal();
    call.send(answer.body, { status: answer.status, headers: { ...answer.headers, link: `<${call.otherOrigin}/ocpi/2.2.1/locations?offset=5>; rel="next"` } });
  }),
  on('locations', 'link-other-scheme', 'links its next page on https', (call) => {
    const answer = call.normal();
    call.send(answer.body, { status: answer.status, headers: { ...answer.headers, link: `<${call.otherScheme}/ocpi/2.2.1/locations?offset=5>; rel="next"` } });
  }),
  on('details', 'ten-thousand-endpoints', 'declares 10,000 endpoints', (call) => {
    const endpoints = Array.from({ length: 10_000 }, (_, index) => ({ identifier: index === 0 ? 'credentials' : index === 1 ? 'locations' : `module${index}`, role: index === 0 ? 'RECEIVER' : 'SENDER', url: `${call.origin}/ocpi/2.2.1/${index === 0 ? 'credentials' : index === 1 ? 'locations' : `m${index}`}` }));
    call.send(envelope({ version: '2.2.1', endpoints }));
  }),
  withLocationsHeaders('total-count-negative', 'sends X-Total-Count: -5', { 'x-total-count': '-5' }),
  withLocationsHeaders('total-count-text', 'sends X-Total-Count: lots', { 'x-total-count': 'lots' }),
  withLocationsHeaders('total-count-huge', 'sends an X-Total-Count of 10^30', { 'x-total-count': '1000000000000000000000000000000' }),
  on('versions', 'invalid-utf8', 'answers with bytes that are not UTF-8', (call) => call.res.writeHead(200, { 'content-type': 'application/json' }).end(Buffer.concat([Buffer.from(versionsBody(call).slice(0, -1)), Buffer.from(',"x":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]))),
  on('versions', 'huge-header', 'answers with a 1 MB response header', (call) => call.res.writeHead(200, { 'content-type': 'application/json', 'x-padding': 'p'.repeat(1024 * 1024) }).end(versionsBody(call))),
  on('versions', 'versions-data-null', 'answers the versions request with data: null', (call) => call.send(envelope(null))),
  on('details', 'details-data-null', 'answers the version details request with data: null', (call) => call.send(envelope(null))),
  on('credentials', 'credentials-data-null', 'answers the registration with data: null', (call) => call.send(envelope(null))),
  on('details', 'details-data-array', 'answers the version details request with data: a list', (call) => call.send(envelope([1, 'two', null]))),
  on('versions', 'echoes-token-encoded', 'echoes the token percent-encoded in its URLs and in Base64 in its body', (call) => {
    const token = readAuthorization(call.req.headers.authorization).token ?? '';
    const percent = encodeURIComponent(token);
    const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
    call.send({ ...envelope([{ version: '2.2.1', url: `${call.origin}/ocpi/2.2.1?t=${percent}` }]), status_message: `seen ${base64(token)} and ${base64(percent)} and ${encodeURIComponent(base64(token))}` });
  }),
  on('locations', 'endless-pages', 'links every page to a next offset, without X-Total-Count', (call) => endlessPage(call)),
];
