/**
 * The adopter's deployment: the deployment suite over the configuration `npx cdk synth` reads
 * now (config/deployment.yaml, else the shipped example). Passes for any valid configuration.
 */
import { liveDeployment } from '../support/deployment';
import { describeDeployment } from './suite';

describeDeployment('live deployment', liveDeployment);
