// toApiError keeps an error that already is an ApiError (a finished job's error handed on to the
// CLI's fail()) instead of hiding it behind "Something went wrong inside Envelope".
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/errors/app-error';
import { toApiError } from '../../../electron/core/errors/to-api-error';

describe('toApiError', () => {
  it('passes an ApiError through, with its hint', () => {
    const error = {
      code: 'key-not-usable',
      message: 'The KMS key alias/lab-ebs is Disabled.',
      hint: 'Enable it.',
    };
    expect(toApiError(error)).toEqual(error);
    expect(toApiError({ code: 'x', message: 'y' })).toEqual({ code: 'x', message: 'y' });
  });

  it('still hides what it does not know, and keeps AppError as it is', () => {
    expect(toApiError(new Error('boom')).code).toBe('internal');
    expect(toApiError({ code: 1, message: 'y' }).code).toBe('internal');
    expect(toApiError(new AppError('a', 'b', 'c'))).toEqual({ code: 'a', message: 'b', hint: 'c' });
  });
});
