/** How a service is paid for, which decides what can lapse. The values are the ones the config document uses. */
export enum ServiceKind {
  /** A monthly or yearly plan that ends on a date unless renewed. */
  SUBSCRIPTION = 'subscription',
  /** A balance topped up before use; it lapses when the balance runs dry. */
  PREPAID = 'prepaid',
  /** Billed after use and paid by a deadline. */
  POSTPAID = 'postpaid',
  /** A negotiated contract with an end date (and often a notice period). */
  CONTRACT = 'contract',
  /** A resource package (minutes, traffic) that expires or is used up. */
  PACKAGE = 'package',
  /** An SDK version or support plan leaving its support window. */
  SDK_SUPPORT = 'sdk-support',
  /**
   * A card or bank mandate that expires: the auto-renewing services it pays for (`paysFor`) are at risk
   * as it nears expiry.
   */
  PAYMENT_METHOD = 'payment-method',
}
