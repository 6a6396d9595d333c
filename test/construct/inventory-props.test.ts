/**
 * The issue-16 service fields as typed props: claims, noticeDays, version/endOfSupport, the payment-method
 * kind with paysFor, renewUrl and runbook, staged under the config's names and checked by the shared loader.
 */
import { ServiceKind, type ServiceDeclaration } from '../../src';
import { stagedConfig, synthGuard } from './support/guard-stack';

const owners = ['alice@example.com'];
const services: ServiceDeclaration[] = [
  {
    serviceId: 'cdn',
    name: 'CDN contract',
    project: 'web',
    kind: ServiceKind.CONTRACT,
    expiresOn: '2027-03-26',
    noticeDays: 30,
    owners,
    renewUrl: 'https://console.example.com/cdn/renew',
    runbook: 'https://wiki.example.com/runbooks/cdn',
  },
  {
    serviceId: 'sdk',
    name: 'RTC SDK',
    project: 'web',
    kind: ServiceKind.SDK_SUPPORT,
    version: '3.7.2',
    endOfSupport: '2027-06-30',
    owners,
  },
  {
    serviceId: 'live',
    name: 'Live',
    project: 'web',
    kind: ServiceKind.SUBSCRIPTION,
    expiresOn: '2027-03-15',
    autoRenew: true,
    owners,
  },
  {
    serviceId: 'card',
    name: 'Corporate card',
    project: 'finance',
    kind: ServiceKind.PAYMENT_METHOD,
    expiresOn: '2027-01-31',
    paysFor: ['live'],
    owners,
  },
];

describe('issue-16 service fields as typed props', () => {
  it('are staged under the document names and validated like the document', () => {
    const staged = stagedConfig(synthGuard({ services }));

    expect(staged.services).toEqual([
      expect.objectContaining({
        id: 'cdn',
        kind: 'contract',
        noticeDays: 30,
        renewUrl: 'https://console.example.com/cdn/renew',
        runbook: 'https://wiki.example.com/runbooks/cdn',
      }),
      expect.objectContaining({
        id: 'sdk',
        kind: 'sdk-support',
        version: '3.7.2',
        endOfSupport: '2027-06-30',
        expiresOn: '2027-06-30',
      }),
      expect.objectContaining({ id: 'live', autoRenew: true }),
      expect.objectContaining({ id: 'card', kind: 'payment-method', paysFor: ['live'] }),
    ]);
  });

  it('refuse a renewUrl with credentials at synth, naming the prop path', () => {
    expect(() =>
      synthGuard({
        services: [{ ...services[0]!, renewUrl: 'https://u:p@console.example.com/' }],
      }),
    ).toThrow(/ {2}props\.services\[0\] \(serviceId "cdn"\)\.renewUrl: holds a user name or password/);
  });
});
