// werift asks a STUN server for a server-reflexive candidate on every call, and when given none it
// falls back to a public one (stun.l.google.com), which would mean a DNS lookup and a packet off the
// machine. The simulator's media never leaves 127.0.0.1, so werift is pointed here instead: a
// loopback STUN endpoint that refuses every Binding request at once (RFC 8489 §6.3.4), so gathering
// ends immediately with host candidates only.
import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';

const MAGIC_COOKIE = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const BINDING_ERROR_RESPONSE = 0x0111;
const ERROR_CODE_ATTRIBUTE = 0x0009;
const HEADER_BYTES = 20;

export interface LoopbackStun {
  /** A `stun:` URL for werift's iceServers. */
  readonly url: string;
  close(): Promise<void>;
}

export function bindingRefusal(request: Buffer): Buffer | undefined {
  if (request.length < HEADER_BYTES) return undefined;
  if (request.readUInt16BE(0) !== BINDING_REQUEST || request.readUInt32BE(4) !== MAGIC_COOKIE) return undefined;
  const reason = Buffer.from('No reflexive address on loopback', 'utf8');
  const padded = Math.ceil(reason.length / 4) * 4;
  const attributeLength = 4 + reason.length;
  const response = Buffer.alloc(HEADER_BYTES + 4 + 4 + padded);
  response.writeUInt16BE(BINDING_ERROR_RESPONSE, 0);
  response.writeUInt16BE(4 + 4 + padded, 2);
  request.copy(response, 4, 4, HEADER_BYTES);
  response.writeUInt16BE(ERROR_CODE_ATTRIBUTE, HEADER_BYTES);
  response.writeUInt16BE(attributeLength, HEADER_BYTES + 2);
  response.writeUInt8(4, HEADER_BYTES + 6);
  response.writeUInt8(3, HEADER_BYTES + 7);
  reason.copy(response, HEADER_BYTES + 8);
  return response;
}

export async function startLoopbackStun(): Promise<LoopbackStun> {
  const socket = createSocket('udp4');
  socket.on('message', (message, remote) => {
    const refusal = bindingRefusal(message);
    if (refusal && remote.address === '127.0.0.1') socket.send(refusal, remote.port, remote.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve();
    });
  });
  const { port } = socket.address() as AddressInfo;
  return {
    url: `stun:127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
