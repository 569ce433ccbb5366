/**
 * The staff console as a static site on AWS, behind the same API: CloudFront serves the console's files from a
 * private S3 bucket (origin access control) and forwards `/v1/*` to the staff API's REST API, so the console and
 * the API share one origin (no CORS, and the console's Authorization header reaches API Gateway unchanged).
 * Staff sign in with Cognito's hosted sign-in (authorization code with PKCE) through an app client of the staff
 * user pool whose only callbacks are the site and the field app's page on it (`field/index.html`: the field
 * officers' phone app signs in with the console's own module, through the same client). The stack uploads the files (a BucketDeployment of the console built
 * at synth, infra/console-files.ts, with the config.json it writes from the deployed values) and invalidates the
 * distribution's cache, so every `cdk deploy` leaves the console matching the API.
 */
import { type CfnElement, CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { OAuthScope, type UserPool, type UserPoolClient, type UserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { retained } from './evidence-bucket.ts';
import { STAFF_CLIENT_ATTRIBUTES } from './staff-api.ts';

export interface ConsoleSiteProps {
  readonly namePrefix: string;
  readonly api: RestApi;
  readonly userPool: UserPool;
  /** Where S3 writes the site bucket's access logs (the evidence access-log bucket). */
  readonly accessLogs: IBucket;
  /** Prefix of the hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`); globally unique. */
  readonly signInDomainPrefix: string;
  /** The built console (index.html, app.js, …, and the field app under field/): infra/console-files.ts. */
  readonly files: string;
  /** The stack's key and log retention, for the deployment handler's log group. */
  readonly key: IKey;
  readonly logRetention: RetentionDays;
  /** Empty the site bucket and delete it with the stack (a `destroy` stage). @default false (retained) */
  readonly emptyOnDelete?: boolean;
  /**
   * The origin of the evidence bucket's signed URLs (`https://<bucket>.s3.<region>.<suffix>`, as the SDK's presigner
   * writes them; a host wildcard where the bucket cannot be named): the field app PUTs captures there, so the site's
   * pages may connect to it.
   */
  readonly evidenceUploadOrigin?: string;
}

/**
 * The console's content security: its own scripts and styles only, the API on the same origin, Cognito's token
 * endpoint, and (for the field app's signed uploads) the evidence bucket's origin when given.
 */
export function consoleCsp(evidenceUploadOrigin?: string): string {
  const connect = ["'self'", 'https://*.amazoncognito.com', ...(evidenceUploadOrigin ? [evidenceUploadOrigin] : [])];
  return (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
    `connect-src ${connect.join(' ')}; frame-ancestors 'none'; base-uri 'none'`
  );
}

export class ConsoleSite extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly client: UserPoolClient;
  readonly signInDomain: UserPoolDomain;
  readonly deployment: BucketDeployment;
  /** Where Cognito sends each app back after sign-in (its config.json's redirectUri; both are callbacks). */
  readonly signInReturns: { readonly console: string; readonly field: string };

  constructor(scope: Construct, id: string, props: ConsoleSiteProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Files', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'console/',
      ...retained(props.emptyOnDelete),
    });
    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      responseHeadersPolicyName: `${props.namePrefix}-console-headers`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: consoleCsp(props.evidenceUploadOrigin), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });
    const stack = Stack.of(this);
    const apiOrigin = new HttpOrigin(`${props.api.restApiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `${props.namePrefix} staff console and API`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      },
      additionalBehaviors: {
        '/v1/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });
    const nag = (rule: string, reason: string) => Validations.of(this.distribution).acknowledge({ id: rule, reason });
    nag(
      'AwsSolutions-CFR1',
      'Staff reach the console from wherever their court is; every API call needs a Cognito sign-in, and the ' +
        'site itself serves only public static files. A geo restriction is a stage choice.',
    );
    nag(
      'AwsSolutions-CFR2',
      'A CloudFront web ACL must live in us-east-1; the API behind /v1 has its own regional AWS WAF (api.waf, on ' +
        'in prod), throttling and Cognito authorization, and the static files carry no data.',
    );
    nag(
      'AwsSolutions-CFR3',
      'CloudFront standard logs need an ACL-enabled bucket, and every bucket here has ACLs disabled ' +
        '(BUCKET_OWNER_ENFORCED); API calls are in the staff API access log, file reads in the S3 access log.',
    );
    nag(
      'AwsSolutions-CFR4',
      'The distribution uses the default *.cloudfront.net certificate, whose viewer TLS floor CloudFront fixes; ' +
        'a custom domain with its own certificate (and a TLSv1.2_2021 floor) is a per-stage addition of the court.',
    );

    this.signInDomain = props.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: props.signInDomainPrefix },
    });
    const site = `https://${this.distribution.distributionDomainName}/`;
    // The field app's page, named in full: CloudFront maps no directory index below the root.
    const fieldApp = `${site}field/index.html`;
    this.signInReturns = { console: site, field: fieldApp };
    this.client = props.userPool.addClient('ConsoleWeb', {
      userPoolClientName: `${props.namePrefix}-staff-console-web`,
      generateSecret: false,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      // Stated explicitly, as on every app client: the court and the enrolment record are never user-writable.
      ...STAFF_CLIENT_ATTRIBUTES,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.PROFILE],
        callbackUrls: [site, fieldApp],
        logoutUrls: [site, fieldApp],
      },
    });

    const signIn = (redirectUri: string) => ({
      mode: 'cognito',
      apiBase: '/v1',
      cognito: {
        domain: this.signInDomain.baseUrl().replace(/^https:\/\//, ''),
        clientId: this.client.userPoolClientId,
        redirectUri,
      },
    });
    this.deployment = this.deploy(props.files, props, signIn(site), signIn(fieldApp));

    new CfnOutput(this, 'Url', { value: site, description: 'Staff console (static site; the API under /v1)' });
    new CfnOutput(this, 'Bucket', {
      value: this.bucket.bucketName,
      description: 'The console files (deployed by the stack)',
    });
    new CfnOutput(this, 'SignInDomain', { value: this.signInDomain.baseUrl().replace(/^https:\/\//, '') });
    new CfnOutput(this, 'WebClientId', { value: this.client.userPoolClientId });
  }

  /**
   * Uploads the files and the configuration (the console's, and the field app's: the same but for where Cognito
   * sends the officer back), removes files no
   * longer built, and invalidates the distribution. Everything is served `no-cache` (revalidated by ETag): the page
   * and its bundle never disagree after a deployment.
   */
  private deploy(
    files: string,
    props: ConsoleSiteProps,
    config: Record<string, unknown>,
    fieldConfig: Record<string, unknown>,
  ): BucketDeployment {
    // Like every function of the app: its own KMS-encrypted log group with retention, a role without managed
    // policies that may write only there (BucketDeployment adds its S3 and CloudFront grants).
    const logGroup = new LogGroup(this, 'DeployLogs', {
      logGroupName: `/aws/lambda/${props.namePrefix}-console-deploy`,
      encryptionKey: props.key,
      retention: props.logRetention,
    });
    const role = new Role(this, 'DeployRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Execution role of the console deployment (CDK BucketDeployment handler)',
    });
    logGroup.grantWrite(role);
    const deployment = new BucketDeployment(this, 'Deploy', {
      role,
      logGroup,
      sources: [
        Source.asset(files),
        Source.jsonData('config.json', config),
        Source.jsonData('field/config.json', fieldConfig),
      ],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      cacheControl: [CacheControl.noCache()],
      memoryLimit: 256,
    });
    this.explainDeploymentHandler(role);
    return deployment;
  }

  /** The acknowledgements of CDK's BucketDeployment handler (one per stack), each with its reason. */
  private explainDeploymentHandler(role: Role): void {
    const stack = Stack.of(this);
    const handler = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) throw new Error('the BucketDeployment handler was not found in the stack');
    const bucket = stack.getLogicalId(this.bucket.node.defaultChild as CfnElement);
    const ack = (id: string, reason: string) =>
      Validations.of(id.startsWith('AwsSolutions-IAM5') ? role : handler).acknowledge({ id, reason });
    const deployOnly =
      'CDK BucketDeployment handler, run by CloudFormation only during a deployment to copy the console build';
    for (const action of ['s3:GetBucket*', 's3:GetObject*', 's3:List*']) {
      ack(
        `AwsSolutions-IAM5[Action::${action}]`,
        `${deployOnly}: CDK's read grant on the CDK asset bucket and the console bucket (whole-object reads and listing).`,
      );
    }
    for (const action of ['s3:Abort*', 's3:DeleteObject*']) {
      ack(
        `AwsSolutions-IAM5[Action::${action}]`,
        `${deployOnly}: CDK's write grant on the console bucket only (pruning files no longer built, aborting uploads).`,
      );
    }
    ack(
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      `${deployOnly}: it reads the console's zip from the CDK bootstrap asset bucket, whose object keys are hashes.`,
    );
    ack(
      `AwsSolutions-IAM5[Resource::<${bucket}.Arn>/*]`,
      `${deployOnly}: it writes every file of the console's own bucket (static files, no case data).`,
    );
    ack(
      'AwsSolutions-IAM5[Resource::*]',
      `${deployOnly}: cloudfront:CreateInvalidation and GetInvalidation, which CDK grants on every distribution.`,
    );
    ack(
      'AwsSolutions-L1',
      `${deployOnly}: its runtime is chosen and updated by aws-cdk-lib with the handler code it ships.`,
    );
    ack(
      'Serverless-LambdaLatestVersion',
      `${deployOnly}: its runtime is chosen and updated by aws-cdk-lib with the handler code it ships.`,
    );
    ack(
      'Serverless-LambdaDLQ',
      `${deployOnly}: a failure is reported to CloudFormation, which fails and rolls back the deployment; a ` +
        'dead-letter queue would keep an event nobody replays.',
    );
    ack(
      'Serverless-LambdaTracing',
      `${deployOnly}: it serves no request of a case, so there is no trace to follow; its log group has its output.`,
    );
  }
}
