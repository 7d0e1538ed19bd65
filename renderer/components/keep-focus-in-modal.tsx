// Keeps the keyboard focus inside a Cloudscape Modal whose footer or body changes under it.
//
// Why: Cloudscape's Modal listens for Escape on its dialog element (onKeyDown), so Escape closes it
// only while the focus is inside. A button that replaces itself (Apply → Undo, Review → Back,
// Cancel login → Close) takes the focus with it when React removes it, the browser leaves the
// focus on <body>, and from then on Escape does nothing. Placed anywhere in the modal's content,
// this puts the focus back on the dialog's first button (its Close "X") after such a change.
import { useEffect, useRef } from 'react';

export function KeepFocusInModal({ visible }: { readonly visible: boolean }) {
  const marker = useRef<HTMLSpanElement>(null);
  // Whether the focus was last seen inside this dialog (so a closed or never-focused dialog never
  // takes the focus from the page).
  const focusWasInside = useRef(false);

  useEffect(() => {
    const dialog = marker.current?.closest<HTMLElement>('[role="dialog"]');
    if (!dialog) return;
    const onFocusIn = () => {
      focusWasInside.current = true;
    };
    dialog.addEventListener('focusin', onFocusIn);
    return () => dialog.removeEventListener('focusin', onFocusIn);
  }, []);

  // After every render: if the focused element vanished from this dialog, refocus inside it.
  useEffect(() => {
    const dialog = marker.current?.closest<HTMLElement>('[role="dialog"]');
    if (!visible || !dialog) {
      focusWasInside.current = false;
      return;
    }
    if (focusWasInside.current && document.activeElement === document.body) {
      dialog.querySelector<HTMLElement>('button:not([disabled])')?.focus();
    }
    focusWasInside.current = dialog.contains(document.activeElement);
  });

  return <span ref={marker} hidden />;
}
