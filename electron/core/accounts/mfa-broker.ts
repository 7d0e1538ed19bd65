// MFA codes for fromIni's mfaCodeProvider. In the app, core emits accounts:mfaRequired and waits
// for the renderer's accounts:submitMfa or accounts:cancelMfa; the CLI plugs in its own
// MfaCodeProvider that asks on the terminal. Either way the code never leaves main afterwards.
import { randomUUID } from 'node:crypto';
import { AppError } from '../errors/app-error';
import type { EventBus } from '../events/event-bus';

export interface MfaRequest {
  readonly profile: string;
  readonly mfaSerial: string;
}

export type MfaCodeProvider = (request: MfaRequest) => Promise<string>;

interface Waiting {
  resolve(code: string): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

// How long a dialog may stay open before the request gives up (ms); MFA codes rotate every 30 s.
const MFA_TIMEOUT_MS = 5 * 60 * 1000;

export class MfaBroker {
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly events: Pick<EventBus, 'emit'>) {}

  readonly request: MfaCodeProvider = ({ profile, mfaSerial }) =>
    new Promise<string>((resolve, reject) => {
      const requestId = randomUUID();
      const timer = setTimeout(() => {
        this.settle(requestId)?.reject(
          new AppError(
            'mfa-timeout',
            `No MFA code was entered for profile ${profile}.`,
            'Try again and enter the code.',
          ),
        );
      }, MFA_TIMEOUT_MS);
      timer.unref();
      this.waiting.set(requestId, { resolve, reject, timer });
      this.events.emit('accounts:mfaRequired', { requestId, profile, mfaSerial });
    });

  submit(requestId: string, code: string): void {
    const waiting = this.settle(requestId);
    if (!waiting)
      throw new AppError('not-found', 'This MFA request is no longer waiting.', 'Start the action again.');
    waiting.resolve(code);
  }

  cancel(requestId: string): void {
    this.settle(requestId)?.reject(
      new AppError(
        'mfa-cancelled',
        'The MFA code was not entered.',
        'Start the action again when you have your device.',
      ),
    );
  }

  private settle(requestId: string): Waiting | undefined {
    const waiting = this.waiting.get(requestId);
    if (waiting) {
      clearTimeout(waiting.timer);
      this.waiting.delete(requestId);
    }
    return waiting;
  }
}
