// Answers from core can arrive out of order (a slow search after a quick one, a plan for a form that
// has changed since). Each request takes a ticket; its answer is applied only while the ticket is
// still the newest, and a change to what was asked (invalidate) drops every answer in flight.
export interface LatestOnly {
  // Returns a check to call when the answer arrives: true while no newer request or change came.
  take: () => () => boolean;
  invalidate: () => void;
}

export function latestOnly(): LatestOnly {
  let current = 0;
  return {
    take: () => {
      const ticket = ++current;
      return () => ticket === current;
    },
    invalidate: () => {
      current += 1;
    },
  };
}
