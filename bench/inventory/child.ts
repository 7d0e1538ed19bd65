// Starting and stopping benchmark child processes (the sandbox, the memory probe) by their pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface SandboxProcess {
  readonly endpoint: string;
  readonly credentials: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly region: string;
  };
  // CPU the sandbox process has used so far (Linux /proc), undefined where that cannot be read.
  cpuMs(): number | undefined;
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
    cpuMs: () => processCpuMs(child.pid),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// utime + stime of a child from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms).
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}
