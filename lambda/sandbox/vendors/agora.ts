/**
 * Agora's Console RESTful API as vendor-apis.md §1 documents it: Basic auth with the customer key and
 * secret, `Content-Type: application/json` required (415 otherwise), `GET /dev/v1/projects` answering
 * 201 (sic, for a GET), `GET /dev/v3/usage` with its four required parameters answering seconds per UTC
 * day, 10 queries per second per account (429 beyond), and errors as `{"message": …}`.
 */
import { addUtcDays, readBasicAuth, utcDate } from '../sandbox-auth';
import type { SandboxRegistration } from '../sandbox-registration';
import type { SandboxReply, SandboxRequest, SandboxVendorModule } from '../sandbox-vendor';

export const AGORA_BUSINESSES = ['default', 'transcodeDuration', 'recording', 'cloudRecording', 'miniapp'] as const;
export type AgoraBusiness = (typeof AGORA_BUSINESSES)[number];

export interface AgoraSandboxFixture {
  readonly accounts: readonly AgoraSandboxAccount[];
}

export interface AgoraSandboxAccount {
  readonly customerKey: string;
  readonly customerSecret: string;
  readonly projects: readonly AgoraSandboxProject[];
  /** Per project id, per `business`, the days of usage (seconds per field). */
  readonly usage: Readonly<Record<string, Readonly<Partial<Record<AgoraBusiness, readonly AgoraSandboxUsageDay[]>>>>>;
  /** `iso` as in the doc's example (default), or `epoch` seconds as its field table says. */
  readonly dateFormat?: 'iso' | 'epoch';
  /** Queries per second before 429. @default 10 */
  readonly queriesPerSecond?: number;
}

/** A project as `/dev/v1/projects` lists it; `sign_key` is the App Certificate, a secret. */
export interface AgoraSandboxProject {
  readonly id: string;
  readonly name: string;
  readonly vendor_key: string;
  readonly sign_key: string;
  readonly recording_server: string | null;
  readonly status: 0 | 1;
  readonly created: number;
}

export interface AgoraSandboxUsageDay {
  readonly date: string;
  readonly usage: Readonly<Record<string, number>>;
}

