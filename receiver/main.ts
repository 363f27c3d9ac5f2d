/**
 * npm run receiver -- [--port 8787] [--host 127.0.0.1] [--data ./receiver-data] [--token secret]
 *                     [--signing-secret whsec_…] [--public-url https://help.example.org]
 */
import { parseArgs } from 'node:util';
import { startReceiver } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.MAYDAY_RECEIVER_PORT ?? '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: process.env.MAYDAY_RECEIVER_DATA ?? './receiver-data' },
    token: { type: 'string', default: process.env.MAYDAY_RECEIVER_TOKEN },
    'signing-secret': { type: 'string', default: process.env.MAYDAY_RECEIVER_SIGNING_SECRET },
    'public-url': { type: 'string', default: process.env.MAYDAY_RECEIVER_PUBLIC_URL },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}
const publicUrl = values['public-url'];
if (publicUrl !== undefined && !/^https?:\/\/[^/?#\s]+\/?$/.test(publicUrl)) {
  console.error(`--public-url must be an origin such as https://help.example.org, not "${publicUrl}"`);
  process.exit(2);
}
const receiver = await startReceiver(
  { dataDir: values.data, token: values.token, signingSecret: values['signing-secret'], publicUrl },
  port,
  values.host,
);
const checks = [values.token && 'bearer token', values['signing-secret'] && 'webhook signature']
  .filter(Boolean)
  .join(' and ');
console.log(
  `Mayday receiver listening on ${receiver.url}/tickets (technicians: ${receiver.url}/), storing in ${values.data}${checks ? ` (${checks} required)` : ''}`,
);
// A ticket being written when SIGTERM arrives is finished first: folders are renamed into place.
const stop = () => void receiver.shutdown().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
