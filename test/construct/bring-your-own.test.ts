import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { synthGuard, SynthesizedGuard } from './support/guard-stack';
import { AlertChannel, RenewalGuard } from '../../src';

const TABLE_ARN = 'arn:aws:dynamodb:ap-southeast-1:111111111111:table/team-registry';
const TOPIC_ARN = 'arn:aws:sns:ap-southeast-1:111111111111:team-alerts';
const BUS_ARN = 'arn:aws:events:ap-southeast-1:111111111111:event-bus/team-bus';
const KEY_ARN = 'arn:aws:kms:ap-southeast-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('bring your own resources', () => {
  let synth: SynthesizedGuard;
  beforeAll(() => {
    synth = synthGuard((stack) => ({
      registryTable: dynamodb.Table.fromTableArn(stack, 'Table', TABLE_ARN),
      alertTopic: sns.Topic.fromTopicArn(stack, 'Topic', TOPIC_ARN),
      eventBus: events.EventBus.fromEventBusArn(stack, 'Bus', BUS_ARN),
      encryptionKey: kms.Key.fromKeyArn(stack, 'Key', KEY_ARN),
    }));
  });

  it('creates no table, topic, bus or key of its own', () => {
    synth.template.resourceCountIs('AWS::DynamoDB::Table', 0);
    synth.template.resourceCountIs('AWS::SNS::Topic', 0);
    synth.template.resourceCountIs('AWS::Events::EventBus', 0);
    synth.template.resourceCountIs('AWS::KMS::Key', 0);
  });

  it('points the poller at the given table, topic and bus', () => {
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'poll-and-evaluate/index.handler',
      Environment: {
        Variables: {
          RENEWAL_GUARD_REGISTRY_TABLE: 'team-registry',
          RENEWAL_GUARD_ALERT_TOPIC_ARN: TOPIC_ARN,
          RENEWAL_GUARD_EVENT_BUS_NAME: 'team-bus',
          POWERTOOLS_SERVICE_NAME: 'renewal-guard',
          NODE_OPTIONS: '--enable-source-maps',
        },
      },
    });
  });

  it('grants on the given resources and encrypts its dead-letter queue with the given key', () => {
    const statements = Object.values(synth.template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Array<{ Action: unknown; Resource: unknown }>,
    );
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'sns:Publish', Resource: TOPIC_ARN }));
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'events:PutEvents', Resource: BUS_ARN }));
    // the poller's statement names the outbox index itself: an imported table grants nothing on indexes
    // it was not imported with, and the outbox query must work either way
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query']),
        Resource: [TABLE_ARN, `${TABLE_ARN}/index/outbox`],
      }),
    );
    synth.template.hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: KEY_ARN });
  });

  it('exposes the given resources as its own', () => {
    expect(synth.guard.registry.tableArn).toBe(TABLE_ARN);
    expect(synth.guard.alertTopic.topicArn).toBe(TOPIC_ARN);
    expect(synth.guard.eventBus.eventBusArn).toBe(BUS_ARN);
    expect(synth.guard.encryptionKey?.keyArn).toBe(KEY_ARN);
  });
});

describe('a FIFO topic brought for alerts', () => {
  it('fails synthesis: it takes no email, SMS or notifier subscription, nor the poller’s messages', () => {
    // Act
    const synthesize = () =>
      synthGuard((stack) => ({
        alertTopic: sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:ap-southeast-1:111111111111:team-alerts.fifo'),
      }));

    // Assess
    expect(synthesize).toThrow(
      'RenewalGuard: alertTopic is a FIFO topic, which delivers to SQS queues only and refuses messages without ' +
        'a message group, as the poller publishes them; bring a standard topic',
    );
  });
});

