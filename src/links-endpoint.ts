/**
 * What serves the acknowledge links and the calendar feed (`RenewalGuard.linksUrl`).
 *
 * Lambda function URLs do not exist in every region: not in the China regions (`cn-north-1`,
 * `cn-northwest-1`), nor in `ap-south-2`, `ap-southeast-4`, `ap-southeast-5`, `ap-southeast-6`,
 * `ap-southeast-7`, `ap-east-2`, `ca-west-1`, `eu-south-2`, `eu-central-2`, `il-central-1` and
 * `me-central-1`. There an API Gateway HTTP API serves the same routes.
 */
export enum LinksEndpoint {
  /**
   * A function URL where the stack's region has them, else an HTTP API. The region must be known at
   * synth (a stack with `env.region`); for an environment-agnostic stack the guard cannot tell, keeps a
   * function URL and says so in a synth warning: choose `HTTP_API` there if the stack may deploy to a
   * region without function URLs.
   */
  AUTO = 'auto',

  /**
   * A Lambda function URL (`https://<id>.lambda-url.<region>.on.aws/`), called directly; the function's
   * reserved concurrency caps what a flood can take. Refused at synth in a region without function URLs.
   */
  FUNCTION_URL = 'function-url',

  /**
   * An API Gateway HTTP API (`https://<id>.execute-api.<region>.<domain>/`) with one route per link type
   * and a throttled stage, invoking the function with payload format 2.0. Works in every region the
   * guard deploys to. In the China regions API Gateway answers requests without IAM authentication only
   * for an account with an ICP recordal (see the README's Regions table).
   */
  HTTP_API = 'http-api',
}
