/**
 * How far apart the runs of an AWS schedule expression can be: `rate(…)` or the six-field
 * `cron(minutes hours day-of-month month day-of-week year)` that AWS Backup, Secrets Manager and
 * EventBridge accept (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).
 *
 * The result is the longest gap between two consecutive runs, in hours, with every month
 * counted as 31 days: a rule that must prove "at most N days apart" stays on the safe side.
 */

const HOUR = 1;
const DAY = 24 * HOUR;
const MONTH = 31 * DAY;

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** The frequency tiers of seed 001's backup schedule, finest first. */
export type Frequency = 'hourly' | 'daily' | 'weekly' | 'monthly';

/** The longest gap each tier allows between two runs, in hours. */
export const FREQUENCY_HOURS: Record<Frequency, number> = { hourly: HOUR, daily: DAY, weekly: 7 * DAY, monthly: MONTH };

/**
 * The longest interval between two runs of `expression`, in hours.
 * @throws when the expression is neither `rate(…)` nor a six-field `cron(…)`
 */
export function maxIntervalHours(expression: string): number {
  const text = expression.trim();
  const rate = /^rate\(\s*(\d+)\s+(minutes?|hours?|days?)\s*\)$/i.exec(text);
  if (rate) {
    const n = Number(rate[1]);
    const unit = rate[2].toLowerCase();
    return unit.startsWith('minute') ? n / 60 : unit.startsWith('hour') ? n * HOUR : n * DAY;
  }
  const cron = /^cron\((.+)\)$/i.exec(text);
  if (!cron) throw new Error(`unsupported schedule expression ${JSON.stringify(expression)}: expected rate(...) or cron(...)`);
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length !== 6) throw new Error(`cron expression ${JSON.stringify(expression)} has ${fields.length} fields, expected 6`);
  const [minutes, hours, dayOfMonth, month, dayOfWeek] = fields;

  // Times of day the expression fires at, in minutes after midnight.
  const times = expand(hours, 0, 23).flatMap((h) => expand(minutes, 0, 59).map((m) => h * 60 + m)).sort((a, b) => a - b);
  const withinDay = times.length > 1 ? Math.max(...times.slice(1).map((t, i) => t - times[i])) / 60 : 0;

  const dayGap = maxDayGap(dayOfMonth, dayOfWeek);
  const acrossDays = dayGap * DAY - (times[times.length - 1] - times[0]) / 60;

  const months = expand(month.toUpperCase(), 1, 12, MONTH_NAMES);
  const monthGap = cyclicMaxGap(months, 12);
  const acrossMonths = monthGap > 1 ? monthGap * MONTH : 0;

  return Math.max(withinDay, acrossDays, acrossMonths);
}

/** The frequency tier of an expression: the finest tier whose gap it does not exceed, or undefined (rarer than monthly). */
export function frequencyOf(expression: string): Frequency | undefined {
  const hours = maxIntervalHours(expression);
  return (Object.keys(FREQUENCY_HOURS) as Frequency[]).find((f) => hours <= FREQUENCY_HOURS[f]);
}

/** The longest gap, in days, between two days the day-of-month and day-of-week fields select. */
function maxDayGap(dayOfMonth: string, dayOfWeek: string): number {
  const anyDom = dayOfMonth === '*' || dayOfMonth === '?';
  const anyDow = dayOfWeek === '*' || dayOfWeek === '?';
  if (anyDom && anyDow) return 1;
  if (!anyDow) {
    // `2#1` (first Monday) and `6L` (last Friday) fire once a month.
    if (/[#L]/i.test(dayOfWeek)) return MONTH / DAY;
    return cyclicMaxGap(expand(dayOfWeek.toUpperCase(), 1, 7, DAY_NAMES, 1), 7);
  }
  // `L` (last day) and `15W` (nearest weekday) fire once a month; lists are counted on a 31-day month.
  if (/[LW]/i.test(dayOfMonth)) return MONTH / DAY;
  return cyclicMaxGap(expand(dayOfMonth, 1, 31), 31);
}

/** The longest gap between consecutive members of `values` on a cycle of `period`. */
function cyclicMaxGap(values: number[], period: number): number {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error('a cron field selects nothing');
  const gaps = sorted.slice(1).map((v, i) => v - sorted[i]);
  gaps.push(sorted[0] + period - sorted[sorted.length - 1]);
  return Math.max(...gaps);
}

/** The values one cron field selects: `*`, `n`, `a-b`, `*\/s`, `a/s`, `a-b/s` and comma lists of them. */
function expand(field: string, min: number, max: number, names: string[] = [], nameBase = min): number[] {
  const value = (token: string): number => {
    const named = names.indexOf(token);
    const n = named >= 0 ? named + nameBase : Number(token);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`cron field value ${JSON.stringify(token)} is outside ${min}-${max}`);
    return n;
  };
  return field.split(',').flatMap((part) => {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`cron step ${JSON.stringify(part)} is not a positive integer`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') [lo, hi] = [min, max];
    else if (range.includes('-')) [lo, hi] = range.split('-').map(value) as [number, number];
    else [lo, hi] = [value(range), stepText === undefined ? value(range) : max];
    const out: number[] = [];
    for (let v = lo; v <= hi; v += step) out.push(v);
    return out;
  });
}
