/**
 * The hostile documents of the adversarial suite: each a valid base document bent one way, and the path
 * its first error must name. Written from outside, as an attacker or a careless user would: edge dates,
 * sizes the registry cannot hold, control and bidi characters, credentials where names belong,
 * colliding secret names, headers that drop a token, broken structure, YAML tricks.
 */

/** A valid document (JSON is YAML): two vendor accounts, an http-json account, two services, two channels. */
export function baseDocument(): Record<string, any> {
  return {
    version: 1,
    timeZone: 'Asia/Shanghai',
    checkTime: '09:30',
    calendar: 'CN',
    // owners are named, and no sender is configured: said so, so validate has nothing to warn about
    ownerEmail: { enabled: false },
    accounts: [
      { id: 'agora-main', vendor: 'agora', credentials: 'renewal-guard/agora-main' },
      { id: 'huawei-main', vendor: 'huawei', credentials: 'renewal-guard/huawei-main' },
      {
        id: 'billing-x',
        vendor: 'http-json',
        credentials: 'renewal-guard/billing-x',
        endpoint: 'https://api.example.com',
        balancePath: 'data.balance',
        currency: 'USD',
      },
    ],
    services: [
      {
        id: 'live-rtc',
        name: 'Live app RTC',
        project: 'live-app',
        account: 'agora-main',
        kind: 'subscription',
        expiresOn: '2026-10-09',
        owners: ['alice@example.com'],
      },
      {
        id: 'voice-room',
        name: '语音房',
        project: 'voice',
        kind: 'package',
        expiresOn: '2026-10-20',
        owners: ['bob@example.com'],
      },
    ],
    channels: [
      { id: 'ops', type: 'email', to: ['ops@example.com'] },
      { id: 'chat', type: 'slack', secret: 'renewal-guard/slack-ops' },
    ],
  };
}

export interface HostileDocument {
  /** What the document tries. */
  readonly name: string;
  /** The document's text (YAML or JSON). */
  readonly text: string;
  /**
   * The path its error must name (`services[0].expiresOn`); a syntax error is named by its place in the
   * file, `{file}:<line>:<col>`, where `{file}` stands for the file's absolute path.
   */
  readonly path: string;
  /** Words the message must hold besides the path, when the point is what it says. */
  readonly says?: RegExp;
  /** Text that must never appear in the output (a pasted credential). */
  readonly neverEchoes?: string;
}

type Bend = (doc: Record<string, any>) => void;

function bent(name: string, path: string, bend: Bend, extra: Partial<HostileDocument> = {}): HostileDocument {
  const doc = baseDocument();
  bend(doc);
  return { name, text: JSON.stringify(doc, null, 2), path, ...extra };
}

const service = (doc: Record<string, any>) => doc.services[0];
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const HUAWEI_AK = 'HPUAXYZ12345ABCDE678';

