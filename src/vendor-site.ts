/**
 * Which of a vendor's sites the account lives on. It picks the API host and the currency the balance
 * is read in (Tencent Cloud reports fen on the China site and US cents on the international one).
 */
export enum VendorSite {
  /** The mainland China site (cloud.tencent.com, aliyun.com, huaweicloud.com). */
  CN = 'cn',
  /** The international site (tencentcloud.com, alibabacloud.com, huaweicloud.com/intl). */
  INTL = 'intl',
}
