import { ackUrl } from '../../../lambda/core/ack';

const TOKEN = 'eyJ2IjoxfQ.fWRG4L5bUkR6Xp7HSh9NGft_mRjhFgdMOJCFxxfFGLM';

describe('acknowledge URLs', () => {
  it('puts the token under /ack of a function URL, with or without its trailing slash', () => {
    const expected = `https://abc123.lambda-url.ap-east-1.on.aws/ack?t=${TOKEN}`;

    expect(ackUrl('https://abc123.lambda-url.ap-east-1.on.aws/', TOKEN)).toBe(expected);
    expect(ackUrl('https://abc123.lambda-url.ap-east-1.on.aws', TOKEN)).toBe(expected);
  });

  it('keeps a base path, as behind a CloudFront distribution', () => {
    expect(ackUrl('https://ops.example.com/renewal-guard', TOKEN)).toBe(
      `https://ops.example.com/renewal-guard/ack?t=${TOKEN}`,
    );
  });

  it('refuses a base that is not an http(s) URL, or that carries a query', () => {
    expect(() => ackUrl('abc123.lambda-url.ap-east-1.on.aws', TOKEN)).toThrow(
      'the acknowledge base URL "abc123.lambda-url.ap-east-1.on.aws" is not a URL',
    );
    expect(() => ackUrl('javascript:alert(1)', TOKEN)).toThrow(
      'the acknowledge base URL must be http(s), not javascript:',
    );
    expect(() => ackUrl('https://ops.example.com/?x=1', TOKEN)).toThrow(
      'the acknowledge base URL must not carry a query or a fragment',
    );
  });
});
