// Electron main's logger: electron-log/main with the same redaction hook core's logger uses, so
// nothing secret reaches a log file whichever process wrote it. Files go to <userData>/logs.
import log from 'electron-log/main';
import { join } from 'node:path';
import { MAX_LOG_BYTES } from '../core/log';
import { redactValue } from '../core/log/redact';

export function setUpMainLog(userDataDir: string): typeof log {
  log.hooks.push((message) => ({ ...message, data: message.data.map((item) => redactValue(item)) }));
  log.transports.file.resolvePathFn = () => join(userDataDir, 'logs', 'main.log');
  log.transports.file.level = 'info';
  // Rotated like core's envelope.log: past the size it becomes main.old.log (one generation).
  log.transports.file.maxSize = MAX_LOG_BYTES;
  log.transports.console.level = process.env.ENVELOPE_LOG_CONSOLE === '1' ? 'info' : false;
  log.errorHandler.startCatching({ showDialog: false });
  return log;
}
