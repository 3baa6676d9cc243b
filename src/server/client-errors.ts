import type { Duplex } from 'node:stream';

/**
 * Requests Node's HTTP parser refuses before the app sees them (headers over the 16 KiB limit, a
 * malformed request line) answered in the API's one JSON error shape instead of Node's bare
 * status line: 431 HEADERS_TOO_LARGE or 400 INVALID_INPUT. Listen with
 * `server.on('clientError', answerClientError)`.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify({
    error: tooLarge
      ? { code: 'HEADERS_TOO_LARGE', message: 'request headers are over the 16 KiB limit' }
      : { code: 'INVALID_INPUT', message: 'malformed HTTP request' },
  });
  socket.end(
    `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
