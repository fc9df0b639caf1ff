/**
 * Weakening fixtures of the edge controls (lib/controls/catalog/edge.ts, area 'edge'), run by
 * test/controls-diff-weakenings.test.ts.
 */
import { add, first, lbAttribute, remove, tag } from './edit';
import type { Templates, Weakening } from './types';

const httpsListener = (t: Templates) => first(t, 'AWS::ElasticLoadBalancingV2::Listener', (p) => p.Protocol === 'HTTPS', 'HTTPS listener');
const httpRedirect = (t: Templates) =>
  first(t, 'AWS::ElasticLoadBalancingV2::Listener', (p) => p.Protocol === 'HTTP' && (p.DefaultActions ?? []).some((a: any) => a.Type === 'redirect'), 'HTTP listener redirecting to HTTPS');
const webAcl = (t: Templates) => first(t, 'AWS::WAFv2::WebACL');
const rateRule = (t: Templates) => {
  const rule = (webAcl(t).props.Rules ?? []).find((r: any) => r.Statement?.RateBasedStatement !== undefined);
  if (!rule) throw new Error('no rate-based rule in the web ACL');
  return rule;
};
const internetFacingLb = (t: Templates) => first(t, 'AWS::ElasticLoadBalancingV2::LoadBalancer', (p) => p.Scheme === 'internet-facing', 'internet-facing load balancer');
/** The security group that admits HTTPS from the internet (the load balancer's). */
const edgeGroup = (t: Templates) =>
  first(t, 'AWS::EC2::SecurityGroup', (p) => (p.SecurityGroupIngress ?? []).some((r: any) => r.CidrIp === '0.0.0.0/0' && r.FromPort === 443), 'security group admitting HTTPS from the internet');

