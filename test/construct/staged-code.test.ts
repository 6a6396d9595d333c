import * as fs from 'fs';
import * as path from 'path';
import { ServiceKind } from '../../src';
import { fixture, logicalId, stagedAssetDir, stagedConfig, synthGuard, SynthesizedGuard } from './support/guard-stack';
import { CONFIG_ASSET_FILE } from '../../src/shared/registry-schema';

const ASSETS = path.join(__dirname, '..', '..', 'assets', 'lambda', 'handlers');

function codeKey(synth: SynthesizedGuard, prefix: string): string {
  const fn = synth.template.toJSON().Resources[logicalId(synth.template, 'AWS::Lambda::Function', prefix)];
  return fn.Properties.Code.S3Key;
}

function configHash(synth: SynthesizedGuard): string {
  return Object.values(synth.template.findResources('Custom::RenewalGuardRegistrySync'))[0]!.Properties.ConfigHash;
}

describe('the staged code asset', () => {
  let synth: SynthesizedGuard;
  beforeAll(() => {
    synth = synthGuard({ configFile: fixture('guard.yaml') });
  });

  it('holds the four prebuilt handlers with their source maps and the config at its root', () => {
    const dir = stagedAssetDir(synth, logicalId(synth.template, 'AWS::Lambda::Function', 'GuardPoller'));

    expect(fs.readdirSync(dir).sort()).toEqual([
      'ack-and-calendar',
      'notify',
      'poll-and-evaluate',
      CONFIG_ASSET_FILE,
      'sync-registry',
    ]);
    for (const handler of ['poll-and-evaluate', 'sync-registry', 'notify', 'ack-and-calendar']) {
      expect(fs.readdirSync(path.join(dir, handler)).sort()).toEqual(['index.js', 'index.js.map']);
      expect(fs.readFileSync(path.join(dir, handler, 'index.js'))).toEqual(
        fs.readFileSync(path.join(ASSETS, handler, 'index.js')),
      );
    }
  });

  it('is one package shared by every function of the guard', () => {
    expect(codeKey(synth, 'GuardRegistrySync')).toBe(codeKey(synth, 'GuardPoller'));
    expect(codeKey(synth, 'GuardLinks')).toBe(codeKey(synth, 'GuardPoller'));
  });

  it('stages the normalized config with its keys sorted at every level', () => {
    const dir = stagedAssetDir(synth, logicalId(synth.template, 'AWS::Lambda::Function', 'GuardPoller'));
    const text = fs.readFileSync(path.join(dir, CONFIG_ASSET_FILE), 'utf8');
    const config = JSON.parse(text);

    expect(Object.keys(config)).toEqual([...Object.keys(config)].sort());
    expect(Object.keys(config.services[0])).toEqual([...Object.keys(config.services[0])].sort());
    expect(config).toMatchObject({ version: 1, timeZone: 'Asia/Shanghai', checkTime: '09:30' });
    expect(config.services.map((s: { id: string }) => s.id)).toEqual(['live-rtc', 'classroom-trtc']);
  });

  it('gets the same hashes for the same config on every synth', () => {
    const again = synthGuard({ configFile: fixture('guard.yaml') });

    expect(codeKey(again, 'GuardPoller')).toBe(codeKey(synth, 'GuardPoller'));
    expect(configHash(again)).toBe(configHash(synth));
  });

  it('changes the code and the config hash when the config changes, so the registry re-syncs', () => {
    const changed = synthGuard({
      configFile: fixture('guard.yaml'),
      services: [
        {
          serviceId: 'live-rtc',
          name: 'Live app RTC',
          project: 'live-app',
          account: 'agora-main',
          kind: ServiceKind.SUBSCRIPTION,
          expiresOn: '2027-10-09',
          owners: ['alice@example.com'],
        },
      ],
    });

    expect(stagedConfig(changed).services[0].expiresOn).toBe('2027-10-09');
    expect(codeKey(changed, 'GuardPoller')).not.toBe(codeKey(synth, 'GuardPoller'));
    expect(configHash(changed)).not.toBe(configHash(synth));
  });
});