describe('resources brought from another account or region', () => {
  it('fail synthesis, each named, when the functions could not reach them from the guard’s account and region', () => {
    // Act
    const synthesize = () =>
      synthGuard((stack) => ({
        registryTable: dynamodb.Table.fromTableArn(
          stack,
          'Table',
          'arn:aws:dynamodb:ap-southeast-1:222222222222:table/central-registry',
        ),
        alertTopic: sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:us-east-1:111111111111:central-alerts'),
        eventBus: events.EventBus.fromEventBusArn(
          stack,
          'Bus',
          'arn:aws:events:eu-west-1:222222222222:event-bus/central',
        ),
      }));

    // Assess
    expect(synthesize).toThrow(
      [
        'invalid RenewalGuard config:',
        '  registryTable: in account 222222222222, region ap-southeast-1, but the guard is in account ' +
          '111111111111, region ap-southeast-1: the functions reach the table by its name, in their own account ' +
          'and region; bring a table of the guard’s account and region',
        '  alertTopic: in region us-east-1, but the guard is in region ap-southeast-1: SNS takes a topic’s messages ' +
          'in its own region only; bring a topic of the guard’s region',
        '  eventBus: in account 222222222222, region eu-west-1, but the guard is in account 111111111111, region ' +
          'ap-southeast-1: the poller reaches the bus by its name, in its own account and region; bring a bus of ' +
          'the guard’s account and region (a rule there can forward its events)',
      ].join('\n'),
    );
  });

  it('warn, without failing, about a table of the guard’s account in another region: a global table’s replica is reached', () => {
    // Act
    const synth = synthGuard((stack) => ({
      registryTable: dynamodb.Table.fromTableArn(
        stack,
        'Table',
        'arn:aws:dynamodb:us-east-1:111111111111:table/registry',
      ),
    }));

    // Assess
    const warnings = Annotations.fromStack(synth.stack)
      .findWarning('/GuardStack/Guard', Match.stringLikeRegexp('^registryTable: '))
      .map((w) => w.entry.data);
    expect(warnings).toEqual([
      'registryTable: its ARN is in region us-east-1, but the functions reach the table by its name in region ' +
        "ap-southeast-1: a global table's replica there, or no table at all [ack: renewal-guard:registry-table-region]",
    ]);
  });

  it('are accepted from another account when the functions address them by ARN: a topic', () => {
    // Act
    const synth = synthGuard((stack) => ({
      alertTopic: sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:ap-southeast-1:222222222222:central-alerts'),
    }));

    // Assess
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          RENEWAL_GUARD_ALERT_TOPIC_ARN: 'arn:aws:sns:ap-southeast-1:222222222222:central-alerts',
        }),
      },
    });
  });
});

describe('grantReadRegistry', () => {
  it('lets another principal read the registry and its indexes, but not write', () => {
    const synth = synthGuard(
      {},
      {
        beforeSynth: (stack, guard) => {
          const reporter = new iam.Role(stack, 'Reporter', { assumedBy: new iam.AccountRootPrincipal() });
          guard.grantReadRegistry(reporter);
        },
      },
    );

    const policy = Object.entries(synth.template.findResources('AWS::IAM::Policy')).find(([id]) =>
      id.startsWith('Reporter'),
    );
    const actions = (policy![1].Properties.PolicyDocument.Statement as Array<{ Action: string | string[] }>).flatMap(
      (s) => s.Action,
    );
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'kms:Decrypt']));
    expect(actions.filter((a) => /Put|Update|Delete|Write|Encrypt|GenerateDataKey/.test(a))).toEqual([]);
  });
});

describe('a registry table shared by two guards', () => {
  const env = { account: '111111111111', region: 'ap-southeast-1' };

  it('fails synthesis, naming the other guard, when two guards in one stack are given the same table', () => {
    // Prepare
    const app = new App();
    const stack = new Stack(app, 'Platform', { env });
    const table = dynamodb.Table.fromTableArn(stack, 'Table', TABLE_ARN);
    new RenewalGuard(stack, 'TeamA', { registryTable: table });
    new RenewalGuard(stack, 'TeamB', { registryTable: table });

    // Act
    const synthesize = () => app.synth();

    // Assess
    expect(synthesize).toThrow(
      'registryTable: the registry of this RenewalGuard is also the registry of RenewalGuard Platform/TeamB. ' +
        "Each guard's deploy retires the services the other declares, and an alert key claimed by one is never " +
        'sent by the other; give each guard a table of its own (leave registryTable out to get one).',
    );
    expect(synthesize).toThrow(/also the registry of RenewalGuard Platform\/TeamA\./);
  });

  it("fails synthesis when a guard in another stack is given a guard's own registry", () => {
    // Prepare
    const app = new App();
    const first = new RenewalGuard(new Stack(app, 'First', { env }), 'Guard');
    new RenewalGuard(new Stack(app, 'Second', { env }), 'Guard', { registryTable: first.registry });

    // Act + Assess
    expect(() => app.synth()).toThrow(/also the registry of RenewalGuard First\/Guard\./);
  });

  it('fails synthesis when two stacks import one table by name in the same account and region', () => {
    // Prepare
    const app = new App();
    for (const id of ['First', 'Second']) {
      const stack = new Stack(app, id, { env });
      new RenewalGuard(stack, 'Guard', {
        registryTable: dynamodb.Table.fromTableName(stack, 'Table', 'team-registry'),
      });
    }

    // Act + Assess
    expect(() => app.synth()).toThrow(/also the registry of RenewalGuard Second\/Guard\./);
  });

  it('lets guards with tables of their own, or with same-named tables in other regions, synthesize', () => {
    // Prepare
    const app = new App();
    const platform = new Stack(app, 'Platform', { env });
    new RenewalGuard(platform, 'TeamA');
    new RenewalGuard(platform, 'TeamB', {
      registryTable: dynamodb.Table.fromTableName(platform, 'Table', 'team-registry'),
    });
    const tokyo = new Stack(app, 'Tokyo', { env: { ...env, region: 'ap-northeast-1' } });
    new RenewalGuard(tokyo, 'TeamB', { registryTable: dynamodb.Table.fromTableName(tokyo, 'Table', 'team-registry') });

    // Act
    const assembly = app.synth();

    // Assess
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(['Platform', 'Tokyo']);
  });
});

