/** The console is deployed by the stack: its files, the configuration written from deployed values, invalidation. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { logicalId, resourcesOfType, synthesized, synthesizedTemplate } from './stack.ts';

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

  it('signs the field app in with Cognito through the console’s client: its own page is a callback, and its config sends the officer back there', () => {
    // Prepare
    const site = synthesized().stack.consoleSite;
    const [, deployment] = resourcesOfType('Custom::CDKBucketDeployment')[0] ?? [];
    const client = synthesizedTemplate().Resources[idOf(site.client)];

    // Act
    const callbacks = JSON.stringify(client?.Properties?.CallbackURLs);
    const markers = ((deployment?.Properties?.SourceMarkers ?? []) as Record<string, unknown>[])
      .filter((marker) => Object.keys(marker).length > 0)
      .map((m) => JSON.stringify(m));

    // Assess: exactly two callbacks, the site and the field app's page (CloudFront maps no directory index).
    expect(client?.Properties?.CallbackURLs).toHaveLength(2);
    expect(callbacks).toContain('/field/index.html');
    expect(client?.Properties?.LogoutURLs).toHaveLength(2);
    expect(client?.Properties?.AllowedOAuthFlows).toEqual(['code']);
    expect(markers).toHaveLength(2);
    const stack = Stack.of(site);
    expect(client?.Properties?.CallbackURLs).toEqual([
      stack.resolve(site.signInReturns.console),
      stack.resolve(site.signInReturns.field),
    ]);
    expect(JSON.stringify(stack.resolve(site.signInReturns.field))).toContain('/field/index.html');
    // The staged field/config.json (deployed values are markers, filled in at deployment) returns to that page.
    const outdir = synthesized().app.outdir;
    const configs = readdirSync(outdir)
      .filter((d) => d.startsWith('asset.'))
      .map((d) => join(outdir, d, 'field', 'config.json'))
      .filter((f) => existsSync(f))
      .map((f) => JSON.parse(readFileSync(f, 'utf8')) as { cognito?: { redirectUri?: string } });
    expect(configs).toHaveLength(1);
    expect(configs[0]?.cognito?.redirectUri).toMatch(/^https:\/\/<<marker:[^>]+>>\/field\/index\.html$/);
    expect(resourcesOfType('AWS::Cognito::UserPoolClient').filter(([id]) => id.includes('Field'))).toHaveLength(0);
  });

  it('lets the site’s pages connect to Cognito and to S3 in the stack’s region (the field app’s signed PUTs), and to nothing else', () => {
    // Prepare
    const [, policy] = resourcesOfType('AWS::CloudFront::ResponseHeadersPolicy')[0] ?? [];

    // Act
    const csp = JSON.stringify(
      ((policy?.Properties?.ResponseHeadersPolicyConfig ?? {}) as Record<string, Record<string, unknown>>)
        .SecurityHeadersConfig?.ContentSecurityPolicy,
    );

    // Assess
    expect(csp).toContain("connect-src 'self' https://*.amazoncognito.com https://*.s3.");
    expect(csp).toContain(JSON.stringify({ Ref: 'AWS::Region' }));
    expect(csp).not.toContain('https://*.amazonaws.com');
    expect(csp).not.toContain('https://*.s3.amazonaws.com');
  });
});
