// autocannon in a process of its own, so the load generator does not share the server's event loop.
import autocannon from 'autocannon';
import { type DeviceTokens, deviceNumber, seededDeviceToken } from './device-tokens.ts';

export interface LoadJob {
  url: string;
  connections: number;
  seconds: number;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  deviceTokens?: DeviceTokens;
}

function run(job: LoadJob) {
  let sent = 0;
  const tokens = job.deviceTokens;
  const instance = autocannon(
    {
      url: job.url,
      connections: job.connections,
      duration: job.seconds,
      method: job.method,
      headers: job.headers,
      body: job.body,
      requests: tokens
        ? [
            {
              setupRequest: (request) => ({
                ...request,
                headers: { ...job.headers, authorization: `Bearer ${seededDeviceToken(deviceNumber(tokens, sent++))}` },
              }),
            },
          ]
        : undefined,
    },
    (error, result) => {
      if (error) throw error;
      process.send?.({
        requests: result.requests.total,
        non2xx: result.non2xx,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
      });
    },
  );
  return instance;
}

let running: autocannon.Instance | undefined;
process.on('message', (message: LoadJob | 'stop') => {
  if (message === 'stop') running?.stop();
  else running = run(message);
});
