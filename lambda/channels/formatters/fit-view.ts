import type { AlertView } from '../messages/alert-view';
import { truncateBytes, utf8Length } from '../text/truncate';

/**
 * Renders `view` so that `size(rendered) <= max`, shortening the details first: they are the only part
 * without a cap of its own (a vendor's error text), and the headline, facts, action, link (acknowledge or report)
 * and key are what a reader needs. Sizes are UTF-8 bytes unless `size` says otherwise.
 */
export function fitView<T>(
  view: AlertView,
  render: (v: AlertView) => T,
  size: (rendered: T) => number,
  max: number,
): T {
  let rendered = render(view);
  let current = view;
  while (size(rendered) > max && current.details) {
    const overshoot = size(rendered) - max;
    const keep = utf8Length(current.details) - overshoot;
    const { details: _dropped, ...rest } = current;
    current = keep > 8 ? { ...rest, details: truncateBytes(current.details, keep) } : rest;
    rendered = render(current);
  }
  return rendered;
}

export const jsonBytes = (payload: unknown): number => utf8Length(JSON.stringify(payload));