const META: Readonly<Record<string, { en: string; unit: string }>> = {
  durationAudioAll: { en: 'Total Audio Duration', unit: 'second' },
  durationVideo1080P: { en: 'Full HD Video Duration（including Recording)', unit: 'second' },
  durationVideo2K: { en: '2K Video Duration（including Recording)', unit: 'second' },
  durationVideo4K: { en: '4K Video Duration（including Recording)', unit: 'second' },
  durationVideoHd: { en: 'HD Video Duration（including Recording）', unit: 'second' },
  durationVideoHdp: { en: 'HDP Video Duration（including Recording)', unit: 'second' },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const recentQueries = new WeakMap<AgoraSandboxAccount, number[]>();

function fail(status: number, message: string): SandboxReply {
  return { status, body: { message } };
}

function handle(request: SandboxRequest, fixture: AgoraSandboxFixture): SandboxReply {
  const auth = readBasicAuth(request.headers);
  const account = fixture.accounts.find(
    (a) => auth !== undefined && a.customerKey === auth.user && a.customerSecret === auth.password,
  );
  if (!account) return fail(401, 'Invalid authentication credentials');
  if (overLimit(account, request.now)) return fail(429, 'Too many requests');
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return fail(415, 'Unsupported Media Type');
  if (request.method === 'GET' && request.path === '/dev/v1/projects') {
    return { status: 201, body: { projects: account.projects } };
  }
  if (request.method === 'GET' && request.path === '/dev/v3/usage') return usage(request, account);
  return fail(404, 'Not Found');
}

function overLimit(account: AgoraSandboxAccount, now: Date): boolean {
  const limit = account.queriesPerSecond ?? 10;
  const recent = (recentQueries.get(account) ?? []).filter((t) => t > now.getTime() - 1000);
  const over = recent.length >= limit;
  if (!over) recent.push(now.getTime());
  recentQueries.set(account, recent);
  return over;
}

function usage(request: SandboxRequest, account: AgoraSandboxAccount): SandboxReply {
  const q = request.query;
  for (const name of ['project_id', 'from_date', 'to_date', 'business']) {
    if (!q.get(name)) return fail(400, `Missing required parameter: ${name}`);
  }
  const from = q.get('from_date') ?? '';
  const to = q.get('to_date') ?? '';
  const business = q.get('business') ?? '';
  if (!DATE.test(from) || !DATE.test(to) || from > to) return fail(400, 'Invalid date range');
  if (from < addUtcDays(utcDate(request.now), -366)) return fail(400, 'You can query usage data within one year');
  if (!(AGORA_BUSINESSES as readonly string[]).includes(business)) return fail(400, `Invalid business: ${business}`);
  const projectId = q.get('project_id') ?? '';
  const project = account.projects.find((p) => p.id === projectId);
  const days = account.usage[projectId];
  if (!project || !days) return fail(404, 'Project not found');
  const usages = (days[business as AgoraBusiness] ?? [])
    .filter((d) => d.date >= from && d.date <= to)
    .map((d) => ({
      date: account.dateFormat === 'epoch' ? Date.parse(`${d.date}T00:00:00Z`) / 1000 : `${d.date}T00:00:00.000Z`,
      usage: d.usage,
    }));
  return { status: 200, body: { meta: META, usages } };
}

export const agoraSandboxModule: SandboxVendorModule<AgoraSandboxFixture> = {
  vendor: 'agora',
  handle,
  faultReply: (kind) =>
    kind === 'throttle' ? fail(429, 'Too many requests') : fail(401, 'Invalid authentication credentials'),
};

// ---- demo: a live app with two projects, usage for the last 45 days, a top-up 40 days ago

const DEMO_KEY = 'demo-agora-customer-key';
const DEMO_SECRET = 'demo-agora-customer-secret-0000';

function demoFixture(now: Date): AgoraSandboxFixture {
  const today = utcDate(now);
  const day = (i: number) => addUtcDays(today, -45 + i);
  const days = (scale: number): AgoraSandboxUsageDay[] =>
    Array.from({ length: 45 }, (_, i) => {
      const weekly = 1 + 0.25 * Math.sin((2 * Math.PI * i) / 7);
      return {
        date: day(i),
        usage: {
          durationAudioAll: Math.round(540_000 * scale * weekly),
          durationVideo1080P: 0,
          durationVideo2K: 0,
          durationVideo4K: 0,
          durationVideoHd: Math.round(1_080_000 * scale * weekly),
          durationVideoHdp: Math.round(60_000 * scale * weekly),
        },
      };
    });
  return {
    accounts: [
      {
        customerKey: DEMO_KEY,
        customerSecret: DEMO_SECRET,
        projects: [
          demoProject('live-app-prod', 'Live app', 'demo0a1b2c3d4e5f60718293a4b5c6d7e8f9', 1),
          demoProject('live-app-staging', 'Live app staging', 'demo9f8e7d6c5b4a39281706f5e4d3c2b1a0', 1),
        ],
        usage: { 'live-app-prod': { default: days(1) }, 'live-app-staging': { default: days(0.02) } },
      },
    ],
  };
}

function demoProject(id: string, name: string, appId: string, status: 0 | 1): AgoraSandboxProject {
  return {
    id,
    name,
    vendor_key: appId,
    sign_key: `sign-${appId}`,
    recording_server: null,
    status,
    created: 1_700_000_000,
  };
}

export const agoraSandbox: SandboxRegistration<AgoraSandboxFixture> = {
  module: agoraSandboxModule,
  demo: {
    fixture: demoFixture,
    accounts: (now) => [
      {
        id: 'agora-main',
        vendor: 'agora',
        credentials: 'renewal-guard/agora-main',
        secret: { customerKey: DEMO_KEY, customerSecret: DEMO_SECRET },
        options: {
          topUp: { amount: 5000, currency: 'USD', date: addUtcDays(utcDate(now), -40) },
          prices: {
            currency: 'USD',
            perThousandMinutes: { durationAudioAll: 0.99, durationVideoHd: 3.99, durationVideoHdp: 8.99 },
          },
          plan: 'pro',
        },
      },
    ],
  },
};
