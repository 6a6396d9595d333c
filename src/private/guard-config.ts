import * as path from 'path';
import { Annotations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ConfigProblem, loadGuardConfig } from './config-loader';
import { propPath } from './prop-paths';
import { propsDocument } from './props-document';
import { RenewalGuardProps } from '../renewal-guard-props';

/** Merges and validates the config before any resource exists, throwing one error with every problem. */
export function loadGuardProps(scope: Construct, props: RenewalGuardProps) {
  const fromProps = propsDocument(props);
  const file = props.configFile === undefined ? undefined : path.resolve(props.configFile);
  const result = loadGuardConfig(file, fromProps.overrides, (at) => propPath(at, fromProps.overrides));
  const problems: ConfigProblem[] = [...fromProps.problems, ...(result.ok ? [] : result.problems)];
  if (props.linkSecret && props.linksEnabled === false) {
    problems.push({
      path: 'linkSecret',
      message: 'given while linksEnabled is false, so nothing would read it; remove one of the two',
    });
  }
  if (!result.ok || problems.length > 0) {
    throw new Error(`invalid RenewalGuard config:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  }
  for (const w of result.warnings) Annotations.of(scope).addWarning(`${w.path}: ${w.message}`);
  const linksEnabled = props.linksEnabled ?? (result.config.channels.length > 0 || props.linkSecret !== undefined);
  return { loaded: result.config, linksEnabled, ...fromProps };
}
