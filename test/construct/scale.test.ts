import { ServiceDeclaration, ServiceKind } from '../../src';
import { stagedConfig, synthGuard, SynthesizedGuard } from './support/guard-stack';

function services(count: number): ServiceDeclaration[] {
  return Array.from({ length: count }, (_, i) => ({
    serviceId: `svc-${String(i).padStart(5, '0')}`,
    name: `Service ${i}`,
    project: `project-${i % 17}`,
    kind: ServiceKind.SUBSCRIPTION,
    expiresOn: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
    owners: [`owner-${i % 40}@example.com`],
  }));
}

function resourceTypes(synth: SynthesizedGuard): string[] {
  return Object.values(synth.template.toJSON().Resources as Record<string, { Type: string }>)
    .map((r) => r.Type)
    .sort();
}

describe('template size', () => {
  let small: SynthesizedGuard;
  let large: SynthesizedGuard;
  beforeAll(() => {
    small = synthGuard({ services: services(10) });
    large = synthGuard({ services: services(2000) });
  });

  it('is the same set of resources for 10 and for 2,000 services', () => {
    expect(resourceTypes(large)).toEqual(resourceTypes(small));
  });

  it('stays far below the 1 MB CloudFormation template limit with 2,000 services', () => {
    expect(JSON.stringify(large.template.toJSON()).length).toBeLessThan(100_000);
  });

  it('keeps the services out of the template and in the staged config', () => {
    const template = JSON.stringify(large.template.toJSON());
    expect(template).not.toContain('svc-01999');
    expect(template).not.toContain('Service 1999');
    expect(stagedConfig(large).services).toHaveLength(2000);
  });
});
