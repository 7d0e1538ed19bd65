// A scripted IAM Identity Center (SSO-OIDC and SSO portal, REST-JSON as the SDK sends it) on
// 127.0.0.1, for the accounts tests that must not depend on the sandbox: each CreateToken answer
// comes from a script, so pending, slow_down, expiry and denial can be played in order.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type TokenAnswer = 'pending' | 'slow-down' | 'expired' | 'denied' | 'ok';

export interface FakeIdentityCenterOptions {
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly clientSecret?: string;
  readonly roleSecretAccessKey?: string;
  readonly roleSessionToken?: string;
  readonly script?: TokenAnswer[];
  // Where the user approves; a loopback page unless a test wants AWS's.
  readonly verificationUri?: string;
}

export interface FakeIdentityCenter {
  readonly endpoint: string;
  readonly calls: string[];
  readonly registeredScopes: string[][];
  close(): Promise<void>;
}

const errorTypes: Record<Exclude<TokenAnswer, 'ok'>, [string, string]> = {
  pending: ['AuthorizationPendingException', 'authorization_pending'],
  'slow-down': ['SlowDownException', 'slow_down'],
  expired: ['ExpiredTokenException', 'expired_token'],
  denied: ['AccessDeniedException', 'access_denied'],
};

const readBody = async (request: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
};

export async function startFakeIdentityCenter(
  options: FakeIdentityCenterOptions,
): Promise<FakeIdentityCenter> {
  const script = [...(options.script ?? ['ok'])];
  const calls: string[] = [];
  const registeredScopes: string[][] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const body = request.method === 'POST' ? await readBody(request) : {};
      const send = (status: number, value: unknown, type?: string) => {
        response.writeHead(status, {
          'content-type': 'application/json',
          ...(type ? { 'x-amzn-errortype': type } : {}),
        });
        response.end(JSON.stringify(value));
      };
      const route = `${request.method} ${url.pathname}`;
      calls.push(route);
      const bearer = request.headers['x-amz-sso_bearer_token'];
      if (url.pathname.startsWith('/federation') || url.pathname.startsWith('/assignment')) {
        if (bearer !== options.accessToken)
          return send(401, { message: 'Session token not found or invalid' }, 'UnauthorizedException');
      }
      switch (route) {
        case 'POST /client/register':
          registeredScopes.push((body.scopes as string[] | undefined) ?? []);
          return send(200, {
            clientId: 'client-1',
            clientSecret: options.clientSecret ?? 'client-secret-value',
            clientIdIssuedAt: 1_700_000_000,
            clientSecretExpiresAt: 1_900_000_000,
          });
        case 'POST /device_authorization':
          return send(200, {
            deviceCode: 'device-code-value',
            userCode: 'ABCD-EFGH',
            verificationUri: options.verificationUri ?? 'http://127.0.0.1/device',
            verificationUriComplete: `${options.verificationUri ?? 'http://127.0.0.1/device'}?user_code=ABCD-EFGH`,
            expiresIn: 600,
            interval: 1,
          });
        case 'POST /token': {
          const next = script.length > 1 ? script.shift() : script[0];
          if (next === undefined || next === 'ok') {
            return send(200, {
              accessToken: options.accessToken,
              tokenType: 'Bearer',
              expiresIn: 28_800,
              ...(options.refreshToken ? { refreshToken: options.refreshToken } : {}),
            });
          }
          const [type, code] = errorTypes[next];
          return send(400, { error: code, error_description: code }, type);
        }
        case 'GET /federation/credentials':
          return send(200, {
            roleCredentials: {
              accessKeyId: 'ASIAFAKEROLE',
              secretAccessKey: options.roleSecretAccessKey ?? 'role-secret',
              sessionToken: options.roleSessionToken ?? 'role-session-token',
              expiration: Date.now() + 3_600_000,
            },
          });
        case 'GET /assignment/accounts':
          return send(200, {
            accountList: [{ accountId: '111122223333', accountName: 'Dev', emailAddress: 'dev@example.com' }],
          });
        case 'GET /assignment/roles':
          return send(200, {
            roleList: [
              { roleName: 'ReadOnly', accountId: url.searchParams.get('account_id') },
              { roleName: 'Admin', accountId: url.searchParams.get('account_id') },
            ],
          });
        default:
          return send(404, { message: `no route ${route}` }, 'ResourceNotFoundException');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    registeredScopes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
