import * as logs from 'aws-cdk-lib/aws-logs';

/**
 * The personal and secret data an application log group masks (LOG-NO-CLIENT-CONTENT; seed 004
 * "Security logs are limited to necessary diagnostics and do not include private client
 * content"): contact details, names and addresses, payment and bank data, identity documents,
 * and credentials that applications tend to print by accident. IP addresses stay visible: they
 * are the diagnostic the security team needs.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL-managed-data-identifiers.html
 */
export const PERSONAL_DATA_IDENTIFIERS: readonly logs.DataIdentifier[] = [
  logs.DataIdentifier.EMAILADDRESS,
  logs.DataIdentifier.NAME,
  logs.DataIdentifier.ADDRESS,
  logs.DataIdentifier.LATLONG,
  logs.DataIdentifier.PHONENUMBER_US,
  logs.DataIdentifier.PHONENUMBER_GB,
  logs.DataIdentifier.CREDITCARDNUMBER,
  logs.DataIdentifier.BANKACCOUNTNUMBER_US,
  logs.DataIdentifier.BANKACCOUNTNUMBER_GB,
  logs.DataIdentifier.PASSPORTNUMBER_US,
  logs.DataIdentifier.PASSPORTNUMBER_GB,
  logs.DataIdentifier.DRIVERSLICENSE_US,
  logs.DataIdentifier.AWSSECRETKEY,
  logs.DataIdentifier.OPENSSHPRIVATEKEY,
  logs.DataIdentifier.PGPPRIVATEKEY,
  logs.DataIdentifier.PKCSPRIVATEKEY,
  logs.DataIdentifier.PUTTYPRIVATEKEY,
];

/**
 * A data protection policy that audits and masks {@link PERSONAL_DATA_IDENTIFIERS} as events
 * are ingested. Masked values can be seen only by principals granted `logs:Unmask`.
 */
export function personalDataProtectionPolicy(description: string): logs.DataProtectionPolicy {
  return new logs.DataProtectionPolicy({
    name: 'mask-personal-data',
    description,
    identifiers: [...PERSONAL_DATA_IDENTIFIERS],
  });
}
