/**
 * The committed controls report (docs/controls.md and .json) must match the catalog, the tests and
 * the acknowledgements as they are now. When this fails, run `npm run docs` and commit the result.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CATALOG } from '../lib/controls/catalog';
import { readTestTitles } from '../lib/controls/coverage';
import { buildControlsReport, renderControlsJson, renderControlsMarkdown } from '../lib/report/controls-report';
import { acknowledgements } from './support/synth';

const DOCS = path.join(__dirname, '..', 'docs');

describe('controls report', () => {
  const entries = buildControlsReport(CATALOG, readTestTitles(__dirname), acknowledgements());

  test('lists every control of the catalog, organisational and customer ones with their reasons', () => {
    expect(entries.map((e) => e.id)).toEqual(CATALOG.map((c) => c.id));
    const md = renderControlsMarkdown(entries);
    for (const c of CATALOG) expect(md).toContain(`| ${c.id} |`);
    for (const c of CATALOG.filter((x) => x.kind !== 'enforced')) expect(c.reason && md.includes(c.reason.replace(/\|/g, '\\|').replace(/\n/g, ' '))).toBeTruthy();
  });

  test('docs/controls.md is up to date (run `npm run docs`)', () => {
    expect(fs.readFileSync(path.join(DOCS, 'controls.md'), 'utf8')).toEqual(renderControlsMarkdown(entries));
  });

  test('docs/controls.json is up to date (run `npm run docs`)', () => {
    expect(fs.readFileSync(path.join(DOCS, 'controls.json'), 'utf8')).toEqual(renderControlsJson(entries));
  });
});
