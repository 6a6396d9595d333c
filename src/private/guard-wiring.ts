import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { addAlertSubscriptions, addOperatorSubscriptions } from './alert-subscriptions';
import { awsManagedKey, GuardStores } from './bring-your-own';
import { loadGuardProps } from './guard-config';
import { GuardFunction } from './guard-function';
import { createLinks, GuardLinks } from './guard-links';
import { createNotifier, GuardNotifier } from './guard-notifier';
import { createPoller } from './guard-poller';
import { createRegistrySync, GuardRegistrySync } from './guard-registry-sync';
import { addSchedules, GuardSchedules } from './guard-resources';
import { grantOwnerEmail } from './owner-email-grants';
import { resolveLinksEndpoint } from './region-support';
import { StagedCode } from './staged-code';
import { RenewalGuardProps } from '../renewal-guard-props';
import { SecretStore } from '../secret-store';
import { linkParameterName } from '../shared/link-parameter';

export interface GuardFunctionsProps {
  readonly props: RenewalGuardProps;
  readonly config: ReturnType<typeof loadGuardProps>;
  readonly code: StagedCode;
  readonly stores: GuardStores;
  readonly secretStore: SecretStore;
  readonly guardName: string;
  readonly detailedMetrics: boolean;
  readonly logRetention: logs.RetentionDays;
  /** The alarm topic the guard created itself, if it did: operators channels subscribe to it. */
  readonly ownAlarmTopic?: sns.ITopic;
}

export interface GuardFunctions {
  readonly links?: GuardLinks;
  readonly poller: GuardFunction;
  readonly sync: GuardRegistrySync;
  readonly schedules: GuardSchedules;
  readonly notifier?: GuardNotifier;
}

/**
 * The guard's functions and how they connect: the links function (when links are on), the poller and
 * its owner-email grant, the registry sync, the schedules that run the poller, the channels' topic
 * subscriptions, the notifier, and the deploy order the link parameter asks for. Built as children of
 * `guard`, with the construct ids and in the order the template has always had.
 */
export function createGuardFunctions(guard: Construct, input: GuardFunctionsProps): GuardFunctions {
  const { props, config, code, stores, secretStore, logRetention, ownAlarmTopic } = input;
  const links = config.linksEnabled
    ? createLinks(guard, {
        codeDirectory: code.directory,
        registry: stores.registry,
        encryptionKey: stores.encryptionKey ?? awsManagedKey(guard, 'secretsmanager'),
        logRetention,
        linkSecret: props.linkSecret,
        // with the SSM store, one free SecureString parameter instead of two generated secrets
        parameterName:
          secretStore === SecretStore.SSM_PARAMETER_STORE && !props.linkSecret
            ? linkParameterName(input.guardName)
            : undefined,
        endpoint: resolveLinksEndpoint(guard, props.linksEndpoint, {
          reservedConcurrency: props.reservedConcurrency !== false,
        }),
      })
    : undefined;

  const poller = createPoller(guard, {
    codeDirectory: code.directory,
    stores,
    guardName: input.guardName,
    detailedMetrics: input.detailedMetrics,
    logRetention,
    accounts: config.loaded.accounts,
    accountSecrets: config.accountSecrets,
    secretStore,
    links,
  });
  // owners are data: one SES statement on the poller's role, whatever their number
  grantOwnerEmail(poller, config.loaded.ownerEmail, props.ownerEmail?._bind());
  const sync = createRegistrySync(guard, {
    codeDirectory: code.directory,
    registry: stores.registry,
    configHash: code.configHash,
    logRetention,
    linkParameter: links?.parameter,
  });

  const schedules = addSchedules(guard, config.loaded, {
    poller: poller.function,
    deadLetterQueue: stores.deadLetterQueue,
    key: stores.deadLetterKey,
  });
  addAlertSubscriptions(guard, stores.alertTopic, config.loaded.channels, config.recipients);
  if (ownAlarmTopic) addOperatorSubscriptions(guard, ownAlarmTopic, config.loaded.channels, config.recipients);
  const notifier = createNotifier(guard, {
    codeDirectory: code.directory,
    topic: stores.alertTopic,
    alarmTopic: ownAlarmTopic,
    registry: stores.registry,
    channels: config.loaded.channels,
    channelSecrets: config.channelSecrets,
    secretStore,
    logRetention,
    links,
    encryptionKey: stores.encryptionKey,
    reservedConcurrency: props.reservedConcurrency !== false,
  });
  if (links?.parameter) {
    // the sync creates the link parameter: every function that reads it is created (or switched to it,
    // on an upgrade) after that
    for (const reader of [links.function, poller, notifier?.function]) {
      reader?.function.node.addDependency(sync.onDeploy);
    }
  }
  return { links, poller, sync, schedules, notifier };
}
