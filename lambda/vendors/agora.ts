import { readAgoraOptions, type AgoraBusiness, type AgoraOptions } from './agora/agora-options';
import { nextArrearsCheck, planEntitlement } from './agora/agora-plan';
import { dailySpendOf, priceOf, readUsageAnswer, round, sumByDay, type AgoraUsageDay } from './agora/agora-usage';
import { AccountSetupError } from './http/account-setup-error';
import { resolveCredentials } from './http/credentials';
import { judgeWithEnvelope, textField } from './http/default-judge';
import { asArray, asObject, callJson, ShapeProblem } from './http/json-call';
import { basicAuthorization, baseUrl, urlOf } from './http/request-helpers';
import { addDays, compareDates } from '../core/dates';
import type { AccountConfig } from '../core/model';
import type { VendorCall } from '../core/vendor-http-port';
import type { AccountSnapshot, Money, PollContext, VendorAdapter } from '../core/vendor-port';

/** A project of `/dev/v1/projects`, without its `sign_key` (the App Certificate: a secret we never keep). */
interface AgoraProject {
  readonly id: string;
  readonly name: string;
  readonly appId: string;
  readonly enabled: boolean;
}

const judge = judgeWithEnvelope((body) => ({ message: textField(body, 'message') }));

/**
 * Agora (vendor-apis.md §1). Agora has no balance API, only projects and daily usage in seconds, so:
 * - **daily spend** is the usage of the selected projects (`appIds`, default every enabled project),
 *   in money with a declared price table (`prices`), else in minutes; each project's own share is
 *   reported too (`scopedUsage`, `scope` = its App ID);
 * - the **balance** is an *estimate* (`estimated: true`), only with a declared top-up (`topUp`): its
 *   amount minus the priced usage from its date (inclusive) to yesterday;
 * - a declared prepaid `plan` becomes an entitlement ending with the month (renewal on the 25th).
 *
 * Usage is read for whole UTC days up to yesterday: Agora's figures for today keep changing. The
 * estimate ignores free minutes and today's usage, and includes only the selected projects.
 *
 * Options: `appIds`, `business` (default `[default]`), `usageDays` (default 30), `prices`
 * (`{ currency, perThousandMinutes: { durationAudioAll: 0.99, ... } }`), `topUp` (`{ amount, currency,
 * date }`), `plan`. Secret fields: `customerKey`, `customerSecret`.
 */
export class AgoraVendor implements VendorAdapter {
  readonly vendor = 'agora' as const;

  async poll(account: AccountConfig, ctx: PollContext): Promise<AccountSnapshot> {
    const today = ctx.now.toISOString().slice(0, 10);
    const options = readAgoraOptions(account, today);
    const { customerKey, customerSecret } = await resolveCredentials(account, ctx, ['customerKey', 'customerSecret']);
    const base = baseUrl(account, 'https://api.agora.io');
    const call = (operation: string, path: string, query?: Record<string, string>): VendorCall => ({
      vendor: 'agora',
      accountId: account.id,
      operation,
      prepare: () => ({
        method: 'GET',
        url: urlOf(base, path, query),
        headers: {
          authorization: basicAuthorization(customerKey, customerSecret),
          'content-type': 'application/json',
          accept: 'application/json',
        },
      }),
      judge,
    });

    // The doc says /dev/v1/projects succeeds with 201, even for a GET; any 2xx is taken.
    const all = await callJson(ctx.http, call('GET /dev/v1/projects', '/dev/v1/projects'), readProjects);
    const projects = selectProjects(account, all, options);

    const yesterday = addDays(today, -1);
    const spendFrom = addDays(today, -options.usageDays);
    const from = options.topUp && compareDates(options.topUp.date, spendFrom) < 0 ? options.topUp.date : spendFrom;
    const perProject = await Promise.all(
      projects.map(async (project) => {
        const answers = await Promise.all(
          options.business.map((business: AgoraBusiness) =>
            callJson(
              ctx.http,
              call('GET /dev/v3/usage', '/dev/v3/usage', {
                project_id: project.id,
                from_date: from,
                to_date: yesterday,
                business,
              }),
              readUsageAnswer,
            ),
          ),
        );
        return { project, answers: answers.flat() };
      }),
    );
    const days = sumByDay(perProject.flatMap((p) => p.answers));
    const isRecent = (d: AgoraUsageDay) => compareDates(d.date, spendFrom) >= 0;
    const recent = days.filter(isRecent);
    // /dev/v3/usage answers per project (vendor-apis.md §1.1), and a project's App ID is its `vendor_key`:
    // each project's own usage is kept under its App ID, so the service that names that App ID owns it
    const scopedUsage = perProject.flatMap(({ project, answers }) =>
      dailySpendOf(sumByDay(answers).filter(isRecent), options.prices, account).map((d) => ({
        ...d,
        scope: project.appId,
      })),
    );

    return {
      accountId: account.id,
      vendor: 'agora',
      takenAt: ctx.now.toISOString(),
      ...(options.topUp && { balance: estimatedBalance(account, options, days) }),
      dailySpend: dailySpendOf(recent, options.prices, account),
      ...(scopedUsage.length > 0 && { scopedUsage }),
      entitlements: options.plan ? [planEntitlement(options.plan, today)] : [],
      raw: {
        projects,
        usageWindow: { from, to: yesterday, business: options.business },
        usage: days,
        rules: { nextArrearsCheck: nextArrearsCheck(today), arrearsThreshold: '50 USD', graceHours: 24 },
      },
    };
  }
}

function readProjects(json: unknown): AgoraProject[] {
  return asArray(asObject(json, 'the answer').projects, '"projects"').map((entry, i) => {
    const p = asObject(entry, `projects[${i}]`);
    const id = typeof p.id === 'number' ? String(p.id) : p.id;
    if (typeof id !== 'string' || id === '') throw new ShapeProblem(`projects[${i}].id is missing`);
    if (typeof p.vendor_key !== 'string') throw new ShapeProblem(`projects[${i}].vendor_key is missing`);
    return {
      id,
      name: typeof p.name === 'string' ? p.name : id,
      appId: p.vendor_key,
      enabled: p.status === undefined || Number(p.status) === 1,
    };
  });
}

function selectProjects(account: AccountConfig, all: readonly AgoraProject[], options: AgoraOptions): AgoraProject[] {
  if (!options.appIds) return all.filter((p) => p.enabled);
  const missing = options.appIds
    .map((appId, i) => ({ appId, i }))
    .filter(({ appId }) => !all.some((p) => p.appId === appId));
  if (missing.length > 0) {
    throw new AccountSetupError(
      'agora',
      account.id,
      missing.map(({ appId, i }) => `option appIds[${i}]: no project with App ID ${appId} in this Agora account`),
    );
  }
  return options.appIds.map((appId) => all.find((p) => p.appId === appId) as AgoraProject);
}

function estimatedBalance(account: AccountConfig, options: AgoraOptions, days: readonly AgoraUsageDay[]): Money {
  const topUp = options.topUp!;
  const prices = options.prices!;
  const spent = days
    .filter((d) => compareDates(d.date, topUp.date) >= 0)
    .reduce((sum, day) => sum + priceOf(day, prices, account), 0);
  return { amount: round(topUp.amount - spent, 2), currency: topUp.currency, estimated: true };
}
