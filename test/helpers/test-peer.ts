import { Peer, type PeerOptions } from '../../src/peer/peer.js';
import { OcpiClient } from '../../src/transport/ocpi-client.js';
import { Redactor } from '../../src/transport/redactor.js';

/** A tester's peer on 127.0.0.1 (port 0), with the client it uses, which a test also sends with; stop it with `peer.stop()`. */
export async function startTestPeer(options: Omit<PeerOptions, 'host' | 'port' | 'redactor' | 'nextExchangeId' | 'client'>): Promise<{ peer: Peer; client: OcpiClient }> {
  const redactor = new Redactor();
  let n = 0;
  const nextExchangeId = (): string => `x${++n}`;
  const client = new OcpiClient({ timeoutMs: 2000, maxResponseBytes: 1_000_000, tokenEncoding: 'base64', redactor, nextExchangeId, userAgent: 'test' });
  return { peer: await Peer.start({ host: '127.0.0.1', port: 0, redactor, nextExchangeId, client, ...options }), client };
}
