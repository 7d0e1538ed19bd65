// What Envelope asks before quitting while jobs run. Quitting stops them; a migration keeps a
// journal and resumes from it on the next start, other jobs are marked interrupted and can be
// started again (core/jobs marks them so on load).
import type { MessageBoxOptions } from 'electron';
import type { JobSnapshot } from '../../shared/domain/jobs';
import { isTerminalJobState } from '../../shared/domain/jobs';

export const QUIT_BUTTON = 0;

export function quitPrompt(jobs: readonly JobSnapshot[]): MessageBoxOptions | undefined {
  const running = jobs.filter((job) => !isTerminalJobState(job.state));
  if (running.length === 0) return undefined;
  const count = running.length === 1 ? 'A job is' : `${running.length} jobs are`;
  return {
    type: 'question',
    message: `${count} still running. Quit Envelope?`,
    detail:
      `${running.map((job) => `• ${job.title}`).join('\n')}\n\n` +
      'Migrations resume from their journal the next time Envelope starts; other jobs are listed as interrupted ' +
      'and can be started again. Close the window instead to keep them running in the tray.',
    buttons: ['Quit', 'Keep Running'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}
