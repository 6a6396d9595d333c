/** Every vendor the sandbox speaks: adding one is a module file and one line in this list. */
import { agoraSandbox } from './agora';
import { alibabaSandbox } from './alibaba';
import { httpJsonSandbox } from './http-json';
import { huaweiSandbox } from './huawei';
import { tencentSandbox } from './tencent';
import { twilioSandbox } from './twilio';
import { vonageSandbox } from './vonage';
import type { Vendor } from '../../core/model';
import type { SandboxRegistration } from '../sandbox-registration';

export const SANDBOX_VENDORS = {
  agora: agoraSandbox,
  twilio: twilioSandbox,
  vonage: vonageSandbox,
  'http-json': httpJsonSandbox,
  tencent: tencentSandbox,
  alibaba: alibabaSandbox,
  huawei: huaweiSandbox,
} satisfies Partial<Record<Vendor, SandboxRegistration<unknown>>>;
