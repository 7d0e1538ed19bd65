// A message that sends the reader to the log names a file that exists: an unexpected failure
// through the dispatcher answers "The log file <path> has the details", and that file (in the data
// directory) holds what happened with the secrets redacted. The file rotates past its size.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../electron/core/data-dir';
import { createDispatcher, type Handlers } from '../../../electron/core/ipc/dispatcher';
import {
  MAX_LOG_BYTES,
  log,
  logFileIn,
  logFilePath,
  registerSecret,
  setLogDirectory,
} from '../../../electron/core/log';

const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION = 'FwoGZXIvYXdzEXAMPLE-session-token-value-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'envelope-log-'));

// Tests point the log elsewhere; each puts it back, so the first test holds in any order.
afterEach(() => setLogDirectory(defaultDataDir()));
afterAll(() => {
  setLogDirectory(defaultDataDir());
  rmSync(dir, { recursive: true, force: true });
});

describe('the log file', () => {
  it('is in the data directory from the first line, before any core is created', () => {
    expect(logFilePath()).toBe(join(defaultDataDir(), 'logs', 'envelope.log'));
  });

  it('exists where an internal error says, with the redacted details and no secret', () => {
    setLogDirectory(dir);
    registerSecret(SESSION);
    const dispatch = createDispatcher({
      'jobs:list': () =>
        Promise.reject(
          new Error(`sign failed: aws_secret_access_key=${SECRET_KEY} token ${SESSION} (canary-42)`),
        ),
    } as Partial<Handlers> as Handlers);
    return dispatch('jobs:list', {}).then((result) => {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('internal');
      const named = /The log file (\S+) has the details/.exec(result.error.hint ?? '')?.[1];
      expect(named).toBe(logFileIn(dir));
      expect(existsSync(named ?? '')).toBe(true);
      const text = readFileSync(named ?? '', 'utf8');
      expect(text).toContain('handler jobs:list failed');
      expect(text).toContain('canary-42');
      expect(text).toContain('[redacted]');
      expect(text).not.toContain(SECRET_KEY);
      expect(text).not.toContain(SESSION);
      // Nothing of the exception reaches the caller.
      expect(JSON.stringify(result)).not.toContain('canary-42');
    });
  });

  it('rotates: past the size limit the file becomes envelope.old.log and a new one starts', () => {
    setLogDirectory(dir);
    const file = log.transports.file;
    expect(file.maxSize).toBe(MAX_LOG_BYTES);
    file.maxSize = 200;
    try {
      log.info('first '.repeat(50));
      log.info('second line');
    } finally {
      file.maxSize = MAX_LOG_BYTES;
    }
    const old = join(dir, 'logs', 'envelope.old.log');
    expect(readFileSync(old, 'utf8')).toContain('first');
    expect(readFileSync(logFileIn(dir), 'utf8')).toContain('second line');
    expect(readFileSync(logFileIn(dir), 'utf8')).not.toContain('first first');
  });
});
