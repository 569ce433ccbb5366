/**
 * cdk-nag: the AwsSolutions and Serverless packs check every stack of the app at synth. Any unacknowledged
 * finding (error or warning) fails the synth; acknowledgements live next to the construct they excuse, each
 * with its reason (Validations.of(construct).acknowledge), and are also written into the template's resource
 * Metadata (`cdk_nag.rules_to_suppress`) as an audit trail.
 */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';

export function applyNag(app: App): void {
  Validations.of(app).addPlugins(
    // One pack writing the acknowledgements into the template is enough (the aspect covers all of them).
    new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }),
    new ServerlessChecks(app),
  );
}
