// `envelope sandbox` runs in the foreground, prints how to reach it, and serves the control API.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { runAwsCli } from '../helpers/sandbox';

describe('envelope sandbox', () => {
  it('prints the endpoint and credentials, answers the CLI, and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['bin/envelope.mjs', 'sandbox', '--scenario', 'kublr-cluster', '--port', '0', '--no-throttling'],
      {
        env: { ...process.env, NODE_NO_WARNINGS: '1' },
      },
    );
    try {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      while (!output.includes('Press Ctrl-C')) {
        const [code] = (await Promise.race([once(child.stdout, 'data'), once(child, 'exit')])) as [unknown];
        if (child.exitCode !== null) throw new Error(`envelope sandbox exited (${String(code)}): ${output}`);
      }
      const endpoint = /export AWS_ENDPOINT_URL=(\S+)/.exec(output)?.[1] ?? '';
      const accessKeyId = /export AWS_ACCESS_KEY_ID=(\S+)/.exec(output)?.[1] ?? '';
      const secret = /export AWS_SECRET_ACCESS_KEY=(\S+)/.exec(output)?.[1] ?? '';
      expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(output).toContain('throttling off');
      expect(output).toContain(`${endpoint}/_sandbox/`);
      const token = /Control token: (\S+)/.exec(output)?.[1] ?? '';
      expect(token.length).toBeGreaterThanOrEqual(32);

      const health = (await (
        await fetch(`${endpoint}/_sandbox/health`, { headers: { 'x-sandbox-token': token } })
      ).json()) as { scenario: string };
      expect(health.scenario).toBe('kublr-cluster');
      expect((await fetch(`${endpoint}/_sandbox/health`)).status).toBe(403);
      const id = await runAwsCli<{ Account: string }>(['sts', 'get-caller-identity'], {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        AWS_CONFIG_FILE: process.env.AWS_CONFIG_FILE,
        AWS_SHARED_CREDENTIALS_FILE: process.env.AWS_SHARED_CREDENTIALS_FILE,
        AWS_ACCESS_KEY_ID: accessKeyId,
        AWS_SECRET_ACCESS_KEY: secret,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_ENDPOINT_URL: endpoint,
        AWS_PAGER: '',
      });
      expect(id.Account).toBe('123456789012');
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
    expect(child.exitCode ?? child.signalCode).toBeDefined();
  });
});
