/**
 * The links' routes (behind a function URL or an HTTP API, see ./http.ts), over injected dependencies
 * so tests can run them against dynalite and a fake secret:
 *
 * - `GET /ack?t=<token>`: a verified link shows what it acknowledges and asks for one click (scanners
 *   and unfurlers open links by themselves); an acknowledgement that already holds is said so at once.
 * - `POST /ack` (form field `t`): records the acknowledgement; a replay answers "already acknowledged".
 * - `GET /calendar.ics?token=<feed token>`: the expiry calendar, with the expiries the last polls saw.
 * - `GET /report?t=<token>`: a digest's link (action `report`) answers the HTML report, read from the
 *   registry as `renewal-guard report` reads the embedded store.
 * - a bad, expired or malformed token: 403 and one generic page; anything else: 404.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  calendarResponse,
  readRequest,
  reportResponse,
  type HttpRequest,
  type HttpResponse,
  type LinkEvent,
} from './http';
import { readLinkSecret, type LinkSecret } from './link-secret';
import { pageTextFor } from './page-text';
import { acknowledgedPage, alreadyPage, confirmPage, errorPage, forbiddenPage, notFoundPage } from './pages';
import { verifyAckToken, type AckAction, type AckClaims } from '../../core/ack/ack-token';
import { ACK_TOKEN_PARAM } from '../../core/ack/ack-url';
import { acknowledgementFromClaims, acknowledgementHolds, type Acknowledgement } from '../../core/ack/acknowledgement';
import { alertKeySubject } from '../../core/ack/alert-key-subject';
import { localDate, localTime } from '../../core/dates';
import type { CycleLogger } from '../../core/delivery-port';
import { errorMessage } from '../../core/errors';
import type { GuardConfig } from '../../core/model';
import { ackRoot } from '../../core/policy/policy-keys';
import { withPolledExpiries } from '../../core/policy/renewal-confirmation';
import type { Registry } from '../../core/registry-port';
import type { SecretResolver } from '../../core/vendor-port';
import { renderCalendar } from '../../ics/render-calendar';
import { buildReportData } from '../../report/report-data';
import { renderReport } from '../../report/report-page';
import { readReportSources } from '../../report/report-sources';

export const ACK_ROUTE = '/ack';
export const CALENDAR_ROUTE = '/calendar.ics';
export const REPORT_ROUTE = '/report';
/** A report link opens the report only, and /ack (which accepts ack and snooze) refuses it. */
const REPORT_ONLY: readonly AckAction[] = ['report'];
export const FEED_TOKEN_PARAM = 'token';

export interface AckAndCalendarDeps {
  readonly config: GuardConfig;
  readonly registry: Pick<Registry, 'acknowledge' | 'getAcknowledgement' | 'listServices' | 'listAccountStates'>;
  readonly secrets: SecretResolver;
  /** Name of the secret holding `{ linkSigningKey, feedToken }`. */
  readonly secretName: string;
  readonly clock: () => Date;
  readonly logger: CycleLogger;
}

export type AckAndCalendarHandler = (event: LinkEvent) => Promise<HttpResponse>;

