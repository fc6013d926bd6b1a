import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { readAuthorization } from '../../src/transport/authorization.js';
import { minimalCpoAnswer, type Route, routeOf } from './minimal-cpo.js';
import type { Misbehaviour } from './misbehaviours.js';

/** One request one of the bed's servers received: where it arrived and the Authorization it carried. */
export interface SeenRequest {
  readonly origin: string;
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
}

/** What a misbehaviour gets to answer one request with. */
export interface HostileCall {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly socket: Socket;
  readonly route: Route;
  /** The bed's own origin, e.g. `http://127.0.0.1:4711`. */
  readonly origin: string;
  /** Another origin (another port) whose server records what reaches it. */
  readonly otherOrigin: string;
  /** An https origin on a port that only counts connections. */
  readonly otherScheme: string;
  /** The answer a minimal conformant CPO would give. */
  readonly normal: () => { readonly status: number; readonly headers: Record<string, string>; readonly body: unknown };
  /** Sends a JSON answer (status 200 unless given). */
  readonly send: (body: unknown, options?: { status?: number; headers?: Record<string, string> }) => void;
  /** Runs `stop` when the bed closes (timers of drips and endless bodies). */
  readonly onClose: (stop: () => void) => void;
}

/** A running hostile target: a minimal OCPI CPO with one named misbehaviour, and the servers that watch for leaks. */
export interface HostileTarget {
  readonly versionsUrl: string;
  readonly origin: string;
  readonly otherOrigin: string;
  readonly otherScheme: string;
  /** The Token A to run with. */
  readonly tokenA: string;
  /** Every token the bed saw or issued (Token A, the tester's Token B, the Token C it issued). */
  readonly tokens: readonly string[];
  readonly seen: readonly SeenRequest[];
  /** Connections the https-only port got: any would carry a token in a real deployment. */
  readonly tlsConnections: number;
  close(): Promise<void>;
}

// Characters that percent-encoding and Base64 change, so every encoding of it differs from the token.
const TOKEN_A = 'hostile+token/A=0123&4567%89ab~';

function listen(server: Server | TcpServer): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** Starts the bed on loopback ports chosen by the system; `close()` stops every server and timer it started. */
export async function startHostileTarget(misbehaviour: Misbehaviour): Promise<HostileTarget> {
  const seen: SeenRequest[] = [];
  const tokens = new Set<string>([TOKEN_A]);
  const valid = new Set<string>([TOKEN_A]);
  const stops: Array<() => void> = [];
  const sockets = new Set<Socket>();
  let tlsConnections = 0;
  const record = (origin: string, req: IncomingMessage): void => {
    const authorization = req.headers.authorization;
    seen.push({ origin, method: req.method ?? '?', path: req.url ?? '?', ...(authorization ? { authorization } : {}) });
    const presented = readAuthorization(authorization).token;
    if (presented) tokens.add(presented);
  };

  const other = createHttpServer((req, res) => {
    record(otherOrigin, req);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status_code":1000,"data":[]}');
  });
  const tls = createTcpServer((socket) => {
    tlsConnections += 1;
    socket.destroy();
  });
  const main = createHttpServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    record(origin, req);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const route = routeOf(req);
      const normal = (): ReturnType<HostileCall['normal']> => minimalCpoAnswer({ req, route, body, origin, valid, seen: tokens });
      const call: HostileCall = {
        req,
        res,
        socket: req.socket,
        route,
        origin,
        otherOrigin,
        otherScheme,
        normal,
        send: (answer, options = {}) => {
          if (res.destroyed || res.writableEnded) return;
          res.writeHead(options.status ?? 200, { 'content-type': 'application/json', ...options.headers }).end(JSON.stringify(answer));
        },
        onClose: (stop) => stops.push(stop),
      };
      if (misbehaviour.answer(call)) return;
      const answer = normal();
      if (!res.destroyed) res.writeHead(answer.status, answer.headers).end(JSON.stringify(answer.body));
    });
  });
  main.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const origin = `http://127.0.0.1:${await listen(main)}`;
  const otherOrigin = `http://127.0.0.1:${await listen(other)}`;
  const otherScheme = `https://127.0.0.1:${await listen(tls)}`;
  const close = (server: Server | TcpServer): Promise<void> => new Promise((resolve) => server.close(() => resolve()));
  return {
    versionsUrl: `${origin}/ocpi/versions`,
    origin,
    otherOrigin,
    otherScheme,
    tokenA: TOKEN_A,
    get tokens() {
      return [...tokens];
    },
    seen,
    get tlsConnections() {
      return tlsConnections;
    },
    async close() {
      for (const stop of stops) stop();
      for (const socket of sockets) socket.destroy();
      main.closeAllConnections();
      other.closeAllConnections();
      await Promise.all([close(main), close(other), close(tls)]);
    },
  };
}
