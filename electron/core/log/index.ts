// The one logger of core (electron-log's Node flavour; Electron main attaches the same hooks to
// its own instance). A hook redacts every message before any transport sees it.
import logger from 'electron-log/node';
import { join } from 'node:path';
import { redactValue } from './redact';

logger.hooks.push((message) => ({ ...message, data: message.data.map((item) => redactValue(item)) }));
logger.transports.console.level = process.env.ENVELOPE_LOG_CONSOLE === '1' ? 'info' : false;
logger.transports.file.level = 'info';

// Points the file transport at the app's data directory (logs/envelope.log inside it).
export function setLogDirectory(dataDir: string): void {
  logger.transports.file.resolvePathFn = () => join(dataDir, 'logs', 'envelope.log');
}

export const log = logger;
export { registerSecret, redactText, redactValue, REDACTED } from './redact';
