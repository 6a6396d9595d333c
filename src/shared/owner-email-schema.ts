/**
 * What the construct tells the poller about owner email beyond the staged document (whose `ownerEmail`
 * names the sender): the SES configuration set to send through, when one is given. A name, never a
 * secret. Shared by src/ (which sets it) and lambda/ (which reads it).
 */
export const ENV_SES_CONFIGURATION_SET = 'RENEWAL_GUARD_SES_CONFIGURATION_SET';
