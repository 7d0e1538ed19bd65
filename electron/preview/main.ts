// `npm run preview [-- --port N] [-- --scenario NAME] [-- --data-dir DIR]`: the app in a browser,
// on the sandbox account, for development and tests. Prints the URL (with this run's token).
import { parseArgs } from 'node:util';
import { ensureRendererBuilt } from './renderer-build';
import { startPreview } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    scenario: { type: 'string' },
    'data-dir': { type: 'string' },
  },
});

const portText = values.port ?? process.env.PREVIEW_PORT;
const port = portText === undefined ? 0 : Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`envelope preview: --port must be a port number, not ${portText}`);
  process.exit(2);
}

try {
  await ensureRendererBuilt((line) => console.log(line));
  const preview = await startPreview({
    port,
    ...(values.scenario ? { scenario: values.scenario } : {}),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
  });
  console.log(`Envelope preview (sandbox account, loopback only): ${preview.url}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    preview.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`envelope preview: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
