/** The handshake modes of a run (DESIGN §2.4). */
export type HandshakeMode = 'register' | 'await' | 'none';
