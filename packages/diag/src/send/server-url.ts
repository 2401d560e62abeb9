import { SendRefused } from './send-refused.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The server to send to: TLS only, except to this computer itself (DIAG-4). */
export function serverUrl(server: string): URL {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new SendRefused(`--server ${JSON.stringify(server)} is not a URL such as https://support.example.com`);
  }
  if (url.username || url.password) throw new SendRefused('--server must not carry a user name or password');
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return url;
  throw new SendRefused(
    `refusing to send over ${url.protocol.replace(':', '')} to ${url.hostname}: bundles are sent only over https (plain http only to localhost)`,
  );
}
