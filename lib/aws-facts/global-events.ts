/**
 * The region where AWS delivers the events of its global endpoints to EventBridge (console
 * sign-in, STS through `sts.amazonaws.com`) in the `aws` partition.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-concepts.html#cloudtrail-concepts-global-service-events
 */
export const GLOBAL_EVENTS_REGION = 'us-east-1';
