/**
 * The link parameter's creation on its own, against a scripted SSM client (the races and the refusals), and
 * how a function finds its link secret from the environment.
 */
import type { SSMClient } from '@aws-sdk/client-ssm';
import { linkSecretSourceFromEnv } from '../../lambda/aws/credential-store';
import { ensureLinkParameter, randomToken } from '../../lambda/aws/link-parameter';
import { SecretsManagerResolver } from '../../lambda/aws/secrets-manager-resolver';
import { SsmParameterResolver } from '../../lambda/aws/ssm-parameter-resolver';
import { linkSignersFromEnv } from '../../lambda/handlers/link-signers';

const NAME = '/renewal-guard/guard-under-test/links';

/** An SSM client that answers each command by name from a script, and records what it was sent. */
function scriptedSsm(answers: Record<string, () => unknown>) {
  const sent: Array<{ command: string; input: Record<string, unknown> }> = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const name = command.constructor.name;
      sent.push({ command: name, input: command.input });
      const answer = answers[name];
      if (!answer) throw new Error(`unexpected ${name}`);
      return answer();
    },
  } as unknown as SSMClient;
  return { client, sent };
}

function awsError(name: string): Error {
  return Object.assign(new Error(`${name} from SSM`), { name });
}

describe('ensureLinkParameter', () => {
  it('creates a standard SecureString with Overwrite false when none exists, and never passes a key of its own', async () => {
    const { client, sent } = scriptedSsm({
      GetParameterCommand: () => {
        throw awsError('ParameterNotFound');
      },
      PutParameterCommand: () => ({ Version: 1 }),
    });

    await expect(ensureLinkParameter(client, NAME)).resolves.toBe('created');

    expect(sent.map((s) => s.command)).toEqual(['GetParameterCommand', 'PutParameterCommand']);
    expect(sent[0]!.input).toEqual({ Name: NAME, WithDecryption: false });
    expect(sent[1]!.input).toMatchObject({ Name: NAME, Type: 'SecureString', Tier: 'Standard', Overwrite: false });
    expect(sent[1]!.input).not.toHaveProperty('KeyId');
  });

  it('counts a parameter another deploy wrote between its read and its write as done (ParameterAlreadyExists)', async () => {
    const { client } = scriptedSsm({
      GetParameterCommand: () => {
        throw awsError('ParameterNotFound');
      },
      PutParameterCommand: () => {
        throw awsError('ParameterAlreadyExists');
      },
    });

    await expect(ensureLinkParameter(client, NAME)).resolves.toBe('kept');
  });

  it('writes nothing when a SecureString already holds the name', async () => {
    const { client, sent } = scriptedSsm({ GetParameterCommand: () => ({ Parameter: { Type: 'SecureString' } }) });

    await expect(ensureLinkParameter(client, NAME)).resolves.toBe('kept');
    expect(sent.map((s) => s.command)).toEqual(['GetParameterCommand']);
  });

  it('fails naming the parameter and the AWS error, without a value, when it may not read or write it', async () => {
    const denied = scriptedSsm({
      GetParameterCommand: () => {
        throw awsError('AccessDeniedException');
      },
    });
    const refused = scriptedSsm({
      GetParameterCommand: () => {
        throw awsError('ParameterNotFound');
      },
      PutParameterCommand: () => {
        throw awsError('AccessDeniedException');
      },
    });

    await expect(ensureLinkParameter(denied.client, NAME)).rejects.toThrow(
      `parameter "${NAME}" could not be read (AccessDeniedException)`,
    );
    await expect(ensureLinkParameter(refused.client, NAME)).rejects.toThrow(
      new RegExp(`^parameter "${NAME}" could not be created \\(AccessDeniedException\\)$`),
    );
  });
});

describe('randomToken', () => {
  it('draws each character from letters and digits only, at the length asked', () => {
    let i = 0;
    const everyIndex = (max: number) => i++ % max;

    expect(randomToken(62, everyIndex)).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
    expect(randomToken(48)).toMatch(/^[A-Za-z0-9]{48}$/);
    expect(randomToken(64)).not.toBe(randomToken(64));
  });
});

describe('linkSecretSourceFromEnv', () => {
  it('reads the link parameter from SSM when named, else the link secret from Secrets Manager, else nothing', () => {
    const both = linkSecretSourceFromEnv({
      RENEWAL_GUARD_LINK_PARAMETER_NAME: NAME,
      RENEWAL_GUARD_LINK_SECRET_NAME: 'team/links',
    });
    const secret = linkSecretSourceFromEnv({ RENEWAL_GUARD_LINK_SECRET_NAME: 'team/links' });

    expect(both?.name).toBe(NAME);
    expect(both?.secrets).toBeInstanceOf(SsmParameterResolver);
    expect(secret?.name).toBe('team/links');
    expect(secret?.secrets).toBeInstanceOf(SecretsManagerResolver);
    expect(linkSecretSourceFromEnv({})).toBeUndefined();
  });

  it('makes the signers fail naming both variables when links are on and neither names the secret', async () => {
    await expect(linkSignersFromEnv({ RENEWAL_GUARD_ACK_BASE_URL: 'https://links.example/' })).rejects.toThrow(
      'environment variable RENEWAL_GUARD_ACK_BASE_URL is set but neither RENEWAL_GUARD_LINK_PARAMETER_NAME nor ' +
        'RENEWAL_GUARD_LINK_SECRET_NAME',
    );
    await expect(linkSignersFromEnv({})).resolves.toBeUndefined();
  });
});
