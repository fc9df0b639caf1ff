import * as fs from 'fs';
import * as path from 'path';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { ENVIRONMENTS } from './support/fixture';
import { loadEnvironments } from '../lib/config/load';
import { ALARMS_START, embedAlarmTable, renderAlarmTable, runbookOf } from '../lib/report/alarm-table';
import { environmentTemplates } from '../lib/report/environment-templates';
import { allResources } from './support/synth';

const root = path.join(__dirname, '..');

describe('alarms and alerts in docs/alarms.md', () => {
  test('INC-ALARM-ACTIONS: every stack with an alarm or a paging rule has a runbook, and the runbook anchor exists', () => {
    const stacks = new Set(allResources().filter((r) => r.type === 'AWS::CloudWatch::Alarm' || r.type === 'AWS::Events::Rule').map((r) => r.stackId));
    for (const stackId of stacks) {
      const runbook = runbookOf(stackId);
      if (stackId === 'Backup' || stackId === 'Alerting' || runbook) {
        expect({ stackId, runbook: Boolean(runbook) }).toEqual({ stackId, runbook: true });
        const [file, anchor] = runbook!.split('#');
        const headings = fs.readFileSync(path.join(root, file), 'utf8').split('\n').filter((l) => l.startsWith('#'));
        const slugs = headings.map((h) => h.replace(/^#+\s*/, '').toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-'));
        expect({ runbook, found: slugs.includes(anchor) }).toEqual({ runbook, found: true });
      }
    }
  });

  test('the alarm table in docs/alarms.md lists every alarm and alert of production (run `npm run docs`)', () => {
    const readme = fs.readFileSync(path.join(root, 'docs', 'alarms.md'), 'utf8');
    expect(readme).toContain(ALARMS_START);
    const production = environmentTemplates(new CloudAssembly(process.env.SSB_SYNTH_DIR!), loadEnvironments(ENVIRONMENTS, ['production']))[0];
    expect(readme).toEqual(embedAlarmTable(readme, renderAlarmTable(production)));
  });
});
