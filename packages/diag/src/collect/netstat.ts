export type Connection = { protocol: string; local: string; remote: string; state: string; pid?: number };

const PROTOCOL = /^(tcp|udp)[46]{0,2}$/i;

/**
 * Parses `netstat -ano` (Windows: Proto, Local, Foreign, State, PID) and `netstat -an` (macOS: Proto, Recv-Q, Send-Q,
 * Local, Foreign, state) into connections; header and unrelated lines are skipped.
 */
export function parseNetstat(text: string): Connection[] {
  const connections: Connection[] = [];
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (!PROTOCOL.test(fields[0] ?? '')) continue;
    const protocol = fields[0].toLowerCase();
    const isUdp = protocol.startsWith('udp');
    if (/^\d+$/.test(fields[1] ?? '') && /^\d+$/.test(fields[2] ?? '')) {
      connections.push({ protocol, local: fields[3] ?? '', remote: fields[4] ?? '', state: isUdp ? '' : (fields[5] ?? '') });
      continue;
    }
    const [local = '', remote = ''] = fields.slice(1, 3);
    const rest = fields.slice(3);
    const pidText = rest.at(-1);
    const pid = pidText && /^\d+$/.test(pidText) ? Number(pidText) : undefined;
    const state = isUdp ? '' : rest.length > (pid === undefined ? 0 : 1) ? rest[0] : '';
    connections.push({ protocol, local, remote, state, ...(pid === undefined ? {} : { pid }) });
  }
  return connections;
}