export const HOSTILE_DOCUMENTS: readonly HostileDocument[] = [
  // dates at the edges
  bent('year zero', 'services[0].expiresOn', (d) => (service(d).expiresOn = '0000-01-01'), { says: /2000 to 2199/ }),
  bent('the last day of year 9999', 'services[0].expiresOn', (d) => (service(d).expiresOn = '9999-12-31'), {
    says: /2000 to 2199/,
  }),
  bent('a year before the range', 'services[0].expiresOn', (d) => (service(d).expiresOn = '1999-12-31')),
  bent('a year after the range', 'services[0].expiresOn', (d) => (service(d).expiresOn = '2200-01-01')),
  bent('February 30', 'services[0].expiresOn', (d) => (service(d).expiresOn = '2026-02-30')),
  bent('February 29 of a common year', 'services[0].expiresOn', (d) => (service(d).expiresOn = '2026-02-29')),
  bent('an unpadded date', 'services[0].expiresOn', (d) => (service(d).expiresOn = '2026-10-9')),
  bent('a date as a number', 'services[0].expiresOn', (d) => (service(d).expiresOn = 20261009)),
  bent('an extended-year date', 'services[0].expiresOn', (d) => (service(d).expiresOn = '+002026-10-09')),
  bent('a date with a time', 'services[0].expiresOn', (d) => (service(d).expiresOn = '2026-10-09T00:00:00Z')),
  bent('a start in 1970', 'services[0].startsOn', (d) => (service(d).startsOn = '1970-01-01')),
  bent(
    'owners confirmed in 9999',
    'services[0].ownersConfirmedOn',
    (d) => (service(d).ownersConfirmedOn = '9999-12-30'),
  ),
  bent('a start after the expiry', 'services[0].startsOn', (d) => (service(d).startsOn = '2027-01-01')),
  bent('a declared holiday on the last day of 9999', 'calendar.holidays[0]', (d) => {
    d.calendar = { base: 'CN', holidays: ['9999-12-31'] };
  }),
  bent('a declared make-up workday in year zero', 'calendar.workdays[0]', (d) => {
    d.calendar = { base: 'CN', workdays: ['0000-01-01'] };
  }),
  bent('an Agora top-up in year zero', 'accounts[0].topUp.date', (d) => {
    d.accounts[0].topUp = { amount: 100, currency: 'USD', date: '0000-01-01' };
  }),
  // sizes the registry cannot hold
  bent('a 1 MB name', 'services[0].name', (d) => (service(d).name = 'x'.repeat(1_048_576)), {
    says: /1048576 characters; at most 200 .*DynamoDB.*400 KB.*SNS.*256 KB/,
  }),
  bent(
    '2,000 long owners',
    'services[0].owners',
    (d) => {
      service(d).owners = Array.from({ length: 2000 }, (_, i) => `owner-${i}-${'o'.repeat(200)}@example.com`);
    },
    { says: /2000 owners; at most 20/ },
  ),
  bent('an owner of 300 characters', 'services[0].owners[0]', (d) => {
    service(d).owners = [`${'a'.repeat(288)}@example.com`];
  }),
  bent('a project of 101 characters', 'services[0].project', (d) => (service(d).project = 'p'.repeat(101))),
  bent('an entitlement of 201 characters', 'services[0].entitlement', (d) => {
    service(d).entitlement = 'e'.repeat(201);
  }),
  bent('201 channels', 'channels', (d) => {
    d.channels = Array.from({ length: 201 }, (_, i) => ({ id: `c${i}`, type: 'email', to: ['ops@example.com'] }));
  }),
  bent('a name of 201 wide characters', 'services[0].name', (d) => (service(d).name = '𠀀'.repeat(201))),
  // control and bidi characters
  bent('a newline in a name', 'services[0].name', (d) => (service(d).name = 'Live\nRTC'), { says: /U\+000A/ }),
  bent('a NUL in a name', 'services[0].name', (d) => (service(d).name = 'Live\u0000RTC')),
  bent('a markdown link smuggled into an owner', 'services[0].owners[0]', (d) => {
    service(d).owners = ['alice@example.com\n[Renew now](https://evil.example.com/pay)'];
  }),
  bent('a right-to-left override in a project', 'services[0].project', (d) => (service(d).project = 'live\u202eppa')),
  bent('an ANSI escape in a name', 'services[0].name', (d) => (service(d).name = '\u001b[2J\u001b[31mRTC')),
  bent('a line separator in a name', 'services[0].name', (d) => (service(d).name = 'Live\u2028RTC')),
  bent('a paragraph separator in a project', 'services[0].project', (d) => (service(d).project = 'a\u2029b')),
  bent('a tab in an owner', 'services[0].owners[0]', (d) => (service(d).owners = ['alice\t@example.com'])),
  bent('a carriage return in an owner', 'services[0].owners[0]', (d) => (service(d).owners = ['bob\r@example.com'])),
  bent('a DEL in an entitlement', 'services[0].entitlement', (d) => (service(d).entitlement = 'pkg\u007f')),
  bent('a bidi isolate in a name', 'services[0].name', (d) => (service(d).name = '\u2067RTC\u2069')),
  bent('a C1 control in a name', 'services[0].name', (d) => (service(d).name = 'RTC\u009b31m')),
  bent('a newline in an id', 'services[0].id', (d) => (service(d).id = 'live\nrtc')),
  bent('an upper-case id', 'services[0].id', (d) => (service(d).id = 'Live-RTC')),
  bent('an id of 65 characters', 'services[0].id', (d) => (service(d).id = 'a'.repeat(65))),
  bent('__proto__ as an id', 'services[0].id', (d) => (service(d).id = '__proto__')),
  bent('a newline in an account reference', 'services[0].account', (d) => (service(d).account = 'agora-main\nx')),
  // credentials where names belong
  bent(
    'an AWS access key id as a secret name',
    'accounts[0].credentials',
    (d) => {
      d.accounts[0].credentials = 'AKIAIOSFODNN7EXAMPLE';
    },
    { neverEchoes: 'AKIAIOSFODNN7EXAMPLE' },
  ),
  bent(
    'a Huawei access key as a secret name',
    'accounts[1].credentials',
    (d) => {
      d.accounts[1].credentials = HUAWEI_AK;
    },
    { neverEchoes: HUAWEI_AK },
  ),
  bent(
    'a bare AWS secret access key as a secret name',
    'accounts[0].credentials',
    (d) => {
      d.accounts[0].credentials = AWS_SECRET;
    },
    { neverEchoes: AWS_SECRET },
  ),
  bent(
    'user:password as a secret name',
    'accounts[0].credentials',
    (d) => {
      d.accounts[0].credentials = 'customer-id:customer-secret';
    },
    { neverEchoes: 'customer-secret' },
  ),
  bent(
    'credentials written inline',
    'accounts[0].credentials',
    (d) => {
      d.accounts[0].credentials = { customerId: 'c', customerSecret: '5c1e7f6d9b3a4e2f8a0b1c2d3e4f5a6b' };
    },
    { neverEchoes: '5c1e7f6d9b3a4e2f8a0b1c2d3e4f5a6b' },
  ),
  bent(
    'a webhook URL as a channel secret',
    'channels[1].secret',
    (d) => {
      d.channels[1].secret = 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX';
    },
    { neverEchoes: 'XXXXXXXXXXXXXXXXXXXXXXXX' },
  ),
  bent(
    'two secret names sharing one local variable',
    'accounts[1].credentials',
    (d) => {
      d.accounts[1].credentials = 'renewal-guard/agora.main';
    },
    { says: /RENEWAL_GUARD_SECRET__RENEWAL_GUARD_AGORA_MAIN/ },
  ),
  bent(
    'a channel secret sharing an account secret variable',
    'channels[1].secret',
    (d) => {
      d.channels[1].secret = 'Renewal-Guard/Agora_Main';
    },
    { says: /"renewal-guard\/agora-main" \(accounts\[0\]\.credentials\)/ },
  ),
  bent('authHeader Host', 'accounts[2].authHeader', (d) => (d.accounts[2].authHeader = 'Host'), {
    says: /not a header that carries a credential/,
  }),
  bent('authHeader Cookie', 'accounts[2].authHeader', (d) => (d.accounts[2].authHeader = 'Cookie')),
  bent(
    'a token pasted as authHeader',
    'accounts[2].authHeader',
    (d) => {
      d.accounts[2].authHeader = 'Bearer sk_live_0123456789abcdef';
    },
    { neverEchoes: 'sk_live_0123456789abcdef' },
  ),
  bent(
    'an endpoint carrying a password',
    'accounts[2].endpoint',
    (d) => {
      d.accounts[2].endpoint = 'https://user:hunter2@api.example.com';
    },
    { neverEchoes: 'hunter2' },
  ),
  bent('a plain-http endpoint', 'accounts[2].endpoint', (d) => (d.accounts[2].endpoint = 'http://api.example.com')),
  bent('a file: endpoint', 'accounts[2].endpoint', (d) => (d.accounts[2].endpoint = 'file:///etc/passwd')),
  // structure
  bent('a second version', 'version', (d) => (d.version = 2)),
  bent('a misspelt section', 'servies', (d) => (d.servies = [])),
  bent('a __proto__ section', '__proto__', (d) =>
    Object.defineProperty(d, '__proto__', { value: {}, enumerable: true }),
  ),
  bent('a service id used twice', 'services[1].id', (d) => (d.services[1].id = 'live-rtc')),
  bent('services as a mapping', 'services', (d) => (d.services = { 'live-rtc': {} })),
  bent('a service as a string', 'services[0]', (d) => (d.services[0] = 'live-rtc')),
  bent('an unknown kind', 'services[0].kind', (d) => (service(d).kind = 'lifetime')),
  bent('no owners', 'services[0].owners', (d) => (service(d).owners = [])),
  bent('owners as a string', 'services[0].owners', (d) => (service(d).owners = 'alice@example.com')),
  bent('an owner as a number', 'services[0].owners[0]', (d) => (service(d).owners = [42])),
  bent('an unknown account', 'services[0].account', (d) => (service(d).account = 'agora-mian')),
  bent('a service replaced by itself', 'services[0].replacedBy', (d) => (service(d).replacedBy = 'live-rtc')),
  bent('an unknown channel', 'services[0].channels[0]', (d) => (service(d).channels = ['pager'])),
  bent('a negative reminder', 'reminderDays[0]', (d) => (d.reminderDays = [-1, 7])),
  bent('a reminder eleven years out', 'reminderDays[0]', (d) => (d.reminderDays = [4000])),
  bent('a reminder as text', 'reminderDays[1]', (d) => (d.reminderDays = [7, 'soon'])),
  bent('a price in lower-case currency', 'services[0].renewalPrice.currency', (d) => {
    Object.assign(service(d), { autoRenew: true, renewalPrice: { amount: 10, currency: 'usd' } });
  }),
  bent('a negative price', 'services[0].renewalPrice.amount', (d) => {
    Object.assign(service(d), { autoRenew: true, renewalPrice: { amount: -10, currency: 'USD' } });
  }),
  bent('a time zone on Mars', 'timeZone', (d) => (d.timeZone = 'Mars/Olympus_Mons')),
  bent('a check at 24:00', 'checkTime', (d) => (d.checkTime = '24:00')),
  bent('an unpadded check time', 'checkTime', (d) => (d.checkTime = '9:30')),
  bent('an unknown calendar', 'calendar', (d) => (d.calendar = 'XX')),
  bent('an unknown vendor', 'accounts[0].vendor', (d) => (d.accounts[0].vendor = 'agoraa')),
  bent('an email channel without an address', 'channels[0].to[0]', (d) => (d.channels[0].to = ['not-an-address'])),
  // YAML tricks
  {
    name: 'a billion laughs',
    text: ['version: 1', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...laughs(), 'services: []'].join('\n'),
    path: '{file}',
    says: /excessive alias count/,
  },
  {
    name: 'a duplicate key',
    text: 'version: 1\nversion: 1\nservices: []\n',
    path: '{file}:2:1',
    says: /duplicate key/,
  },
  {
    name: 'a custom tag',
    text: 'version: 1\nservices: !!js/function "function () {}"\n',
    path: '{file}:2:11',
    says: /unresolved tag/,
  },
  { name: 'a second document', text: 'version: 1\n---\nversion: 1\n', path: '{file}:2:1', says: /a second document/ },
  { name: 'a list for a document', text: '- version: 1\n', path: '(document)' },
  { name: 'a document of one scalar', text: '42\n', path: '(document)' },
];

/** Nine levels of aliases, each ten of the one before: 10^9 strings if expanded. */
function laughs(): string[] {
  const lines: string[] = [];
  const letters = 'bcdefghij';
  for (let i = 0; i < letters.length; i++) {
    const prev = i === 0 ? 'a' : letters[i - 1];
    lines.push(`${letters[i]}: &${letters[i]} [${Array(10).fill(`*${prev}`).join(',')}]`);
  }
  return lines;
}
