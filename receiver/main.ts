/** npm run receiver -- [--port 8787] [--host 127.0.0.1] [--data ./receiver-data] [--token secret] */
import { parseArgs } from 'node:util';
import { startReceiver } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.MAYDAY_RECEIVER_PORT ?? '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: process.env.MAYDAY_RECEIVER_DATA ?? './receiver-data' },
    token: { type: 'string', default: process.env.MAYDAY_RECEIVER_TOKEN },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}
const receiver = await startReceiver({ dataDir: values.data!, token: values.token }, port, values.host);
console.log(`Mayday receiver listening on ${receiver.url}/tickets, storing in ${values.data}${values.token ? ' (bearer token required)' : ''}`);
const stop = () => receiver.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
