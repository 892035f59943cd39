// A static file server that behaves like GitHub Pages: files are served from
// `dist` under a base path, a folder by its `index.html`; any other path gets
// `404.html` with status 404. Text and wasm are sent gzipped to clients that
// accept it, as GitHub Pages does. Every response carries the strict Content
// Security Policy the site must work under.
// Usage: node server.mjs DIST_DIR PORT [BASE]   (BASE defaults to `/`)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; object-src 'none'; base-uri 'self'";

export function startServer(dist, port, base = '/', { onRequest, csp = STRICT_CSP } = {}) {
  const root = path.resolve(dist);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (onRequest && onRequest(req, res, url) === true) return;
    let pathname = decodeURIComponent(url.pathname);
    const send = (file, status) => {
      const type = TYPES[path.extname(file)] || 'application/octet-stream';
      const headers = { 'content-type': type };
      if (csp) headers['content-security-policy'] = csp;
      const gzip = /text|json|xml|javascript|wasm|svg/.test(type)
        && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
      if (gzip) {
        headers['content-encoding'] = 'gzip';
        headers.vary = 'Accept-Encoding';
      }
      res.writeHead(status, headers);
      const body = fs.createReadStream(file);
      (gzip ? body.pipe(zlib.createGzip()) : body).pipe(res);
    };
    const notFound = () => send(path.join(root, '404.html'), 404);
    if (!pathname.startsWith(base)) return notFound();
    let file = path.join(root, pathname.slice(base.length));
    if (!file.startsWith(root)) return notFound();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) return notFound();
    send(file, 200);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] && process.argv[1].endsWith('server.mjs')) {
  const [dist = 'dist', port = '8080', base = '/'] = process.argv.slice(2);
  startServer(dist, Number(port), base).then(() => console.log(`serving ${dist} at http://127.0.0.1:${port}${base}`));
}
