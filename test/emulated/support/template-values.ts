/**
 * Resolves a synthesized template's values the way CloudFormation does at deploy time: `Ref`,
 * `Fn::GetAtt`, `Fn::Join`, `Fn::Sub`, `Fn::Select`, `Fn::Split`, the pseudo parameters, and
 * `{{resolve:secretsmanager:…}}` dynamic references (through a caller's lookup). Anything else is an
 * error naming the function and where it was found, never a silent pass-through.
 */

/** What a provisioned resource answers to `Ref` and `Fn::GetAtt`. */
export interface ProvisionedResource {
  readonly ref: string;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface StackEnvironment {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
  readonly stackName: string;
  readonly stackId: string;
  readonly urlSuffix: string;
}

/** Thrown when a value cannot be resolved (yet): the provisioner orders resources by these. */
export class UnresolvedValueError extends Error {
  constructor(
    message: string,
    readonly missingLogicalId?: string,
  ) {
    super(message);
    this.name = 'UnresolvedValueError';
  }
}

export class TemplateValues {
  private readonly resources = new Map<string, ProvisionedResource>();

  constructor(
    readonly env: StackEnvironment,
    /** Reads a secret's string for `{{resolve:secretsmanager:<id>:SecretString:<key>::}}`. */
    private readonly secretString?: (secretId: string) => Promise<string>,
  ) {}

  define(logicalId: string, resource: ProvisionedResource): void {
    this.resources.set(logicalId, resource);
  }

  has(logicalId: string): boolean {
    return this.resources.has(logicalId);
  }

  get(logicalId: string): ProvisionedResource {
    const resource = this.resources.get(logicalId);
    if (!resource) throw new UnresolvedValueError(`${logicalId} is not provisioned yet`, logicalId);
    return resource;
  }

  /** The resolved value; `where` names the template path in errors. */
  async resolve(value: unknown, where: string): Promise<unknown> {
    const resolved = this.resolveSync(value, where);
    return this.resolveDynamicReferences(resolved, where);
  }

  async resolveString(value: unknown, where: string): Promise<string> {
    const resolved = await this.resolve(value, where);
    if (typeof resolved !== 'string') throw new Error(`${where}: expected a string, got ${JSON.stringify(resolved)}`);
    return resolved;
  }

  private resolveSync(value: unknown, where: string): unknown {
    if (Array.isArray(value)) return value.map((v, i) => this.resolveSync(v, `${where}[${i}]`));
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, unknown>);
    const [first] = entries;
    if (entries.length === 1 && first && (first[0] === 'Ref' || first[0].startsWith('Fn::'))) {
      return this.intrinsic(first[0], first[1], `${where}.${first[0]}`);
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, this.resolveSync(v, `${where}.${k}`)]));
  }

  private intrinsic(name: string, arg: unknown, where: string): unknown {
    switch (name) {
      case 'Ref':
        return this.ref(String(arg));
      case 'Fn::GetAtt': {
        const [id, attribute] = Array.isArray(arg) ? arg.map(String) : String(arg).split(/\.(.*)/s);
        const value = this.get(id!).attributes[attribute!];
        if (value === undefined) throw new Error(`${where}: ${id} has no attribute ${attribute} in this emulation`);
        return value;
      }
      case 'Fn::Join': {
        const [separator, parts] = arg as [string, unknown[]];
        return (this.resolveSync(parts, where) as unknown[]).map(String).join(separator);
      }
      case 'Fn::Select': {
        const [index, list] = arg as [unknown, unknown];
        return (this.resolveSync(list, where) as unknown[])[Number(this.resolveSync(index, where))];
      }
      case 'Fn::Split': {
        const [separator, text] = arg as [string, unknown];
        return String(this.resolveSync(text, where)).split(separator);
      }
      case 'Fn::Sub': {
        const [text, vars] = Array.isArray(arg) ? (arg as [string, Record<string, unknown>]) : [String(arg), {}];
        const resolvedVars = this.resolveSync(vars, where) as Record<string, unknown>;
        return text.replace(/\$\{([^}!][^}]*)\}/g, (_, token: string) => {
          if (token in resolvedVars) return String(resolvedVars[token]);
          const [id, attribute] = token.split(/\.(.*)/s);
          return String(attribute ? this.intrinsic('Fn::GetAtt', [id, attribute], where) : this.ref(id!));
        });
      }
      default:
        throw new Error(`${where}: the emulated deployment does not resolve ${name}`);
    }
  }

  private ref(id: string): string {
    switch (id) {
      case 'AWS::AccountId':
        return this.env.account;
      case 'AWS::Region':
        return this.env.region;
      case 'AWS::Partition':
        return this.env.partition;
      case 'AWS::StackName':
        return this.env.stackName;
      case 'AWS::StackId':
        return this.env.stackId;
      case 'AWS::URLSuffix':
        return this.env.urlSuffix;
      default:
        return this.get(id).ref;
    }
  }

  /** CloudFormation resolves `{{resolve:secretsmanager:…}}` in resource properties before creating them. */
  private async resolveDynamicReferences(value: unknown, where: string): Promise<unknown> {
    if (typeof value === 'string') {
      const pattern = /\{\{resolve:secretsmanager:(.+?):SecretString:([^:]*):([^:]*):([^:]*)\}\}/g;
      let out = '';
      let last = 0;
      for (const match of value.matchAll(pattern)) {
        if (!this.secretString) throw new Error(`${where}: a dynamic reference needs a secret reader`);
        const [whole, id, key, stage, version] = match as unknown as [string, string, string, string, string];
        if (stage || version) throw new Error(`${where}: version stages/ids in dynamic references are not emulated`);
        const secret = await this.secretString(id);
        const field = key ? (JSON.parse(secret) as Record<string, unknown>)[key] : secret;
        if (typeof field !== 'string') throw new Error(`${where}: secret ${id} has no string field ${key}`);
        out += value.slice(last, match.index) + field;
        last = match.index! + whole.length;
      }
      if (value.includes('{{resolve:') && last === 0) {
        throw new Error(`${where}: unsupported dynamic reference in ${value}`);
      }
      return out + value.slice(last);
    }
    if (Array.isArray(value)) {
      return Promise.all(value.map((v, i) => this.resolveDynamicReferences(v, `${where}[${i}]`)));
    }
    if (value !== null && typeof value === 'object') {
      const entries = await Promise.all(
        Object.entries(value).map(async ([k, v]) => [k, await this.resolveDynamicReferences(v, `${where}.${k}`)]),
      );
      return Object.fromEntries(entries);
    }
    return value;
  }
}

/** Logical ids a value refers to (Ref, GetAtt, Sub tokens), for ordering; pseudo parameters excluded. */
export function referencedIds(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((v) => referencedIds(v, into));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'Ref' && typeof v === 'string' && !v.startsWith('AWS::')) {
        into.add(v);
      } else if (k === 'Fn::GetAtt') {
        into.add(Array.isArray(v) ? String(v[0]) : String(v).split('.')[0]!);
      } else if (k === 'Fn::Sub') {
        const text = Array.isArray(v) ? String(v[0]) : String(v);
        for (const m of text.matchAll(/\$\{([^}!.][^}.]*)(?:\.[^}]*)?\}/g)) {
          if (!m[1]!.startsWith('AWS::')) into.add(m[1]!);
        }
        if (Array.isArray(v)) referencedIds(v[1], into);
      } else {
        referencedIds(v, into);
      }
    }
  }
  return into;
}
