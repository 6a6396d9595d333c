/**
 * The quiet-hours window rule, shared by the poller (what to hold), the validator (a check time inside
 * the window) and the construct (when to run again): dependency-free, so src/ and lambda/ both import it.
 */

/**
 * Whether a wall-clock `HH:MM` reads inside the window: `from` inclusive, `to` exclusive, across midnight
 * when `from` is later than `to` (22:00–08:00).
 */
export function isInQuietWindow(time: string, window: { readonly from: string; readonly to: string }): boolean {
  const { from, to } = window;
  return from < to ? time >= from && time < to : time >= from || time < to;
}
