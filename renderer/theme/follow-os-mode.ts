// Light and dark modes follow the operating system, and change with it while the app runs.
import { applyMode, Mode } from '@cloudscape-design/global-styles';

export function followOsMode(win: Window = window): () => void {
  const query = win.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => applyMode(query.matches ? Mode.Dark : Mode.Light);
  apply();
  query.addEventListener('change', apply);
  return () => query.removeEventListener('change', apply);
}
