/**
 * Field types several sections of the configuration share: the account ID, the region name and
 * the ACM certificate ARN. One definition each, so a section that names a certificate checks it
 * the way every other section does.
 */
import { z } from 'zod';

/**
 * An account ID as a string. YAML reads an unquoted 012345678901 as a number and drops the
 * leading zero, so a number is refused with the fix instead of being converted.
 */
export const accountId = z.string({
  error: (issue) =>
    typeof issue.input === 'number'
      ? 'expected the account ID in quotes (YAML reads an unquoted one as a number and drops leading zeros)'
      : 'expected a 12-digit AWS account ID',
}).regex(/^\d{12}$/, { error: 'expected a 12-digit AWS account ID' });

/** An AWS region name; whether the baseline knows its zones is checked in `validate/`. */
export const region = z
  .string()
  .regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/, { error: 'expected an AWS region name such as ap-southeast-1' });

const ACM_ARN_EXPECTED = 'expected an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<uuid>)';
/** An ACM certificate ARN; that it lies in the environment's region and account is checked in `validate/`. */
export const acmCertificateArn = z
  .string({ error: ACM_ARN_EXPECTED })
  .regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/, { error: ACM_ARN_EXPECTED });

