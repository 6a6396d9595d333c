/**
 * The setup every emulated test shares: the vendor sandbox and the platform receivers on the test's
 * clock, the guard story's config (guard-story.ts) deployed on the emulated platform and provisioned.
 * `stop` tears down whatever was started.
 */
import { EmulatedDeployment, type EmulatedDeploymentOptions } from './emulated-deployment';
import { guardStory } from './guard-story';
import { demoFixtures, startVendorSandbox, type VendorSandbox } from '../../../lambda/sandbox';
import { PlatformReceivers } from '../../support/receivers';

export interface StoryDeployment {
  readonly sandbox: VendorSandbox;
  readonly receivers: PlatformReceivers;
  readonly deployment: EmulatedDeployment;
  /** The config document as deployed (after `options.config`). */
  readonly config: Record<string, unknown>;
}

/**
 * Starts the sandbox and receivers on `clock` (read again on every call, so a test may move it), and
 * deploys the story at the clock's instant; `options.config` adjusts the story's document, `options.props`
 * the stack's props. If any step fails, what was started is stopped before the error is rethrown.
 */
export async function deployGuardStory(
  clock: () => Date,
  options: {
    readonly config?: (story: Record<string, unknown>) => Record<string, unknown>;
    readonly props?: EmulatedDeploymentOptions['props'];
  } = {},
): Promise<StoryDeployment> {
  const now = clock();
  const [sandbox, receivers] = await Promise.all([
    startVendorSandbox({ fixtures: demoFixtures(now), clock }),
    PlatformReceivers.start({ now: () => clock().getTime() }),
  ]);
  let deployment: EmulatedDeployment | undefined;
  try {
    const story = guardStory(sandbox, receivers, now);
    const config = options.config ? options.config(story.config) : story.config;
    deployment = await EmulatedDeployment.start({
      config,
      secrets: story.secrets,
      deployedAt: now,
      ...(options.props && { props: options.props }),
    });
    await deployment.provision();
    return { sandbox, receivers, deployment, config };
  } catch (error) {
    await stopStoryDeployment({ sandbox, receivers, deployment });
    throw error;
  }
}

/** Stops the deployment, the sandbox and the receivers, whichever of them were started. */
export async function stopStoryDeployment(
  started: Partial<Omit<StoryDeployment, 'config'>> | undefined,
): Promise<void> {
  await Promise.allSettled([started?.deployment?.stop(), started?.sandbox?.stop(), started?.receivers?.close()]);
}
