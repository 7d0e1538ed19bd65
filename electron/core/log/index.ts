// The one logger of core (electron-log's Node flavour, which needs no Electron: the CLI and the
// preview use it as is; Electron main attaches the same hooks to its own instance). A hook redacts
// every message before any transport sees it. The file is <data dir>/logs/envelope.log from the
// first line logged (the data directory's per-OS default, or ENVELOPE_DATA_DIR), so a message that
// says "the log file has the details" always points at a file that exists; createCore() sets the
// directory it was given. Rotation: past MAX_LOG_BYTES the file becomes envelope.old.log (one
// generation kept) and a new one starts.
import logger from 'electron-log/node';
import { renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import { defaultDataDir } from '../data-dir';
import { redactValue } from './redact';

export const MAX_LOG_BYTES = 5 * 1024 * 1024;

logger.hooks.push((message) => ({ ...message, data: message.data.map((item) => redactValue(item)) }));
logger.transports.console.level = process.env.ENVELOPE_LOG_CONSOLE === '1' ? 'info' : false;
logger.transports.file.level = 'info';
logger.transports.file.maxSize = MAX_LOG_BYTES;
logger.transports.file.archiveLogFn = (file) => {
  const path = file.path;
  const { dir, name, ext } = parse(path);
  const old = join(dir, `${name}.old${ext}`);
  rmSync(old, { force: true });
  renameSync(path, old);
};

export const logFileIn = (dataDir: string): string => join(dataDir, 'logs', 'envelope.log');

let current = logFileIn(defaultDataDir());
logger.transports.file.resolvePathFn = () => current;

// Points the file transport at a data directory (logs/envelope.log inside it).
export function setLogDirectory(dataDir: string): void {
  current = logFileIn(dataDir);
}

// Where this process writes its log: what messages name when they send the reader to it.
export function logFilePath(): string {
  return current;
}

export const log = logger;
export { registerSecret, redactText, redactValue, REDACTED } from './redact';
