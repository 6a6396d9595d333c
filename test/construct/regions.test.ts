import { Aspects } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ACK_ROUTE, CALENDAR_ROUTE, REPORT_ROUTE } from '../../lambda/handlers/ack-and-calendar/app';
import { AlertChannel, LinksEndpoint } from '../../src';
import { nagFindings } from './support/nag-findings';
import { ONE_SERVICE, RegionStack, synthStackIn, teamStackIn } from './support/region-stacks';
import { HTTP_API_THROTTLE, LINK_ROUTES } from '../../src/private/guard-links';
import { REGIONS_WITHOUT_FUNCTION_URLS } from '../../src/private/region-support';

function only(template: Template, type: string): { id: string; properties: Record<string, any> } {
  const found = Object.entries(template.findResources(type));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return { id: found[0]![0], properties: found[0]![1].Properties };
}

function linksFunctionId(template: Template): string {
  const ids = Object.keys(
    template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'ack-and-calendar/index.handler' } }),
  );
  if (ids.length !== 1) throw new Error(`expected one links function, found ${ids.length}`);
  return ids[0]!;
}

function envOf(template: Template, handler: string): Record<string, unknown> {
  const fn = Object.values(
    template.findResources('AWS::Lambda::Function', { Properties: { Handler: `${handler}/index.handler` } }),
  )[0];
  return fn?.Properties.Environment.Variables;
}

/** The base URL an HTTP API's $default stage serves, as the template writes it. */
function httpApiUrl(apiId: string, region: string | { Ref: string }): unknown {
  const host = typeof region === 'string' ? [`.execute-api.${region}.`] : ['.execute-api.', region, '.'];
  return { 'Fn::Join': ['', ['https://', { Ref: apiId }, ...host, { Ref: 'AWS::URLSuffix' }, '/']] };
}

/** Findings cdk-nag left unsuppressed, as `<path>: <rule>`. */
function unsuppressed(synth: RegionStack): string[] {
  return nagFindings(synth.stack, { validationFailures: true });
}

describe('a stack in us-east-1, where function URLs exist', () => {
  let synth: RegionStack;
  beforeAll(() => {
    synth = teamStackIn('us-east-1');
  });

  it('serves the links through a function URL, its concurrency capped, and no HTTP API', () => {
    const links = linksFunctionId(synth.template);
    const url = only(synth.template, 'AWS::Lambda::Url');

    expect(url.properties).toEqual({ AuthType: 'NONE', TargetFunctionArn: { 'Fn::GetAtt': [links, 'Arn'] } });
    synth.template.resourceCountIs('AWS::ApiGatewayV2::Api', 0);
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'ack-and-calendar/index.handler',
      ReservedConcurrentExecutions: 5,
    });
    expect(envOf(synth.template, 'poll-and-evaluate')).toMatchObject({
      RENEWAL_GUARD_ACK_BASE_URL: { 'Fn::GetAtt': [url.id, 'FunctionUrl'] },
    });
    synth.template.hasOutput('LinksUrl', { Value: { 'Fn::GetAtt': [url.id, 'FunctionUrl'] } });
  });

  it('takes an HTTP API there too when linksEndpoint asks for one', () => {
    const http = synthStackIn('us-east-1', {
      services: ONE_SERVICE,
      linksEnabled: true,
      linksEndpoint: LinksEndpoint.HTTP_API,
    });

    http.template.resourceCountIs('AWS::Lambda::Url', 0);
    http.template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
  });
});

