import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * Slack's Socket Mode side: `hello` on connect, envelopes out, `{ envelope_id, payload }` acks in.
 * The URL handed out by the fake `apps.connections.open` leads here.
 */
export class FakeSocketMode {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly clients = new Set<WebSocket>();
  private readonly acks = new Map<string, (payload: unknown) => void>();
  private readonly waiters: (() => void)[] = [];

  constructor() {
    this.wss.on('connection', (ws) => {
      this.clients.add(ws);
      ws.on('close', () => this.clients.delete(ws));
      ws.on('message', (data) => {
        const ack = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (ack.envelope_id) this.acks.get(ack.envelope_id)?.(ack.payload ?? {});
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A_FAKE' } }));
      for (const resolve of this.waiters.splice(0)) resolve();
    });
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  get connections(): number {
    return this.clients.size;
  }

  /** Resolves once a client is connected (immediately if one already is). */
  connected(): Promise<void> {
    if (this.clients.size > 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Sends one envelope (e.g. `slash_commands`) and resolves with the payload of its ack. */
  send(type: string, payload: unknown): Promise<Record<string, unknown>> {
    const [ws] = this.clients;
    if (!ws) return Promise.reject(new Error('no Socket Mode client connected'));
    const envelopeId = randomUUID();
    const acked = new Promise<Record<string, unknown>>((resolve) => {
      this.acks.set(envelopeId, (p) => {
        this.acks.delete(envelopeId);
        resolve(p as Record<string, unknown>);
      });
    });
    ws.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: true }));
    return acked;
  }

  close(): void {
    for (const ws of this.clients) ws.terminate();
    this.wss.close();
  }
}
