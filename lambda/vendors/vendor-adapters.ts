import { ManualVendor } from './manual';
import type { Vendor } from '../core/model';
import type { VendorAdapter } from '../core/vendor-port';

/** The adapters this build has: adding a vendor is one file and one line here. */
export function defaultVendorAdapters(): ReadonlyMap<Vendor, VendorAdapter> {
  const adapters: VendorAdapter[] = [new ManualVendor()];
  return new Map(adapters.map((a) => [a.vendor, a]));
}