describe.each(['ap-southeast-5', 'cn-north-1'])('a stack in %s, where function URLs do not exist', (region) => {
  let synth: RegionStack;
  let api: string;
  let links: string;
  beforeAll(() => {
    synth = teamStackIn(region);
    api = only(synth.template, 'AWS::ApiGatewayV2::Api').id;
    links = linksFunctionId(synth.template);
  });

  it('serves the links through an HTTP API instead of a function URL', () => {
    synth.template.resourceCountIs('AWS::Lambda::Url', 0);
    expect(only(synth.template, 'AWS::ApiGatewayV2::Api').properties).toEqual({
      Description: 'RenewalGuard: acknowledge links and the calendar feed',
      Name: 'LinksApi',
      ProtocolType: 'HTTP',
    });
  });

  it('routes exactly the handler routes to the function, by Lambda proxy with payload format 2.0', () => {
    const integration = only(synth.template, 'AWS::ApiGatewayV2::Integration');
    const routes = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);

    expect(integration.properties).toEqual({
      ApiId: { Ref: api },
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [links, 'Arn'] },
      PayloadFormatVersion: '2.0',
    });
    expect(routes.map((r) => r.RouteKey).sort()).toEqual([...LINK_ROUTES].sort());
    for (const route of routes) {
      expect(route).toMatchObject({ ApiId: { Ref: api }, AuthorizationType: 'NONE' });
      expect(route.Target).toEqual({ 'Fn::Join': ['', ['integrations/', { Ref: integration.id }]] });
    }
  });

  it('throttles the $default stage and logs each request without its query string, where the tokens travel', () => {
    const stage = only(synth.template, 'AWS::ApiGatewayV2::Stage').properties;

    expect(stage).toMatchObject({
      ApiId: { Ref: api },
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: HTTP_API_THROTTLE.rateLimit,
        ThrottlingBurstLimit: HTTP_API_THROTTLE.burstLimit,
      },
    });
    expect(Object.keys(JSON.parse(stage.AccessLogSettings.Format))).toEqual([
      'requestId',
      'requestTime',
      'sourceIp',
      'routeKey',
      'status',
      'responseLength',
      'integrationError',
    ]);
    expect(stage.AccessLogSettings.Format).not.toMatch(/QueryString|rawPath|\$context\.path/);
  });

  it('keeps the access logs a year, under the guard key like every log group of the guard', () => {
    const stage = only(synth.template, 'AWS::ApiGatewayV2::Stage').properties;
    const [group] = stage.AccessLogSettings.DestinationArn['Fn::GetAtt'];
    const key = only(synth.template, 'AWS::KMS::Key').id;

    expect(synth.template.toJSON().Resources[group].Properties).toEqual({
      RetentionInDays: 365,
      KmsKeyId: { 'Fn::GetAtt': [key, 'Arn'] },
    });
  });

  it('reserves no concurrency for the function: the stage throttles before Lambda is invoked', () => {
    const fn = synth.template.toJSON().Resources[links].Properties;

    expect(fn.ReservedConcurrentExecutions).toBeUndefined();
    expect(fn.Description).toBe('RenewalGuard: acknowledge links and the calendar feed, behind an HTTP API');
  });

  it('lets only this API invoke the function, on its routes', () => {
    const permissions = Object.values(synth.template.findResources('AWS::Lambda::Permission'))
      .map((p) => p.Properties)
      .filter((p) => JSON.stringify(p.FunctionName).includes(links));

    expect(permissions.length).toBe(LINK_ROUTES.length);
    for (const permission of permissions) {
      expect(permission).toMatchObject({
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [links, 'Arn'] },
        Principal: 'apigateway.amazonaws.com',
      });
      expect(JSON.stringify(permission.SourceArn)).toContain(`{"Ref":"${api}"}`);
    }
  });

  it('gives the signers and the stack output the API base URL, with the partition domain of the region', () => {
    const url = httpApiUrl(api, region);

    expect(envOf(synth.template, 'poll-and-evaluate')).toMatchObject({ RENEWAL_GUARD_ACK_BASE_URL: url });
    expect(envOf(synth.template, 'notify')).toMatchObject({ RENEWAL_GUARD_ACK_BASE_URL: url });
    synth.template.hasOutput('LinksUrl', { Value: url });
    expect(synth.stack.resolve(synth.stack.guard.linksUrl)).toEqual(url);
  });

  it('refuses LinksEndpoint.FUNCTION_URL, naming the prop and the way out', () => {
    expect(() =>
      synthStackIn(region, { services: ONE_SERVICE, linksEnabled: true, linksEndpoint: LinksEndpoint.FUNCTION_URL }),
    ).toThrow(
      'invalid RenewalGuard config:\n' +
        `  linksEndpoint: LinksEndpoint.FUNCTION_URL, but Lambda function URLs do not exist in ${region}; ` +
        'use LinksEndpoint.HTTP_API (or AUTO, which picks it there), or linksEnabled: false',
    );
  });

  it('passes cdk-nag AwsSolutions with the API in place', () => {
    const checked = synthStackIn(region, { services: ONE_SERVICE, linksEnabled: true }, (app) =>
      Aspects.of(app).add(new AwsSolutionsChecks()),
    );

    expect(checked.template.findResources('AWS::ApiGatewayV2::Api')).not.toEqual({});
    expect(unsuppressed(checked)).toEqual([]);
  });
});

