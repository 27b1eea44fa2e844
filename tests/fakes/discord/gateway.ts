import type { Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import { guildCreate } from './payloads.js';
import { shardOf } from './snowflake.js';
import type { FakeState } from './state.js';

interface Session {
  ws: WebSocket;
  shard: [number, number];
  seq: number;
}

/**
 * A gateway that speaks just enough of v10 for discord.js: HELLO, IDENTIFY → READY, one
 * GUILD_CREATE per guild of that shard, heartbeat ACKs, and dispatches the tests ask for.
 */
export class FakeGateway {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Set<Session>();
  /** Every open socket, identified or not, so close() never leaves one behind. */
  private readonly sockets = new Set<WebSocket>();
  readonly identifies: Array<[number, number]> = [];
  heartbeats = 0;
  /** Send READY but never the guilds, so discord.js keeps waiting for them (a stalled start-up). */
  withholdGuilds = false;
  /** Close every IDENTIFY with 4004 even when REST accepts the token. */
  rejectIdentify = false;

  constructor(
    server: Server,
    private readonly state: FakeState,
    private readonly token: () => string,
    private readonly heartbeatIntervalMs: number,
    private readonly notify: () => void = () => {},
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (ws) => this.accept(ws));
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(
      JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null }),
    );
    ws.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> | null };
      if (packet.op === 1) {
        this.heartbeats += 1;
        ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      } else if (packet.op === 2) {
        this.identify(ws, packet.d ?? {});
      } else if (packet.op === 6) {
        ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      }
      this.notify();
    });
    ws.on('close', () => {
      for (const s of this.sessions) if (s.ws === ws) this.sessions.delete(s);
    });
  }

  private identify(ws: WebSocket, d: Record<string, unknown>): void {
    if (this.rejectIdentify || d.token !== this.token()) {
      ws.close(4004, 'Authentication failed.');
      return;
    }
    const shard = (Array.isArray(d.shard) ? d.shard : [0, 1]) as [number, number];
    this.identifies.push(shard);
    const session: Session = { ws, shard, seq: 0 };
    this.sessions.add(session);
    const guilds = this.guildsOf(shard);
    const url = `ws://127.0.0.1:${(this.wss.address() as { port: number }).port}`;
    this.send(session, 'READY', {
      v: 10,
      user: { ...this.state.bot, avatar: null, bot: true, verified: true, flags: 0 },
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: `session-${shard[0]}`,
      resume_gateway_url: url,
      shard,
      application: { id: this.state.applicationId, flags: 0 },
    });
    if (this.withholdGuilds) return;
    for (const g of guilds) this.send(session, 'GUILD_CREATE', guildCreate(this.state, g));
  }

  private guildsOf([id, count]: [number, number]) {
    return [...this.state.guilds.values()].filter((g) => shardOf(g.id, count) === id);
  }

  private send(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    session.ws.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
  }

  /** Sends a dispatch on the session that owns the guild (DMs go to shard 0). Returns its shard id. */
  dispatch(guildId: string | undefined, t: string, d: unknown): number {
    for (const s of this.sessions) {
      const owns = guildId ? shardOf(guildId, s.shard[1]) === s.shard[0] : s.shard[0] === 0;
      if (owns) {
        this.send(s, t, d);
        return s.shard[0];
      }
    }
    throw new Error(`fake gateway: no connected shard owns guild ${guildId ?? '(DM)'}`);
  }

  get connectedShards(): number[] {
    return [...this.sessions].map((s) => s.shard[0]).sort();
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
  }
}
