import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { answerCustomResource, MAX_RESPONSE_BYTES } from '../../lambda/aws/custom-resource-response';
import { customResourceEvent } from '../support/cfn-response-receiver';

const event = (type: 'Create' | 'Update' | 'Delete') =>
  customResourceEvent(
    type,
    'https://cloudformation-custom-resource-response.example/answer?sig=x',
  ) as unknown as CloudFormationCustomResourceEvent;

function recordingSend() {
  const sent: { url: string; body: Record<string, unknown>; bytes: number }[] = [];
  return {
    sent,
    send: async (url: string, body: string) => {
      sent.push({ url, body: JSON.parse(body), bytes: Buffer.byteLength(body) });
    },
  };
}

describe('answering CloudFormation for a custom resource', () => {
  it('answers FAILED before the function times out when the work hangs, keeping the existing physical id', async () => {
    const { sent, send } = recordingSend();

    const response = await answerCustomResource(
      event('Update'),
      { getRemainingTimeInMillis: () => 5_050 },
      () => new Promise(() => {}),
      send,
    );

    expect(response).toMatchObject({
      Status: 'FAILED',
      Reason: "the function ran out of time before it finished (see the function's log group for details)",
      PhysicalResourceId: 'renewal-guard-registry-sync',
    });
    expect(sent.map((s) => s.body.Status)).toEqual(['FAILED']);
  });

  it('keeps the answer within CloudFormation’s 4,096 bytes, dropping Data first', async () => {
    const { sent, send } = recordingSend();
    const Data = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`Key${i}`, 'v'.repeat(20)]));

    await answerCustomResource(event('Create'), undefined, async () => ({ PhysicalResourceId: 'id', Data }), send);

    expect(sent[0]!.bytes).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    expect(sent[0]!.body).toEqual({
      Status: 'SUCCESS',
      StackId: expect.any(String),
      RequestId: 'request-create',
      LogicalResourceId: 'GuardRegistrySyncOnDeploy1A2B3C4D',
      PhysicalResourceId: 'id',
    });
  });

  it('cuts a long failure reason to fit', async () => {
    const { sent, send } = recordingSend();

    await answerCustomResource(
      event('Create'),
      undefined,
      async () => {
        throw new Error('x'.repeat(10_000));
      },
      send,
    );

    expect(sent[0]!.bytes).toBeLessThanOrEqual(MAX_RESPONSE_BYTES);
    expect(sent[0]!.body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'GuardRegistrySyncOnDeploy1A2B3C4D' });
  });

  it('gives up after three refused answers and throws, so Lambda records the failure', async () => {
    let tries = 0;
    const refuse = async () => {
      tries++;
      throw new Error("CloudFormation's response URL (example) answered HTTP 503");
    };

    await expect(
      answerCustomResource(event('Delete'), undefined, async () => ({ PhysicalResourceId: 'id' }), refuse),
    ).rejects.toThrow('answered HTTP 503');
    expect(tries).toBe(3);
  }, 10_000);
});
