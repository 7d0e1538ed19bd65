// The tray menu as a pure function of the jobs' state: main rebuilds it from each jobs:changed
// snapshot. Open the window, the running jobs with their progress (each with Cancel), the last
// five results, start at login, quit.
import type { MenuItemConstructorOptions } from 'electron';
import type { JobSnapshot } from '../../shared/domain/jobs';
import { isTerminalJobState } from '../../shared/domain/jobs';

export const RECENT_RESULTS = 5;

export interface TrayMenuOptions {
  readonly onOpen: () => void;
  readonly onShowJob: (jobId: string) => void;
  readonly onCancelJob: (jobId: string) => void;
  readonly onQuit: () => void;
  // Omitted where the OS has no login items Electron can set (Linux).
  readonly openAtLogin?: { readonly checked: boolean; readonly onToggle: (checked: boolean) => void };
}

export const percent = (value: number): string => `${Math.round(Math.min(1, Math.max(0, value)) * 100)}%`;

const isActive = (job: JobSnapshot): boolean => !isTerminalJobState(job.state);

const resultMark: Record<string, string> = { done: '✓', failed: '✗', cancelled: '–' };

const resultLabel = (job: JobSnapshot): string => {
  const suffix = job.state === 'done' ? '' : job.state === 'failed' ? ' (failed)' : ' (cancelled)';
  return `${resultMark[job.state] ?? ''} ${job.title}${suffix}`.trim();
};

function runningItem(job: JobSnapshot, options: TrayMenuOptions): MenuItemConstructorOptions {
  const progress = job.state === 'queued' ? 'queued' : percent(job.progress.value);
  return {
    id: `job-${job.id}`,
    label: `${job.title} — ${progress}`,
    submenu: [
      {
        label: job.progress.detail ? `${job.progress.title}: ${job.progress.detail}` : job.progress.title,
        enabled: false,
      },
      { label: 'Show in Jobs', click: () => options.onShowJob(job.id) },
      { label: 'Cancel Job', click: () => options.onCancelJob(job.id) },
    ],
  };
}

export function recentResults(jobs: readonly JobSnapshot[]): JobSnapshot[] {
  return jobs
    .filter((job) => isTerminalJobState(job.state))
    .sort((a, b) => (b.endedAt ?? b.createdAt) - (a.endedAt ?? a.createdAt))
    .slice(0, RECENT_RESULTS);
}

export function trayMenuTemplate(
  jobs: readonly JobSnapshot[],
  options: TrayMenuOptions,
): MenuItemConstructorOptions[] {
  const running = jobs.filter(isActive).sort((a, b) => a.createdAt - b.createdAt);
  const recent = recentResults(jobs);
  const template: MenuItemConstructorOptions[] = [
    { label: 'Open Envelope', click: options.onOpen },
    { type: 'separator' },
    { label: running.length === 0 ? 'No jobs running' : `Running (${running.length})`, enabled: false },
    ...running.map((job) => runningItem(job, options)),
  ];
  if (recent.length > 0) {
    template.push(
      { type: 'separator' },
      { label: 'Recent results', enabled: false },
      ...recent.map((job): MenuItemConstructorOptions => ({
        id: `result-${job.id}`,
        label: resultLabel(job),
        click: () => options.onShowJob(job.id),
      })),
    );
  }
  template.push({ type: 'separator' });
  if (options.openAtLogin) {
    const { checked, onToggle } = options.openAtLogin;
    template.push({
      label: 'Start at Login',
      type: 'checkbox',
      checked,
      click: (item) => onToggle(item.checked),
    });
  }
  template.push({ label: 'Quit Envelope', click: options.onQuit });
  return template;
}

// One line for the tray's tooltip: how many jobs run and their mean progress.
export function trayTooltip(jobs: readonly JobSnapshot[]): string {
  const running = jobs.filter(isActive);
  if (running.length === 0) return 'Envelope';
  const mean = running.reduce((sum, job) => sum + job.progress.value, 0) / running.length;
  return `Envelope — ${running.length} ${running.length === 1 ? 'job' : 'jobs'} running (${percent(mean)})`;
}
