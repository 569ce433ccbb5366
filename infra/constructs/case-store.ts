/**
 * The three DynamoDB tables, built from the layouts the adapters and the embedded runtime share
 * (functions/adapters/dynamodb/tables.ts), so key names are stated in exactly one place.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { type Attribute, AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import {
  CASES_LAYOUT,
  IDEMPOTENCY_LAYOUT,
  JOURNAL_LAYOUT,
  type KeyAttribute,
  type TableLayout,
} from '#adapters/dynamodb/tables.ts';

export interface CaseStoreProps {
  readonly key: IKey;
  /**
   * How many of the cases table's indexes (in CASES_LAYOUT order) to deploy. DynamoDB adds one global secondary
   * index per table update, so a stack deployed before gsi3-gsi5 existed is upgraded in steps (3, 4, then 5).
   * @default all of them
   */
  readonly casesIndexes?: number;
}

function attribute(key: KeyAttribute): Attribute {
  return { name: key.name, type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER };
}

export class CaseStore extends Construct {
  /** Case records, approvals, partner requests, rejected intake events; GSIs gsi1 and gsi2. */
  readonly cases: Table;
  /** The append-only, hash-chained commits of each case. */
  readonly journal: Table;
  /** Powertools idempotency records of intake. */
  readonly idempotency: Table;

  /** The cases table's indexes, by name. */
  readonly indexNames: readonly string[];

  constructor(scope: Construct, id: string, props: CaseStoreProps) {
    super(scope, id);
    const casesLayout = { ...CASES_LAYOUT, indexes: CASES_LAYOUT.indexes.slice(0, props.casesIndexes) };
    this.indexNames = casesLayout.indexes.map((index) => index.name);
    this.cases = this.table('Cases', casesLayout, props.key);
    this.journal = this.table('Journal', JOURNAL_LAYOUT, props.key);
    this.idempotency = this.table('Idempotency', IDEMPOTENCY_LAYOUT, props.key);
  }

  private table(id: string, layout: TableLayout, key: IKey): Table {
    const table = new Table(this, id, {
      partitionKey: attribute(layout.partitionKey),
      ...(layout.sortKey ? { sortKey: attribute(layout.sortKey) } : {}),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      ...(layout.timeToLiveAttribute ? { timeToLiveAttribute: layout.timeToLiveAttribute } : {}),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of layout.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
      });
    }
    return table;
  }

  /** The ARN of one of the cases table's indexes, checked against the layout. */
  casesIndexArn(indexName: string): string {
    if (!this.indexNames.includes(indexName)) {
      throw new Error(`the cases table has no index ${indexName}`);
    }
    return `${this.cases.tableArn}/index/${indexName}`;
  }
}
