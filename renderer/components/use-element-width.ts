// The width of an element in CSS px, followed as it resizes (ResizeObserver), for drawings that
// must fill their card instead of a fixed size. Before the first measurement, and where there is no
// ResizeObserver (jsdom), it is `fallback`.
import { useEffect, useRef, useState, type RefObject } from 'react';

export function useElementWidth<T extends HTMLElement>(fallback: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = entry?.contentRect.width ?? 0;
      // A hidden card measures 0: keep the last width rather than drawing nothing.
      if (measured > 0) setWidth(Math.floor(measured));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