export function createAckAndCalendarHandler(deps: AckAndCalendarDeps): AckAndCalendarHandler {
  const { config, registry, logger } = deps;
  const text = pageTextFor(config.language);
  const when = (iso: string) => {
    const instant = new Date(iso);
    return `${localDate(instant, config.timeZone)} ${localTime(instant, config.timeZone)} (${config.timeZone})`;
  };
  let warned = false;
  const linkSecret = async (): Promise<LinkSecret> => {
    const secret = await readLinkSecret(deps.secrets, deps.secretName);
    if (!warned) secret.warnings.forEach((warning) => logger.warn(warning));
    warned = true;
    return secret;
  };

  /**
   * The claims of a valid token, or undefined after logging why not (never the token itself). A link on
   * an escalation or a repeat acknowledges its episode, so the claims name the episode's root key.
   */
  const verified = async (token: string, now: Date): Promise<AckClaims | undefined> => {
    const verdict = verifyAckToken(token, (await linkSecret()).linkSigningKey, now);
    if (verdict.ok) return { ...verdict.claims, key: ackRoot(verdict.claims.key) };
    logger.warn('acknowledge link refused', { reason: verdict.reason });
    return undefined;
  };

  const already = (claims: AckClaims, ack: Acknowledgement) =>
    alreadyPage(
      text,
      alertKeySubject(claims.key, config),
      when(ack.at),
      ack.until === undefined ? undefined : when(ack.until),
    );

  async function showAck(request: HttpRequest): Promise<HttpResponse> {
    const now = deps.clock();
    const token = request.query.get(ACK_TOKEN_PARAM) ?? '';
    const claims = await verified(token, now);
    if (!claims) return forbiddenPage(text);
    const existing = await registry.getAcknowledgement(claims.key);
    if (existing && acknowledgementHolds(existing, now)) return already(claims, existing);
    return confirmPage(text, alertKeySubject(claims.key, config), token, claims.action, claims.snoozeDays);
  }

  async function recordAck(request: HttpRequest): Promise<HttpResponse> {
    const now = deps.clock();
    const claims = await verified(request.form.get(ACK_TOKEN_PARAM) ?? '', now);
    if (!claims) return forbiddenPage(text);
    const entry = acknowledgementFromClaims(claims, now);
    const status = await registry.acknowledge(entry);
    logger.info('acknowledgement', { key: claims.key, action: claims.action, status });
    if (status === 'recorded') {
      return acknowledgedPage(text, alertKeySubject(claims.key, config), entry.until && when(entry.until));
    }
    return already(claims, (await registry.getAcknowledgement(claims.key)) ?? entry);
  }

  async function serveCalendar(request: HttpRequest): Promise<HttpResponse> {
    const { feedToken } = await linkSecret();
    if (feedToken === undefined || !sameSecret(request.query.get(FEED_TOKEN_PARAM) ?? '', feedToken)) {
      logger.warn('calendar feed refused', { reason: feedToken === undefined ? 'feed closed' : 'wrong token' });
      return forbiddenPage(text);
    }
    // a service that follows its vendor entitlement sits on the date the last poll saw, as the reminders do
    const services = withPolledExpiries(config.services, await registry.listAccountStates());
    return calendarResponse(renderCalendar({ ...config, services }, { now: deps.clock() }));
  }

  async function serveReport(request: HttpRequest): Promise<HttpResponse> {
    const now = deps.clock();
    const token = request.query.get(ACK_TOKEN_PARAM) ?? '';
    const verdict = verifyAckToken(token, (await linkSecret()).linkSigningKey, now, REPORT_ONLY);
    if (!verdict.ok) {
      logger.warn('report link refused', { reason: verdict.reason });
      return forbiddenPage(text, text.reportForbidden);
    }
    const { services, accountFacts } = await readReportSources(config, registry);
    const data = buildReportData({ config, services, now, accountFacts });
    logger.info('report served', { services: data.services.length, accounts: data.accounts.length });
    return reportResponse(renderReport(data, config.language));
  }

  return async (event) => {
    const request = readRequest(event);
    try {
      if (request.path === ACK_ROUTE && request.method === 'GET') return await showAck(request);
      if (request.path === ACK_ROUTE && request.method === 'POST') return await recordAck(request);
      if (request.path === CALENDAR_ROUTE && request.method === 'GET') return await serveCalendar(request);
      if (request.path === REPORT_ROUTE && request.method === 'GET') return await serveReport(request);
      return notFoundPage(text);
    } catch (error) {
      // registry or Secrets Manager trouble: the person clicking gets a retry page, the log the reason
      logger.error('request failed', { route: request.path, method: request.method, error: errorMessage(error) });
      return errorPage(text, request.path === REPORT_ROUTE ? text.reportError : text.error);
    }
  };
}

/** Constant time whatever the lengths: both sides are hashed to 32 bytes before the comparison. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
