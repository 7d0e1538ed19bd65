// The one error type core throws on purpose: a code, a sentence for a person and what to do.
// The dispatcher turns it into the contract's ApiError; anything else becomes 'internal'.
import type { ApiError } from '../../../shared/ipc/channel';

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return this.hint === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, hint: this.hint };
  }
}