export const WEAKENINGS: readonly Weakening[] = [
  {
    control: 'EDGE-HTTPS-ONLY',
    title: 'makes the HTTP listener forward to the targets instead of redirecting to HTTPS',
    weaken: (t) => {
      httpRedirect(t).props.DefaultActions = httpsListener(t).props.DefaultActions;
    },
    neutral: (t) => {
      httpRedirect(t).props.DefaultActions[0].RedirectConfig.StatusCode = 'HTTP_302';
    },
  },
  {
    control: 'EDGE-TLS-POLICY',
    title: 'lowers the HTTPS listener to a TLS 1.1 policy',
    weaken: (t) => {
      httpsListener(t).props.SslPolicy = 'ELBSecurityPolicy-TLS-1-1-2017-01';
    },
    neutral: (t) => {
      // The same tier: TLS 1.2 minimum, forward-secret AEAD ciphers only.
      httpsListener(t).props.SslPolicy = 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06';
    },
  },
  {
    control: 'EDGE-WAF',
    title: 'detaches the web ACL from the load balancer',
    weaken: (t) => remove(t, first(t, 'AWS::WAFv2::WebACLAssociation')),
    neutral: (t) => tag(webAcl(t)),
  },
  {
    control: 'EDGE-WAF',
    title: 'switches a managed rule group to count only',
    weaken: (t) => {
      const managed = (webAcl(t).props.Rules ?? []).find((r: any) => r.Statement?.ManagedRuleGroupStatement !== undefined && r.OverrideAction?.None !== undefined);
      if (!managed) throw new Error('no blocking managed rule group in the web ACL');
      managed.OverrideAction = { Count: {} };
    },
    neutral: (t) => {
      webAcl(t).props.Description = 'Reworded description';
    },
  },
  {
    control: 'EDGE-WAF-RATE-LIMIT',
    title: 'raises the per-IP rate limit tenfold',
    weaken: (t) => {
      const rate = rateRule(t).Statement.RateBasedStatement;
      rate.Limit = Number(rate.Limit) * 10;
    },
    neutral: (t) => {
      rateRule(t).VisibilityConfig.MetricName = 'RateLimitPerClientIp';
    },
  },
  {
    control: 'EDGE-WAF-RATE-LIMIT',
    title: 'switches the rate-based rule to count only',
    weaken: (t) => {
      rateRule(t).Action = { Count: {} };
    },
    neutral: (t) => {
      // The same rate over a shorter window: 2,000 per 300 s is 400 per 60 s.
      const rate = rateRule(t).Statement.RateBasedStatement;
      rate.Limit = (Number(rate.Limit) * 60) / Number(rate.EvaluationWindowSec ?? 300);
      rate.EvaluationWindowSec = 60;
    },
  },
  {
    control: 'EDGE-WAF-LOGGING',
    title: "removes the web ACL's logging configuration",
    weaken: (t) => remove(t, first(t, 'AWS::WAFv2::LoggingConfiguration')),
    neutral: (t) => {
      first(t, 'AWS::WAFv2::LoggingConfiguration').props.RedactedFields.push({ SingleHeader: { Name: 'x-api-key' } });
    },
  },
  {
    control: 'EDGE-WAF-LOGGING',
    title: 'stops redacting the authorization header in WAF logs',
    weaken: (t) => {
      const logging = first(t, 'AWS::WAFv2::LoggingConfiguration');
      logging.props.RedactedFields = logging.props.RedactedFields.filter((f: any) => f.SingleHeader?.Name !== 'authorization');
    },
    neutral: (t) => {
      const logging = first(t, 'AWS::WAFv2::LoggingConfiguration');
      logging.props.RedactedFields = [...logging.props.RedactedFields].reverse();
    },
  },
  {
    control: 'EDGE-WAF-LOGGING',
    title: 'logs every request, not only those a rule acted on',
    weaken: (t) => {
      first(t, 'AWS::WAFv2::LoggingConfiguration', (p) => p.LoggingFilter?.DefaultBehavior === 'DROP', 'WAF logging that drops by default').props.LoggingFilter.DefaultBehavior = 'KEEP';
    },
    neutral: (t) => {
      const filter = first(t, 'AWS::WAFv2::LoggingConfiguration', (p) => p.LoggingFilter?.DefaultBehavior === 'DROP', 'WAF logging that drops by default').props.LoggingFilter.Filters[0];
      filter.Conditions = [...filter.Conditions].reverse();
    },
  },
  {
    control: 'EDGE-DDOS-SHIELD',
    title: "removes the load balancer's Shield Advanced protection",
    weaken: (t) => remove(t, first(t, 'AWS::Shield::Protection')),
    neutral: (t) => tag(first(t, 'AWS::Shield::Protection')),
  },
  {
    control: 'EDGE-ALB-ACCESS-LOGS',
    title: "turns the load balancer's access logs off",
    weaken: (t) => {
      lbAttribute(internetFacingLb(t), 'access_logs.s3.enabled').Value = 'false';
    },
    neutral: (t) => {
      lbAttribute(internetFacingLb(t), 'access_logs.s3.prefix').Value = 'edge';
    },
  },
  {
    control: 'EDGE-INTERNET-EXPOSURE',
    title: "opens TCP 8443 to the internet on the load balancer's security group",
    weaken: (t) => {
      edgeGroup(t).props.SecurityGroupIngress.push({ IpProtocol: 'tcp', FromPort: 8443, ToPort: 8443, CidrIp: '0.0.0.0/0', Description: 'Admin console' });
    },
    neutral: (t) => {
      edgeGroup(t).props.SecurityGroupIngress[0].Description = 'Reworded description';
    },
  },
  {
    control: 'EDGE-INTERNET-EXPOSURE',
    title: 'adds a second internet-facing load balancer',
    weaken: (t) => {
      const lb = internetFacingLb(t);
      add(t, lb.stack, 'SecondLoadBalancer', structuredClone(lb.resource));
    },
    neutral: (t) => {
      const lb = internetFacingLb(t);
      add(t, lb.stack, 'InternalLoadBalancer', { ...structuredClone(lb.resource), Properties: { ...structuredClone(lb.props), Scheme: 'internal' } });
    },
  },
];
