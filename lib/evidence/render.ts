/** Renders an evidence report: Markdown for people, JSON for tools. */
import type { EvidenceReport } from './collect';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderEvidenceMarkdown(r: EvidenceReport): string {
  const lines = [
    '# Live evidence',
    '',
    `Generated ${r.generatedAt}, period from ${r.since}. Read-only: Describe, Get and List calls only.`,
    '',
    `Summary: ${r.summary.operating} controls operating, ${r.summary.failing} failing, ${r.summary['not observable']} not observable (control × environment); ${r.controls.filter((c) => c.failedInPeriod).length} failed at some time in the period.`,
    '',
  ];
  for (const e of r.environments) {
    lines.push(`- ${e.name}: account ${e.account}, ${e.region}${e.problems.length ? ` — ${e.problems.join('; ')}` : ''}`);
  }
  lines.push('', '| control | environment | status | detector | source | observed at | detail |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (const c of r.controls) {
    if (c.observations.length === 0) lines.push(`| ${c.control} | ${c.env} | ${c.status} | — | — | — | ${cell(c.reason ?? '')} |`);
    for (const o of c.observations) lines.push(`| ${c.control} | ${c.env} | ${c.status} | ${cell(o.detector)} | ${cell(o.source)} | ${o.observedAt} | ${cell(o.detail)} |`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderEvidenceJson(r: EvidenceReport): string {
  return `${JSON.stringify(r, undefined, 2)}\n`;
}

/** The lines a terminal shows: the summary, and each failing or unobservable control with why. */
export function summaryLines(r: EvidenceReport): string[] {
  const out = [
    `evidence: ${r.summary.operating} operating, ${r.summary.failing} failing, ${r.summary['not observable']} not observable; ${r.controls.filter((c) => c.failedInPeriod).length} failed at some time in the period`,
  ];
  for (const e of r.environments) for (const p of e.problems) out.push(`${e.name}: ${p}`);
  for (const c of r.controls.filter((x) => x.status === 'failing')) {
    out.push(`FAILING ${c.control} in ${c.env}: ${c.observations.filter((o) => o.status === 'failing').map((o) => `${o.detector}: ${o.detail}`).join('; ')}`);
  }
  const reasons = new Set(r.controls.flatMap((c) => c.observations.filter((o) => o.status === 'not observable').map((o) => `${c.env}: ${o.detail}`)));
  for (const line of reasons) out.push(line);
  return out;
}
