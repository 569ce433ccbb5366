/** The console is deployed by the stack: its files, the configuration written from deployed values, invalidation. */
import type { CfnElement } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { logicalId, resourcesOfType, synthesized } from './stack.ts';

const idOf = (construct: { node: { defaultChild?: unknown } }): string =>
  logicalId(construct.node.defaultChild as CfnElement);

describe('the console deployment', () => {
  it('uploads the built console to the site bucket and invalidates the whole distribution', () => {
    // Prepare
    const site = synthesized().stack.consoleSite;

    // Act
    const deployments = resourcesOfType('Custom::CDKBucketDeployment');

    // Assess
    expect(deployments).toHaveLength(1);
    const [, deployment] = deployments[0] ?? [];
    expect(deployment?.Properties).toMatchObject({
      DestinationBucketName: { Ref: idOf(site.bucket) },
      DistributionId: { Ref: idOf(site.distribution) },
      DistributionPaths: ['/*'],
      WaitForDistributionInvalidation: true,
      Prune: true,
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
  });

  it('writes config.json for the console and the field app from the deployed client, domain and site', () => {
    // Prepare
    const site = synthesized().stack.consoleSite;
    const [, deployment] = resourcesOfType('Custom::CDKBucketDeployment')[0] ?? [];

    // Act
    const markers = deployment?.Properties?.SourceMarkers as Record<string, unknown>[];
    const filled = markers.filter((marker) => Object.keys(marker).length > 0).map((m) => JSON.stringify(m));

    // Assess: the build itself, then config.json and field/config.json, each with the deployed values.
    expect(markers).toHaveLength(3);
    expect(filled).toHaveLength(2);
    for (const marker of filled) {
      expect(marker).toContain(JSON.stringify({ Ref: idOf(site.client) }));
      expect(marker).toContain(JSON.stringify({ Ref: idOf(site.signInDomain) }));
      expect(marker).toContain(JSON.stringify({ 'Fn::GetAtt': [idOf(site.distribution), 'DomainName'] }));
    }
  });
});