describe('an alert topic shared by two guards', () => {
  const env = { account: '111111111111', region: 'ap-southeast-1' };
  const email = (channelId: string, to: string) => AlertChannel.email({ channelId, to: [to] });

  it('fails synthesis, naming the channel ids, when both guards declare a channel of the same id', () => {
    // Prepare
    const app = new App();
    const stack = new Stack(app, 'Platform', { env });
    const topic = sns.Topic.fromTopicArn(stack, 'Topic', TOPIC_ARN);
    new RenewalGuard(stack, 'TeamA', { alertTopic: topic, channels: [email('ops', 'a@example.com')] });
    new RenewalGuard(stack, 'TeamB', {
      alertTopic: topic,
      channels: [email('ops', 'b@example.com'), email('finance', 'f@example.com')],
    });

    // Act
    const synthesize = () => app.synth();

    // Assess
    expect(synthesize).toThrow(
      'alertTopic: this RenewalGuard and RenewalGuard Platform/TeamB publish to one alert topic and both declare ' +
        "the channel ids ops: subscriptions filter on the channel id alone, so each guard's channel of that id " +
        "would get the other guard's alerts too; give the channels ids of their own, or each guard an alert " +
        'topic of its own (leave alertTopic out to get one).',
    );
  });

  it('fails synthesis, naming the recipient, when both guards subscribe one address to it', () => {
    // Prepare
    const app = new App();
    const stack = new Stack(app, 'Platform', { env });
    const topic = sns.Topic.fromTopicArn(stack, 'Topic', TOPIC_ARN);
    new RenewalGuard(stack, 'TeamA', { alertTopic: topic, channels: [email('team-a', 'lead@example.com')] });
    new RenewalGuard(stack, 'TeamB', { alertTopic: topic, channels: [email('team-b', 'lead@example.com')] });

    // Act + Assess
    expect(() => app.synth()).toThrow(
      'alertTopic: this RenewalGuard and RenewalGuard Platform/TeamB both subscribe email lead@example.com to one ' +
        'alert topic, each with a filter of its own, which SNS refuses (one subscription per topic and endpoint); ' +
        'list each recipient in one of the guards only, or give each guard an alert topic of its own (leave ' +
        'alertTopic out to get one).',
    );
  });

  it('lets two guards share an alert topic whose channel ids differ, each subscription filtering on its own', () => {
    // Prepare
    const app = new App();
    const stack = new Stack(app, 'Platform', { env });
    const topic = sns.Topic.fromTopicArn(stack, 'Topic', TOPIC_ARN);
    new RenewalGuard(stack, 'TeamA', { alertTopic: topic, channels: [email('team-a', 'a@example.com')] });
    new RenewalGuard(stack, 'TeamB', { alertTopic: topic, channels: [email('team-b', 'b@example.com')] });

    // Act
    app.synth();
    const template = Template.fromStack(stack);

    // Assess
    for (const [channel, address] of [
      ['team-a', 'a@example.com'],
      ['team-b', 'b@example.com'],
    ]) {
      template.hasResourceProperties('AWS::SNS::Subscription', {
        TopicArn: TOPIC_ARN,
        Endpoint: address,
        FilterPolicy: { channels: [channel] },
      });
    }
  });
});
