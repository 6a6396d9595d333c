import { AgoraVendor } from './agora';
import { AlibabaVendor } from './alibaba';
import { HttpJsonVendor } from './http-json';
import { HuaweiVendor } from './huawei';
import { ManualVendor } from './manual';
import { TencentVendor } from './tencent';
import { TwilioVendor } from './twilio';
import { VonageVendor } from './vonage';
import type { Vendor } from '../core/model';
import type { VendorAdapter } from '../core/vendor-port';

/** The adapters this build has: adding a vendor is one file and one line here. */
export function defaultVendorAdapters(): ReadonlyMap<Vendor, VendorAdapter> {
  const adapters: VendorAdapter[] = [
    new ManualVendor(),
    new AgoraVendor(),
    new TwilioVendor(),
    new VonageVendor(),
    new HttpJsonVendor(),
    new TencentVendor(),
    new AlibabaVendor(),
    new HuaweiVendor(),
  ];
  return new Map(adapters.map((a) => [a.vendor, a]));
}