describe('a stack in cn-north-1 (partition aws-cn)', () => {
  it('writes every ARN with the partition token, never arn:aws:', () => {
    const template = JSON.stringify(teamStackIn('cn-north-1').template.toJSON());

    expect(template).toContain('{"Ref":"AWS::Partition"}');
    expect(template.match(/arn:aws[a-z-]*:/g)).toBeNull();
  });

  it('refuses SMS channels, which Amazon SNS does not send there, naming each and the way out', () => {
    expect(() =>
      synthStackIn('cn-north-1', {
        channels: [
          AlertChannel.sms({ channelId: 'pager', to: ['+8613800000000'] }),
          AlertChannel.email({ channelId: 'ops', to: ['ops@example.com'] }),
          AlertChannel.sms({ channelId: 'night', to: ['+8613900000000'] }),
        ],
      }),
    ).toThrow(
      'invalid RenewalGuard config:\n' +
        '  channels (id "pager", type sms): Amazon SNS does not send SMS in the China regions (cn-north-1); ' +
        'remove the channel, or reach these people by email or a chat channel (dingTalk, feishu, weCom)\n' +
        '  channels (id "night", type sms): Amazon SNS does not send SMS in the China regions (cn-north-1); ' +
        'remove the channel, or reach these people by email or a chat channel (dingTalk, feishu, weCom)',
    );
  });

  it('keeps SMS channels outside China', () => {
    const synth = synthStackIn('us-east-1', {
      channels: [AlertChannel.sms({ channelId: 'pager', to: ['+12025550123'] })],
    });

    synth.template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'sms', Endpoint: '+12025550123' });
  });
});

describe('a stack without a region at synth', () => {
  it('keeps a function URL under AUTO and warns, naming the prop that deploys where there are none', () => {
    const synth = synthStackIn(undefined, { services: ONE_SERVICE, linksEnabled: true });

    synth.template.resourceCountIs('AWS::Lambda::Url', 1);
    const warnings = Annotations.fromStack(synth.stack)
      .findWarning('*', Match.stringLikeRegexp('linksEndpoint'))
      .map((w) => String(w.entry.data));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^linksEndpoint: the stack has no region at synth, so LinksEndpoint\.AUTO serves the links with a Lambda function URL, which does not exist in the China regions and ap-south-2, .*me-central-1; set env\.region on the stack, or linksEndpoint: LinksEndpoint\.HTTP_API to deploy there/,
      ),
    ]);
  });

  it('serves an HTTP API for LinksEndpoint.HTTP_API, addressed in whatever region it deploys to, without a warning', () => {
    const synth = synthStackIn(undefined, {
      services: ONE_SERVICE,
      linksEnabled: true,
      linksEndpoint: LinksEndpoint.HTTP_API,
    });
    const api = only(synth.template, 'AWS::ApiGatewayV2::Api').id;

    synth.template.resourceCountIs('AWS::Lambda::Url', 0);
    synth.template.hasOutput('LinksUrl', { Value: httpApiUrl(api, { Ref: 'AWS::Region' }) });
    expect(Annotations.fromStack(synth.stack).findWarning('*', Match.stringLikeRegexp('linksEndpoint'))).toEqual([]);
  });
});

describe('the region facts the construct holds', () => {
  it('routes on the HTTP API exactly what the links handler answers', () => {
    expect([...LINK_ROUTES].sort()).toEqual(
      [`GET ${ACK_ROUTE}`, `POST ${ACK_ROUTE}`, `GET ${CALENDAR_ROUTE}`, `GET ${REPORT_ROUTE}`].sort(),
    );
  });

  it('lists the regions without function URLs that the Lambda guide and the China guide name', () => {
    expect([...REGIONS_WITHOUT_FUNCTION_URLS].sort()).toEqual([
      'ap-east-2',
      'ap-south-2',
      'ap-southeast-4',
      'ap-southeast-5',
      'ap-southeast-6',
      'ap-southeast-7',
      'ca-west-1',
      'cn-north-1',
      'cn-northwest-1',
      'eu-central-2',
      'eu-south-2',
      'il-central-1',
      'me-central-1',
    ]);
  });
});
