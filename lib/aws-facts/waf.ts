/**
 * The range WAF accepts for a rate-based rule's limit (requests per evaluation window):
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-wafv2-webacl-ratebasedstatement.html
 */
export const WAF_RATE_LIMIT = { min: 10, max: 2_000_000_000 } as const;
