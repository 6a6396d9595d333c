/** Credentials in SSM Parameter Store (the lean profile): SecureString parameters read with decryption. */
import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { credentialResolverFromEnv } from '../../lambda/aws/credential-store';
import { SecretsManagerResolver } from '../../lambda/aws/secrets-manager-resolver';
import { SsmParameterResolver } from '../../lambda/aws/ssm-parameter-resolver';
import { RenewalGuardError } from '../../lambda/core/errors';

const ssm = mockClient(SSMClient);
const CREDENTIALS = JSON.stringify({ appId: 'a1', customerKey: 'k1', customerSecret: 'do-not-log-me' });

beforeEach(() => ssm.reset());

async function failure(promise: Promise<unknown>): Promise<RenewalGuardError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RenewalGuardError);
  return error as RenewalGuardError;
}

describe('SsmParameterResolver', () => {
  it('reads the SecureString named like the secret, with a leading slash, decrypted', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Type: 'SecureString', Value: CREDENTIALS } });

    const fields = await new SsmParameterResolver({ client: ssm as unknown as SSMClient }).resolve(
      'renewal-guard/agora-main',
    );

    expect(fields).toEqual({ appId: 'a1', customerKey: 'k1', customerSecret: 'do-not-log-me' });
    expect(ssm.commandCalls(GetParameterCommand)[0]!.args[0].input).toEqual({
      Name: '/renewal-guard/agora-main',
      WithDecryption: true,
    });
  });

  it('keeps a name that already starts with a slash as it is', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Type: 'SecureString', Value: CREDENTIALS } });

    await new SsmParameterResolver({ client: ssm as unknown as SSMClient }).resolve('/team/agora');

    expect(ssm.commandCalls(GetParameterCommand)[0]!.args[0].input.Name).toBe('/team/agora');
  });

  it('reads each parameter once for the life of the container', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Type: 'SecureString', Value: CREDENTIALS } });
    const resolver = new SsmParameterResolver({ client: ssm as unknown as SSMClient });

    await resolver.resolve('renewal-guard/agora-main');
    await resolver.resolve('renewal-guard/agora-main');

    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(1);
  });

  it('refuses a plain String parameter, so a credential never sits unencrypted', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Type: 'String', Value: CREDENTIALS } });

    const error = await failure(
      new SsmParameterResolver({ client: ssm as unknown as SSMClient }).resolve('renewal-guard/agora-main'),
    );

    expect(error.message).toBe(
      'parameter "/renewal-guard/agora-main" is a String, not a SecureString: store credentials encrypted ' +
        '(aws ssm put-parameter --type SecureString)',
    );
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain('do-not-log-me');
  });

  it('names a missing parameter and does not retry it, then reads it once it exists', async () => {
    ssm
      .on(GetParameterCommand)
      .rejectsOnce(new ParameterNotFound({ message: 'not found', $metadata: {} }))
      .resolves({ Parameter: { Type: 'SecureString', Value: CREDENTIALS } });
    const resolver = new SsmParameterResolver({ client: ssm as unknown as SSMClient });

    const error = await failure(resolver.resolve('renewal-guard/agora-main'));

    expect(error.message).toBe('parameter "/renewal-guard/agora-main" could not be read (ParameterNotFound)');
    expect(error.retryable).toBe(false);
    await expect(resolver.resolve('renewal-guard/agora-main')).resolves.toMatchObject({ appId: 'a1' });
  });

  it('retries a throttled read', async () => {
    ssm.on(GetParameterCommand).rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));

    const error = await failure(
      new SsmParameterResolver({ client: ssm as unknown as SSMClient }).resolve('renewal-guard/agora-main'),
    );

    expect(error.retryable).toBe(true);
  });

  it('names the parameter, never its value, when it holds no JSON object of string fields', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Type: 'SecureString', Value: '{"appId": 7}' } });

    const error = await failure(
      new SsmParameterResolver({ client: ssm as unknown as SSMClient }).resolve('renewal-guard/agora-main'),
    );

    expect(error.message).toBe('parameter "/renewal-guard/agora-main": field "appId" must be a string');
  });
});

describe('credentialResolverFromEnv', () => {
  it('reads Secrets Manager when the construct names no store (functions deployed before the choice)', () => {
    expect(credentialResolverFromEnv({})).toBeInstanceOf(SecretsManagerResolver);
    expect(credentialResolverFromEnv({ RENEWAL_GUARD_SECRET_STORE: 'secrets-manager' })).toBeInstanceOf(
      SecretsManagerResolver,
    );
  });

  it('reads Parameter Store when the construct chose it', () => {
    expect(credentialResolverFromEnv({ RENEWAL_GUARD_SECRET_STORE: 'ssm-parameter-store' })).toBeInstanceOf(
      SsmParameterResolver,
    );
  });

  it('refuses a store it does not know, naming the variable and what it expects', () => {
    expect(() => credentialResolverFromEnv({ RENEWAL_GUARD_SECRET_STORE: 'vault' })).toThrow(
      'environment variable RENEWAL_GUARD_SECRET_STORE is "vault"; expected "secrets-manager" or "ssm-parameter-store"',
    );
  });
});
