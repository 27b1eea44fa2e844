import { createServer, type Server } from 'node:http';
import type { OpsRoute } from './routes.js';

/** The small server that carries /healthz and /metrics when no Slack HTTP receiver does. */
export async function startOpsServer(routes: OpsRoute[], port: number, host = '0.0.0.0'): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (route) route.handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
