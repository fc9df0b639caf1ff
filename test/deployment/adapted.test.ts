/**
 * A complete adaptation (adapt.ts) passes the deployment suite with no test edited: what an
 * adopter's `npm test` runs on their own configuration.
 */
import { deploymentUnderTest } from '../support/deployment';
import { adapted, asAdopterFile } from './adapt';
import { describeDeployment } from './suite';

describeDeployment('adapted copy of the example', () => deploymentUnderTest(asAdopterFile(adapted())));
