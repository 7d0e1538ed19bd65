// Logins in progress: each is a device authorization polled in the background, reported through
// the accounts:ssoLogin event (pending, then succeeded, failed or cancelled) and cancellable.
// The token goes to the AWS CLI's cache file; no payload ever carries it.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { isAllowedExternalUrl } from '../../../../shared/external-links';
import { AppError } from '../../errors/app-error';
import { toApiError } from '../../errors/to-api-error';
import type { EventBus } from '../../events/event-bus';
import { log, logFilePath } from '../../log';
import { pollForToken, startDeviceAuthorization, type PollOptions } from './device-login';
import type { ResolvedSession } from './sessions';
import { writeSsoToken } from './token-cache';

export interface SsoLoginStart {
  readonly loginId: string;
  readonly userCode: string;
  readonly verificationUri: string;
  readonly verificationUriComplete: string;
  readonly expiresAt: number;
  readonly opened: boolean;
}

export type SsoLoginOutcome = 'succeeded' | 'failed' | 'cancelled';

export interface SsoLoginOptions {
  readonly events: Pick<EventBus, 'emit'>;
  // Opens an allow-listed https URL in the system browser; absent in the CLI and in tests.
  readonly openExternal?: (url: string) => Promise<void>;
  // Called after the token is in the cache, so credentials of the session's profiles refresh.
  readonly onLoggedIn: (session: ResolvedSession) => void;
  readonly sleep?: PollOptions['sleep'];
}

interface Running {
  readonly controller: AbortController;
  readonly done: Promise<SsoLoginOutcome>;
}

const abortableSleep: PollOptions['sleep'] = (ms, signal) => sleepFor(ms, undefined, { signal });

export const oidcClient = (session: ResolvedSession): SSOOIDCClient =>
  new SSOOIDCClient({
    region: session.region,
    maxAttempts: 3,
    ...(session.oidcEndpoint === undefined ? {} : { endpoint: session.oidcEndpoint }),
  });

export class SsoLoginService {
  private readonly running = new Map<string, Running>();

  constructor(private readonly options: SsoLoginOptions) {}

  async start(session: ResolvedSession): Promise<SsoLoginStart> {
    const oidc = oidcClient(session);
    let authorization;
    try {
      authorization = await startDeviceAuthorization(oidc, session);
    } catch (error) {
      oidc.destroy();
      throw error;
    }
    const loginId = randomUUID();
    const controller = new AbortController();
    const opened = await this.open(authorization.verificationUriComplete);
    const emit = (state: 'pending' | SsoLoginOutcome, error?: string) =>
      this.options.events.emit('accounts:ssoLogin', {
        loginId,
        ssoSession: session.name,
        state,
        ...(error ? { error } : {}),
      });
    const done = (async (): Promise<SsoLoginOutcome> => {
      try {
        const token = await pollForToken(oidc, authorization, {
          signal: controller.signal,
          sleep: this.options.sleep ?? abortableSleep,
        });
        await writeSsoToken(session.cacheKey, token);
        this.options.onLoggedIn(session);
        log.info(`sso login succeeded for session ${session.name}`);
        emit('succeeded');
        return 'succeeded';
      } catch (error) {
        if (controller.signal.aborted) {
          emit('cancelled');
          return 'cancelled';
        }
        const apiError = toApiError(error);
        // The error itself goes to the log (redacted there), which the message names.
        log.warn(`sso login failed for session ${session.name}: ${apiError.code}`, error);
        emit(
          'failed',
          apiError.code === 'internal'
            ? `The login failed; the log file ${logFilePath()} has the details.`
            : apiError.message,
        );
        return 'failed';
      } finally {
        oidc.destroy();
        this.running.delete(loginId);
      }
    })();
    this.running.set(loginId, { controller, done });
    emit('pending');
    return {
      loginId,
      userCode: authorization.userCode,
      verificationUri: authorization.verificationUri,
      verificationUriComplete: authorization.verificationUriComplete,
      expiresAt: authorization.expiresAt,
      opened,
    };
  }

  cancel(loginId: string): void {
    const running = this.running.get(loginId);
    if (!running) throw new AppError('not-found', 'This login is no longer running.');
    running.controller.abort();
  }

  // Resolves when the login ends (the CLI waits on it).
  wait(loginId: string): Promise<SsoLoginOutcome> {
    return (
      this.running.get(loginId)?.done ??
      Promise.reject(new AppError('not-found', 'This login is no longer running.'))
    );
  }

  cancelAll(): void {
    for (const running of this.running.values()) running.controller.abort();
  }

  // Only allow-listed IAM Identity Center pages are opened; a loopback sandbox URL is shown instead.
  private async open(url: string): Promise<boolean> {
    if (!this.options.openExternal || !isAllowedExternalUrl(url)) return false;
    try {
      await this.options.openExternal(url);
      return true;
    } catch {
      return false;
    }
  }
}
