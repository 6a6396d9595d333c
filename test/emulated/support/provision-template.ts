/**
 * Creates a synthesized template's resources: first what moto's CloudFormation handles, as a moto stack;
 * then every other resource in dependency order (Ref, GetAtt, Sub, DependsOn) through its provisioner,
 * custom resources through their ServiceToken. A type with neither a provisioner nor a stated reason to
 * skip it fails provisioning, naming the resource.
 */
import { deployMotoStack, MOTO_CLOUDFORMATION_TYPES } from './moto-cloudformation';
import { NOT_EMULATED, PROVISIONERS, type ProvisionContext } from './resource-provisioners';
import type { CfnResource } from './synthesized-stack';
import { referencedIds } from './template-values';

export async function provisionTemplate(ctx: ProvisionContext, motoEndpoint: string): Promise<void> {
  const resources = ctx.stack.template.Resources;
  const conditional = Object.keys(resources).filter((id) => 'Condition' in resources[id]!);
  if (conditional.length > 0) {
    throw new Error(`the emulated deployment does not evaluate Conditions (on ${conditional.join(', ')}); add it`);
  }
  for (const [id, resource] of await deployMotoStack(motoEndpoint, ctx.stack.template, ctx.env)) {
    ctx.values.define(id, resource);
  }
  const pending = Object.keys(resources).filter((id) => !MOTO_CLOUDFORMATION_TYPES.has(resources[id]!.Type));
  for (const id of dependencyOrder(pending, resources)) {
    ctx.values.define(id, await provisionOne(ctx, id, resources[id]!));
  }
}

async function provisionOne(ctx: ProvisionContext, id: string, resource: CfnResource) {
  const provisioner = PROVISIONERS[resource.Type];
  if (provisioner) return provisioner(ctx, id, resource);
  if (resource.Type.startsWith('Custom::') || resource.Type === 'AWS::CloudFormation::CustomResource') {
    return ctx.customResource(id, resource);
  }
  const reason = NOT_EMULATED[resource.Type];
  if (reason === undefined) {
    throw new Error(
      `${id}: the emulated deployment has no provisioner for ${resource.Type}; add one or a reason to skip it`,
    );
  }
  ctx.notEmulated.push({ logicalId: id, type: resource.Type, reason });
  return { ref: id, attributes: {} };
}

function dependencyOrder(ids: readonly string[], resources: Readonly<Record<string, CfnResource>>): string[] {
  const pending = new Set(ids);
  const dependsOn = new Map(
    ids.map((id) => {
      const r = resources[id]!;
      const explicit = r.DependsOn === undefined ? [] : Array.isArray(r.DependsOn) ? r.DependsOn : [r.DependsOn];
      const all = [...referencedIds(r.Properties), ...explicit].filter((d) => d in resources && d !== id);
      return [id, all.filter((d) => pending.has(d))];
    }),
  );
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter((id) => dependsOn.get(id)!.every((d) => !pending.has(d)));
    if (ready.length === 0) throw new Error(`circular references among ${[...pending].join(', ')}`);
    for (const id of ready) {
      pending.delete(id);
      order.push(id);
    }
  }
  return order;
}
