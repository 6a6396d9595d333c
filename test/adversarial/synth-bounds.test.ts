import { App, Stack } from 'aws-cdk-lib';
import { RenewalGuard, ServiceKind, type RenewalGuardProps } from '../../src';

/** The construct's error for props it must refuse at synth, before the deploy-time sync could meet them. */
function synthError(props: RenewalGuardProps): string {
  const stack = new Stack(new App(), 'GuardStack');
  try {
    new RenewalGuard(stack, 'Guard', props);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the guard to reject its config');
}

const service = {
  serviceId: 'live-rtc',
  name: 'Live app RTC',
  project: 'live-app',
  kind: ServiceKind.SUBSCRIPTION,
  expiresOn: '2026-10-09',
  owners: ['alice@example.com'],
};

describe('the adversarial suite: what the registry cannot hold fails the synth, not the deploy-time sync', () => {
  it.each([
    [
      'a 1 MB name',
      { name: 'x'.repeat(1_048_576) },
      /props\.services\[0\] \(serviceId "live-rtc"\)\.name: 1048576 characters; at most 200 \(.*DynamoDB.*SNS/,
    ],
    [
      '2,000 long owners',
      { owners: Array.from({ length: 2000 }, (_, i) => `owner-${i}-${'o'.repeat(200)}@example.com`) },
      /props\.services\[0\] \(serviceId "live-rtc"\)\.owners: 2000 owners; at most 20/,
    ],
    [
      'an expiry on 9999-12-31',
      { expiresOn: '9999-12-31' },
      /props\.services\[0\] \(serviceId "live-rtc"\)\.expiresOn: "9999-12-31" is outside the supported years/,
    ],
    [
      'a newline in a name',
      { name: 'Live\nRTC' },
      /props\.services\[0\] \(serviceId "live-rtc"\)\.name: contains the control character U\+000A/,
    ],
  ])('%s', (_, overrides, message) => {
    expect(synthError({ services: [{ ...service, ...overrides }] })).toMatch(message);
  });
});
