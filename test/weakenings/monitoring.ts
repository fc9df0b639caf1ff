/**
 * Weakening fixtures of the monitoring and incident controls (MON-*, INC-* of
 * lib/controls/catalog/audit.ts), run by test/controls-diff-weakenings.test.ts.
 */
import { CIS_METRIC_NAMESPACE } from '../../lib/constants/metric-namespaces';
import { first, remove, tag, type Found } from './edit';
import type { Templates, Weakening } from './types';

const ALARM = 'AWS::CloudWatch::Alarm';
const RULE = 'AWS::Events::Rule';

const redescribe = (found: Found, key = 'Description') => {
  found.props[key] = `${found.props[key] ?? ''} (reviewed)`;
};

const cisAlarm = (t: Templates) => first(t, ALARM, (p) => p.Namespace === CIS_METRIC_NAMESPACE, 'CIS alarm');
const cpuAlarm = (t: Templates) => first(t, ALARM, (p) => p.Namespace === 'AWS/RDS' && p.MetricName === 'CPUUtilization', 'database CPU alarm');
const guardDutyRouting = (t: Templates) =>
  first(t, RULE, (p) => p.EventPattern?.source?.includes('aws.guardduty') && p.EventPattern?.detail?.severity !== undefined, 'GuardDuty finding rule');
const ruleWithDeadLetters = (t: Templates) => first(t, RULE, (p) => p.Targets?.some((x: any) => x.DeadLetterConfig), 'rule with a dead-lettered target');

export const WEAKENINGS: readonly Weakening[] = [
  {
    control: 'MON-CONFIG-RULES',
    title: 'an AWS Config managed rule is removed',
    weaken: (t) => remove(t, first(t, 'AWS::Config::ConfigRule')),
    neutral: (t) => redescribe(first(t, 'AWS::Config::ConfigRule')),
  },
  {
    control: 'MON-GUARDDUTY',
    title: 'the GuardDuty detector is suspended',
    weaken: (t) => {
      first(t, 'AWS::GuardDuty::Detector', (p) => p.Enable === true).props.Enable = false;
    },
    neutral: (t) => tag(first(t, 'AWS::GuardDuty::Detector')),
  },
  {
    control: 'MON-SECURITY-HUB',
    title: 'a Security Hub standard is disabled',
    weaken: (t) => remove(t, first(t, 'AWS::SecurityHub::Standard')),
    neutral: (t) => {
      first(t, 'AWS::SecurityHub::Hub').props.Tags.review = 'weakening-fixture';
    },
  },
  {
    control: 'MON-CIS-ALARMS',
    title: 'a CIS alarm fires only at ten times its threshold',
    weaken: (t) => {
      const alarm = cisAlarm(t).props;
      alarm.Threshold = Number(alarm.Threshold) * 10;
    },
    neutral: (t) => redescribe(cisAlarm(t), 'AlarmDescription'),
  },
  {
    control: 'MON-OPERATIONAL-ALARMS',
    title: 'the database CPU alarm fires at 99 % instead of 80 %',
    weaken: (t) => {
      cpuAlarm(t).props.Threshold = 99;
    },
    neutral: (t) => redescribe(cpuAlarm(t), 'AlarmDescription'),
  },
  {
    control: 'INC-ALERT-TOPICS',
    title: 'an alert topic is no longer encrypted with a customer-managed key',
    weaken: (t) => {
      delete first(t, 'AWS::SNS::Topic', (p) => p.KmsMasterKeyId !== undefined).props.KmsMasterKeyId;
    },
    neutral: (t) => redescribe(first(t, 'AWS::SNS::Topic'), 'DisplayName'),
  },
  {
    control: 'INC-FINDING-ROUTING',
    title: 'only GuardDuty findings of severity 7 (HIGH) or more page security',
    weaken: (t) => {
      guardDutyRouting(t).props.EventPattern.detail.severity = [{ numeric: ['>=', 7] }];
    },
    neutral: (t) => redescribe(guardDutyRouting(t)),
  },
  {
    control: 'INC-ALERT-DELIVERY',
    title: 'an alert rule target loses its dead-letter queue',
    weaken: (t) => {
      delete ruleWithDeadLetters(t).props.Targets.find((x: any) => x.DeadLetterConfig).DeadLetterConfig;
    },
    neutral: (t) => redescribe(ruleWithDeadLetters(t)),
  },
  {
    control: 'INC-ALARM-ACTIONS',
    title: 'an alarm no longer runs its actions',
    weaken: (t) => {
      first(t, ALARM, (p) => p.ActionsEnabled !== false && p.AlarmActions?.length > 0, 'alarm with actions').props.ActionsEnabled = false;
    },
    neutral: (t) => redescribe(first(t, ALARM), 'AlarmDescription'),
  },
];
