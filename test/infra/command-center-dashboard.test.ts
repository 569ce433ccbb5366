/** The command center on CloudWatch: the dashboard of business metrics and the three alarms, all notifying. */
import type { CfnElement } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES, METRICS_NAMESPACE } from '#domain/metrics/case-metrics.ts';
import { ALARM_THRESHOLDS } from '../../infra/constructs/command-center-dashboard.ts';
import { logicalId, resourcesOfType, synthesized, TEST_CONFIG } from './stack.ts';

const prefix = TEST_CONFIG.namePrefix;
const alarm = (name: string) =>
  resourcesOfType('AWS::CloudWatch::Alarm').find(([, a]) => a.Properties?.AlarmName === name)?.[1];

describe('the command-center dashboard', () => {
  it('shows every business metric the functions publish, under their namespace', () => {
    // Act
    const dashboards = resourcesOfType('AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(dashboards[0]?.[1].Properties?.DashboardBody);

    // Assess
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]?.[1].Properties?.DashboardName).toBe(`${prefix}-command-center`);
    for (const name of Object.values(METRIC_NAMES)) expect(body).toContain(name);
    expect(body).toContain(METRICS_NAMESPACE);
    expect(body).toContain('final-round-closure');
    expect(body).toContain('HB0922');
  });
});

describe('the command-center alarms', () => {
  const topic = () => ({ Ref: logicalId(synthesized().stack.alarms.topic.node.defaultChild as CfnElement) });

  it.each([
    ['nodes-overdue-spike', METRIC_NAMES.nodesOverdue, ALARM_THRESHOLDS.overdueNodesPerHour, 3600],
    ['cases-need-attention', METRIC_NAMES.needsAttention, ALARM_THRESHOLDS.needsAttentionPer5Minutes, 300],
  ])('alarms on %s from the %s metric and notifies the alarm topic', (name, metric, threshold, period) => {
    // Act
    const found = alarm(`${prefix}-${name}`);

    // Assess
    expect(found?.Properties).toMatchObject({
      Namespace: METRICS_NAMESPACE,
      MetricName: metric,
      Statistic: 'Sum',
      Period: period,
      Threshold: threshold,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic()],
    });
  });

  it('alarms on server errors of the staff API', () => {
    // Act
    const found = alarm(`${prefix}-staff-api-5xx`);

    // Assess
    expect(found?.Properties).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: '5XXError',
      Threshold: ALARM_THRESHOLDS.api5xxPer5Minutes,
      AlarmActions: [topic()],
    });
  });
});
