/**
 * Agora usage kinds (`business` of `GET /dev/v3/usage`), each read with one request per project and day
 * range (vendor-apis.md §1: the documented `business` values).
 */
export enum AgoraBusiness {
  /** Audio and video, excluding Miniapp. */
  DEFAULT = 'default',
  /** Transcoding duration. */
  TRANSCODE_DURATION = 'transcodeDuration',
  /** On-premise recording. */
  RECORDING = 'recording',
  /** Cloud recording. */
  CLOUD_RECORDING = 'cloudRecording',
  /** Miniapp audio and video. */
  MINIAPP = 'miniapp',
}

/**
 * Agora RTC prepaid plan tiers. Free has nothing to renew, so it is not one of them. A declared plan
 * becomes an entitlement that ends with the month and auto-renews on the 25th (Agora's documented rule;
 * no API reports the plan).
 */
export enum AgoraPlan {
  /** Starter. */
  STARTER = 'starter',
  /** Pro. */
  PRO = 'pro',
  /** Business. */
  BUSINESS = 'business',
  /** Business Plus. */
  BUSINESS_PLUS = 'business-plus',
  /** Enterprise. */
  ENTERPRISE = 'enterprise',
}

/** How the Vonage API key and secret are sent. */
export enum VonageAuthStyle {
  /** HTTP Basic auth: the secret stays out of URLs and proxy logs. */
  HEADER = 'header',
  /** `api_key` and `api_secret` query parameters, for gateways that strip `Authorization`. */
  QUERY = 'query',
}

/** Prices of Agora usage, per 1,000 minutes: they turn daily usage into money, and a declared top-up into an estimated balance. */
export interface AgoraPrices {
  /** ISO 4217 code of the prices (`USD`, `CNY`); a top-up must be in the same currency. */
  readonly currency: string;

  /**
   * Price per 1,000 minutes of each `/dev/v3/usage` field (`durationAudioAll`, `durationVideoHd`,
   * `durationVideo1080P` ...); each 0 or more, at least one.
   */
  readonly perThousandMinutes: { [usageField: string]: number };
}

/** The last top-up of an Agora account: the estimated balance is this amount minus the priced usage since `date`. */
export interface AgoraTopUp {
  /** The amount paid in, 0 or more. */
  readonly amount: number;

  /** ISO 4217 code of the amount; must be `prices.currency`. */
  readonly currency: string;

  /**
   * The day of the top-up (`YYYY-MM-DD`, UTC), counted in full: not in the future, and within the year
   * of usage Agora answers.
   */
  readonly date: string;
}

/** Prices of Tencent TRTC usage, per 1,000 minutes: they turn daily minutes into money, and so give a runway. */
export interface TencentPrices {
  /** The account's balance currency: `CNY` on the China site, `USD` on the international one. */
  readonly currency: string;

  /**
   * Price per 1,000 minutes of each `DescribeTrtcUsage` category (`Audio`, `SD`, `HD`, `FullHD`, `2K`,
   * `4K`); each 0 or more, at least one. A category with usage but no price fails the account rather
   * than counting as free.
   */
  readonly perThousandMinutes: { [category: string]: number };
}
