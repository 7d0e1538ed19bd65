// The one module that binds main → renderer events to the stores and the page's location. Job
// snapshots are coalesced to one store update per animation frame. Returns the unbind function.
import type { Api } from '../../shared/ipc/api';
import type { JobSnapshot } from '../../shared/domain/jobs';
import type { S3EncryptProgress } from '../../shared/domain/s3-encrypt';
import { navigate } from '../routing/routes';
import { useAccountsStore } from '../stores/accounts-store';
import { useAmiCopyStore } from '../stores/ami-copy-store';
import { useInventoryStore } from '../stores/inventory-store';
import { useDiagnosticsStore } from '../stores/diagnostics-store';
import { useJobsStore } from '../stores/jobs-store';
import { useMigrationStore } from '../stores/migration-store';
import { useS3EncryptStore } from '../stores/s3-encrypt-store';
import { useUiStore } from '../stores/ui-store';
import { createFrameCoalescer, type ScheduleFrame } from './frame-coalescer';

export function bindEvents(api: Api, schedule?: ScheduleFrame): () => void {
  const replaceJobs = createFrameCoalescer<readonly JobSnapshot[]>(
    (jobs) => useJobsStore.getState().replaceAll(jobs),
    schedule,
  );
  // A run reports progress per object: the latest of each job (and of a listing) once a frame.
  const s3Progress = new Map<string, S3EncryptProgress>();
  const applyS3Progress = createFrameCoalescer<undefined>(() => {
    const latest = [...s3Progress.values()];
    s3Progress.clear();
    for (const progress of latest) useS3EncryptStore.getState().applyProgress(progress);
  }, schedule);
  const unbind = [
    api.jobs.onChanged(({ jobs }) => replaceJobs(jobs)),
    api.accounts.onChanged((selection) => useAccountsStore.getState().applySelection(selection)),
    api.accounts.onSsoLogin((event) => useAccountsStore.getState().applySsoLogin(event)),
    api.accounts.onMfaRequired((request) => useAccountsStore.getState().pushMfaRequest(request)),
    api.inventory.onChanged(() => void useInventoryStore.getState().refresh()),
    api.migration.onChanged((journal) => useMigrationStore.getState().applyJournal(journal)),
    api.diagnostics.onChanged(() => void useDiagnosticsStore.getState().refresh()),
    api.amiCopy.onProgress((progress) => useAmiCopyStore.getState().applyProgress(progress)),
    api.s3Encrypt.onProgress((progress) => {
      s3Progress.set(progress.jobId, progress);
      applyS3Progress(undefined);
    }),
    // Main's menu, tray and notifications ask for a page; a job id opens the jobs panel too.
    api.app.onNavigate(({ page, jobId }) => {
      navigate(page);
      if (jobId) useUiStore.getState().setJobsPanelOpen(true);
    }),
  ];
  return () => unbind.forEach((off) => off());
}
