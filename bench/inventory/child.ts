// Starting and stopping benchmark child processes (the sandbox, the memory probe) by their pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface SandboxProcess {
  readonly endpoint: string;
  readonly credentials: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly region: string;
  };
  stop(): Promise<void>;
}

export const benchFile = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

export function spawnTs(
  file: string,
  args: readonly string[],
  nodeFlags: readonly string[] = [],
): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, '--import', 'tsx', file, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
}

export function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`child exited with ${code} before answering`)));
  });
}

export async function startSandboxProcess(options: Record<string, unknown>): Promise<SandboxProcess> {
  const child = spawnTs(benchFile('./sandbox-process.ts'), [JSON.stringify(options)]);
  const info = JSON.parse(await firstLine(child)) as Omit<SandboxProcess, 'stop'>;
  return {
    ...info,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
