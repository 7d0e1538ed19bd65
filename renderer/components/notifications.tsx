// Errors from actions (select a profile, cancel a job) and confirmations (intended keys saved) in
// AppLayout's Flashbar, dismissible.
import Flashbar from '@cloudscape-design/components/flashbar';
import { useUiStore } from '../stores/ui-store';

export function Notifications() {
  const notices = useUiStore((state) => state.notices);
  const dismiss = useUiStore((state) => state.dismiss);
  return (
    <Flashbar
      items={notices.map((notice) => ({
        id: notice.id,
        type: notice.type,
        header: notice.message,
        content: notice.hint,
        dismissible: true,
        dismissLabel: 'Dismiss',
        onDismiss: () => dismiss(notice.id),
      }))}
    />
  );
}
