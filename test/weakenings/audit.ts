/**
 * Weakening fixtures of the audit controls (AUD-*, LOG-* of lib/controls/catalog/audit.ts): the
 * trail, its data events and bucket, and log hygiene, run by test/controls-diff-weakenings.test.ts.
 */
import { BACKUP_TAG } from '../../lib/constants/tags';
import { first, tag } from './edit';
import type { Templates, Weakening } from './types';

const TRAIL = 'AWS::CloudTrail::Trail';
const trail = (t: Templates) => first(t, TRAIL);
const isDataSelector = (s: any) => s.FieldSelectors?.some((f: any) => f.Field === 'eventCategory' && f.Equals?.includes('Data'));

/** The bucket the trail writes to, found through the trail's S3BucketName reference. */
function trailBucket(t: Templates) {
  const found = first(t, TRAIL, (p) => typeof p.S3BucketName?.Ref === 'string', 'trail writing to a bucket of its stack');
  const bucket = t[found.stack].Resources[found.props.S3BucketName.Ref];
  if (!bucket?.Properties?.ObjectLockConfiguration?.Rule?.DefaultRetention) throw new Error('the trail bucket has no default Object Lock retention to edit');
  if (bucket.Properties.Tags?.some((x: any) => x.Key === BACKUP_TAG.key)) throw new Error('the trail bucket carries the backup tag');
  return { stack: found.stack, logicalId: found.props.S3BucketName.Ref, resource: bucket, props: bucket.Properties };
}

const parameterGroupWith = (t: Templates, parameter: string) =>
  first(t, 'AWS::RDS::DBClusterParameterGroup', (p) => p.Parameters?.[parameter] !== undefined, `parameter group setting ${parameter}`);

export const WEAKENINGS: readonly Weakening[] = [
  {
    control: 'AUD-CLOUDTRAIL',
    title: 'the trail records one region only',
    weaken: (t) => {
      first(t, TRAIL, (p) => p.IsMultiRegionTrail === true).props.IsMultiRegionTrail = false;
    },
    neutral: (t) => tag(trail(t)),
  },
  {
    control: 'AUD-DATA-EVENTS',
    title: 'the S3 data-event selector is dropped while the management one stays',
    weaken: (t) => {
      const p = first(t, TRAIL, (x) => x.AdvancedEventSelectors?.some(isDataSelector), 'trail with a data-event selector').props;
      p.AdvancedEventSelectors = p.AdvancedEventSelectors.filter((s: any) => !isDataSelector(s));
    },
    neutral: (t) => tag(trail(t)),
  },
  {
    control: 'AUD-TRAIL-BUCKET',
    title: 'the trail bucket locks logs for 30 days instead of a year',
    weaken: (t) => {
      trailBucket(t).props.ObjectLockConfiguration.Rule.DefaultRetention.Days = 30;
    },
    neutral: (t) => tag(trailBucket(t)),
  },
  {
    control: 'LOG-ENCRYPTED-RETAINED',
    title: 'a log group keeps events for a week',
    weaken: (t) => {
      first(t, 'AWS::Logs::LogGroup', (p) => p.RetentionInDays > 7).props.RetentionInDays = 7;
    },
    neutral: (t) => tag(first(t, 'AWS::Logs::LogGroup')),
  },
  {
    control: 'LOG-NO-CLIENT-CONTENT',
    title: 'pgaudit writes the bound values of statements into the database log',
    weaken: (t) => {
      parameterGroupWith(t, 'pgaudit.log_parameter').props.Parameters['pgaudit.log_parameter'] = '1';
    },
    neutral: (t) => {
      parameterGroupWith(t, 'log_temp_files').props.Parameters.log_temp_files = '204800';
    },
  },
];
