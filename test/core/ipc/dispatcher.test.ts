import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../../electron/core/ipc/dispatcher';
import { AppError } from '../../../electron/core/errors/app-error';

// Only the channels a test names have handlers; the dispatcher must never reach any other.
const withHandlers = (overrides: Partial<Handlers>): Handlers => overrides as Handlers;
const baseHandlers = (): Handlers => withHandlers({});

describe('dispatcher', () => {
  it('refuses an unknown channel', async () => {
    const dispatch = createDispatcher(baseHandlers());
    const result = await dispatch('fs:readFile', {});
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'unknown-channel' }) });
  });

  it('refuses arguments that do not match the schema, naming the field', async () => {
    const dispatch = createDispatcher(
      withHandlers({ 'jobs:cancel': () => Promise.resolve({ ok: true as const }) }),
    );
    const result = await dispatch('jobs:cancel', { id: 42 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-argument');
      expect(result.error.message).toContain('id');
    }
  });

  it('passes AppError code, message and hint through', async () => {
    const dispatch = createDispatcher(
      withHandlers({
        'jobs:cancel': () => Promise.reject(new AppError('not-found', 'There is no job x.', 'Reload.')),
      }),
    );
    expect(await dispatch('jobs:cancel', { id: 'x' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no job x.', hint: 'Reload.' },
    });
  });

  it('never sends exception text for unexpected errors', async () => {
    const dispatch = createDispatcher(
      withHandlers({ 'jobs:list': () => Promise.reject(new Error('stack /home/me/secret')) }),
    );
    const result = await dispatch('jobs:list', {});
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'internal' }) });
  });

  it('maps AWS service errors by their code with a hint', async () => {
    const awsError = Object.assign(new Error('Rate exceeded'), {
      name: 'ThrottlingException',
      $metadata: {},
    });
    const dispatch = createDispatcher(withHandlers({ 'jobs:list': () => Promise.reject(awsError) }));
    const result = await dispatch('jobs:list', {});
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'ThrottlingException', hint: expect.any(String) }),
    });
  });

  it('strips result fields the contract does not name (a secret cannot slip out)', async () => {
    const leaky = {
      profile: 'p',
      accountId: '123456789012',
      arn: 'arn:aws:iam::123456789012:user/u',
      userId: 'AIDA',
      secretAccessKey: 'CANARY-SECRET',
    };
    const dispatch = createDispatcher(withHandlers({ 'accounts:identity': () => Promise.resolve(leaky) }));
    const result = await dispatch('accounts:identity', {});
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('CANARY-SECRET');
  });
});

describe('network failures', () => {
  it('are reported as network errors even with the SDK’s $metadata attached', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
      $metadata: { attempts: 3 },
    });
    const dispatch = createDispatcher(withHandlers({ 'jobs:list': () => Promise.reject(refused) }));
    expect(await dispatch('jobs:list', {})).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'network' }),
    });
  });
});
