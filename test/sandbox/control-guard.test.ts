// The control API's guards: a call without this run's token, with a wrong one, or with a Host that is
// not the sandbox's loopback address (DNS rebinding) is refused with 403 and changes nothing; the
// AWS endpoints on the same port stay open to signed requests as before.
import { request } from 'node:http';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { withSandbox } from '../helpers/sandbox';

const sandbox = withSandbox({ scenario: 'avi-lab', speed: 0 });

// node:http rather than fetch, so the test can send any Host header.
function raw(
  path: string,
  options: { method?: string; host?: string; token?: string; body?: string } = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: sandbox.handle.port,
        path: `/_sandbox/${path}`,
        method: options.method ?? 'GET',
        headers: {
          host: options.host ?? `127.0.0.1:${sandbox.handle.port}`,
          'content-type': 'application/json',
          ...(options.token === undefined ? {} : { 'x-sandbox-token': options.token }),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('control API guard', () => {
  it('refuses every call without the token or with a wrong one, and changes nothing', async () => {
    const before = sandbox.handle.clock.now();
    const wrong = sandbox.handle.controlToken.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (const token of [undefined, '', wrong, `${sandbox.handle.controlToken}x`]) {
      const clock = await raw('clock', { method: 'POST', token, body: '{"advanceMs":3600000}' });
      expect(clock.status).toBe(403);
      expect(JSON.parse(clock.text)).toMatchObject({ error: 'Forbidden' });
      expect(clock.text).toContain('x-sandbox-token');
      const fault = await raw('faults', { method: 'POST', token, body: '{"kind":"fail","code":"Boom"}' });
      expect(fault.status).toBe(403);
      expect((await raw('state', { token })).status).toBe(403);
    }
    expect(sandbox.handle.clock.now()).toBe(before);
    expect(sandbox.control.listFaults()).toEqual([]);
  });

  it('refuses a foreign Host even with the token (DNS rebinding), and changes nothing', async () => {
    sandbox.handle.world.sso.approveAfterMs = 12_345; // a change a reset would undo
    const token = sandbox.handle.controlToken;
    for (const host of [
      'evil.example:80',
      `evil.example:${sandbox.handle.port}`,
      '127.0.0.1:1',
      'localhost',
    ]) {
      const reset = await raw('reset', { method: 'POST', host, token });
      expect(reset.status).toBe(403);
      expect(reset.text).toContain('Host');
    }
    expect(sandbox.handle.world.sso.approveAfterMs).toBe(12_345);
  });

  it('serves a call with the token and a loopback Host (127.0.0.1 or localhost)', async () => {
    const token = sandbox.handle.controlToken;
    const byIp = await raw('health', { token });
    expect(byIp.status).toBe(200);
    expect(JSON.parse(byIp.text)).toMatchObject({ scenario: 'avi-lab' });
    const byName = await raw('health', { token, host: `localhost:${sandbox.handle.port}` });
    expect(byName.status).toBe(200);
    const advanced = await sandbox.controlFetch('clock', { method: 'POST', body: '{"advanceMs":60000}' });
    expect(advanced.status).toBe(200);
  });

  it('leaves the AWS endpoints on the same port to SigV4, as before', async () => {
    const ec2 = new EC2Client(sandbox.sdkConfig);
    const answer = await ec2.send(new DescribeRegionsCommand({}));
    expect(answer.Regions?.length).toBeGreaterThan(0);
  });
});
