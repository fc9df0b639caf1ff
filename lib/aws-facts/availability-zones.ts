/**
 * The availability-zone names each commercial and GovCloud region can have, so validation can
 * refuse a zone that does not exist (`ap-southeast-1d`) before anything is synthesized: synthesis
 * never looks zones up (no credentials are needed), and a wrong zone would otherwise surface only
 * as a failed deploy.
 *
 * A zone's name is its region's code followed by a letter ("AWS Availability Zones",
 * https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html).
 * In the oldest regions AWS maps names to physical zones per account, and some accounts see a
 * subset of the letters (us-west-1 shows two of a, b, c; ap-northeast-1 and ca-central-1 skip a
 * letter for newer accounts), so the table holds every letter any account can see there; `aws ec2
 * describe-availability-zones --region <region>` tells which your account has. A region missing
 * here is refused with a message naming this file: add its letters from that page.
 */
export const AVAILABILITY_ZONE_LETTERS: Readonly<Record<string, string>> = {
  'us-east-1': 'abcdef',
  'us-east-2': 'abc',
  'us-west-1': 'abc',
  'us-west-2': 'abcd',
  'af-south-1': 'abc',
  'ap-east-1': 'abc',
  'ap-east-2': 'abc',
  'ap-south-1': 'abc',
  'ap-south-2': 'abc',
  'ap-southeast-1': 'abc',
  'ap-southeast-2': 'abc',
  'ap-southeast-3': 'abc',
  'ap-southeast-4': 'abc',
  'ap-southeast-5': 'abc',
  'ap-southeast-6': 'abc',
  'ap-southeast-7': 'abc',
  'ap-northeast-1': 'abcd',
  'ap-northeast-2': 'abcd',
  'ap-northeast-3': 'abc',
  'ca-central-1': 'abd',
  'ca-west-1': 'abc',
  'eu-central-1': 'abc',
  'eu-central-2': 'abc',
  'eu-west-1': 'abc',
  'eu-west-2': 'abc',
  'eu-west-3': 'abc',
  'eu-south-1': 'abc',
  'eu-south-2': 'abc',
  'eu-north-1': 'abc',
  'il-central-1': 'abc',
  'me-south-1': 'abc',
  'me-central-1': 'abc',
  'mx-central-1': 'abc',
  'sa-east-1': 'abc',
  'us-gov-west-1': 'abc',
  'us-gov-east-1': 'abc',
  'cn-north-1': 'abd',
  'cn-northwest-1': 'abc',
};

/** The zone names a region can have, or `undefined` for a region this table does not know. */
export function availabilityZonesOf(region: string): readonly string[] | undefined {
  const letters = AVAILABILITY_ZONE_LETTERS[region];
  return letters === undefined ? undefined : [...letters].map((l) => `${region}${l}`);
}
