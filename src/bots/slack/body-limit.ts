import type { RequestListener } from 'node:http';

/**
 * Largest request body accepted on Slack's HTTP endpoint. Slash commands and button clicks on our
 * (≤ 12 k character) messages are a few kilobytes; Bolt itself buffers bodies of any size before
 * checking the signature, so anyone who can reach the port could otherwise make it hold gigabytes.
 */
export const MAX_SLACK_BODY_BYTES = 256 * 1024;

/**
 * Refuses oversize bodies before Bolt reads them: 413 when Content-Length is too large, 411 when
 * a body comes without one (Slack always sends it; Node's parser keeps the body to that length).
 */
export function limitBodySize(listener: RequestListener, maxBytes = MAX_SLACK_BODY_BYTES): RequestListener {
  return (req, res) => {
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const declared = req.headers['content-length'];
    const refuse = (status: number) => {
      // Close the connection rather than read the rest of a body we will never use.
      res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' }).end();
      req.resume();
    };
    if (hasBody && declared === undefined && req.headers['transfer-encoding'] !== undefined)
      return refuse(411);
    if (hasBody && Number(declared) > maxBytes) return refuse(413);
    listener(req, res);
  };
}
