import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, succeed, type Outcome } from '../result';

const maxBodyBytes = 256 * 1024;
const jsonType = 'application/json;charset=UTF-8';

export function sendJson(res: ServerResponse, httpStatus: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(httpStatus, {
    'Content-Type': jsonType,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache',
  });
  res.end(text);
}

/** The GWS error body: statusCode and statusMessage, nothing else (gws-api.md §1.3). */
export function sendGwsError(res: ServerResponse, httpStatus: number, statusCode: number, statusMessage: string): void {
  sendJson(res, httpStatus, { statusCode, statusMessage });
}

export function sendText(res: ServerResponse, httpStatus: number, text: string): void {
  res.writeHead(httpStatus, { 'Content-Type': 'text/plain;charset=UTF-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** What a servlet container answers for a path it does not serve, so a client can tell "this is not GWS". */
export function sendHtmlNotFound(res: ServerResponse): void {
  sendHtmlPage(res, 404, 'Not Found', 'The requested resource is not available.');
}

/** What a reverse proxy in front of GWS answers when GWS does not. */
export function sendHtmlBadGateway(res: ServerResponse): void {
  sendHtmlPage(res, 502, 'Bad Gateway', 'The proxy server received an invalid response from an upstream server.');
}

function sendHtmlPage(res: ServerResponse, status: number, title: string, text: string): void {
  const html = `<!doctype html><html><head><title>${status} ${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
  res.writeHead(status, title, {
    'Content-Type': 'text/html;charset=UTF-8',
    'Content-Length': Buffer.byteLength(html),
  });
  res.end(html);
}

export function readBody(req: IncomingMessage): Promise<Outcome<string>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: Outcome<string>): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        settle(fail('request body too large'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => settle(succeed(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', (error) => settle(fail(`could not read the request body: ${error.message}`)));
  });
}

export function parseJson(text: string): Outcome<unknown> {
  if (text.trim() === '') return fail('the request body is empty; expected JSON');
  try {
    return succeed(JSON.parse(text) as unknown);
  } catch {
    return fail('the request body is not valid JSON');
  }
}

/** "2015-11-09 15:20:04.000+0200": the date style of GWS interaction resources, in local time. */
export function formatGwsDate(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number, width = 2): string => value.toString().padStart(width, '0');
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const offset = Math.abs(offsetMinutes);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(offset / 60))}${pad(offset % 60)}`
  );
}
