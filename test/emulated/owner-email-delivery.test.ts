/**
 * Owners hear about their own services, on the emulated deployment: the synthesized guard with
 * `ownerEmail` on moto, the schedule firing the shipped poller bundle, which sends through moto's SES v2
 * (`AWS_ENDPOINT_URL_SESV2`, as the template's function would reach SES). moto keeps what it accepted,
 * and refuses a sender whose identity is not verified, as SES does.
 */
import { CreateEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import type { EmulatedDeployment } from './support/emulated-deployment';
import { DAYS } from './support/guard-story';
import { FAKE_CREDENTIALS } from './support/local-aws';
import { deployGuardStory, stopStoryDeployment, type StoryDeployment } from './support/story-deployment';
import { EMULATED_REGION } from './support/synthesized-stack';

const FROM = 'renewal-guard@example.com';
const now = new Date(`${DAYS.deploy}T02:00:00Z`);
let story: StoryDeployment | undefined;
let deployment: EmulatedDeployment;

/** A message moto's SES accepted (its backend's record: the HTML part is the body when there is one). */
interface MotoSesMessage {
  readonly source: string;
  readonly destinations: { readonly ToAddresses: readonly string[] };
  readonly subject: string;
  readonly body: string;
}

async function sentByMoto(): Promise<MotoSesMessage[]> {
  const data = (await (await fetch(`${deployment.endpoints.moto}/moto-api/data.json`)).json()) as {
    ses?: { Message?: MotoSesMessage[] };
  };
  return data.ses?.Message ?? [];
}

beforeAll(async () => {
  story = await deployGuardStory(() => now, {
    config: (config) => ({ ...config, language: 'zh-CN', ownerEmail: { from: FROM } }),
  });
  ({ deployment } = story);
  // the sender's domain, verified in SES (moto verifies at once)
  const ses = new SESv2Client({
    region: EMULATED_REGION,
    endpoint: deployment.endpoints.moto,
    credentials: FAKE_CREDENTIALS,
  });
  await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'example.com' }));
}, 60_000);

afterAll(() => stopStoryDeployment(story));

describe('owner email on the emulated deployment', () => {
  it("grants the poller's role ses:SendEmail from the configured sender only", () => {
    const policies = Object.values(deployment.stack.template.Resources).filter((r) => r.Type === 'AWS::IAM::Policy');
    const statements = policies.flatMap(
      (p) =>
        (p.Properties as { PolicyDocument: { Statement: { Action: unknown; Condition?: unknown }[] } }).PolicyDocument
          .Statement,
    );
    expect(statements.filter((s) => JSON.stringify(s.Action).includes('ses:'))).toEqual([
      expect.objectContaining({ Action: 'ses:SendEmail', Condition: { StringEquals: { 'ses:FromAddress': FROM } } }),
    ]);
  });

  it("emails the service's owner its 30-day reminder through SES, in Chinese with an HTML part, once", async () => {
    // Act: the daily check 30 days before expiry, then again the same day
    const fired = await deployment.fireSchedule('GuardDailyCheck', DAYS.thirtyDaysBefore);
    const first = await sentByMoto();
    await deployment.fireSchedule('GuardDailyCheck', DAYS.thirtyDaysBefore);

    // Assess
    expect(fired?.invocation.outcome).toMatch(/^RESULT /);
    expect(first.map((m) => [m.source, m.destinations.ToAddresses])).toEqual([[FROM, ['alice@example.com']]]);
    expect(first[0]!.subject).toMatch(/^【提示】/);
    expect(first[0]!.body).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
    expect(await sentByMoto()).toHaveLength(1);
  }, 60_000);
});
