/**
 * How the guard encrypts what it creates at rest: its registry table, alert topic, queues, link secret
 * and log groups.
 */
export enum GuardEncryption {
  /**
   * One customer managed KMS key (`encryptionKey`, created when not given; $1 a month) encrypts the table,
   * the alert topic, the dead-letter queue, the link secret and the log groups. Its key policy lets
   * CloudWatch alarms publish to the encrypted alert topic and CloudWatch Logs use it. The secure default.
   */
  CUSTOMER_MANAGED_KEY = 'customer-managed-key',

  /**
   * Each service's AWS managed key, at no monthly charge: `aws/dynamodb` for the table, `aws/sns` for the
   * alert topic, `aws/sqs` for the dead-letter queue, `aws/secretsmanager` for the link secret; SQS-managed
   * encryption for the notifier's dead-letter queue (SNS cannot use an AWS managed key there) and CloudWatch
   * Logs' own encryption for the log groups. You cannot write or audit these keys' policies, nor revoke
   * them apart from the data. CloudWatch alarms cannot publish to a topic under `aws/sns`, so unless an
   * `alarmTopic` (or an `alertTopic` of yours) is given, the alarms notify a separate `alarmTopic` the guard
   * creates without server-side encryption (TLS-only): alarm notifications carry alarm names, states and
   * thresholds, no credentials and no service data.
   */
  AWS_MANAGED = 'aws-managed',
}
