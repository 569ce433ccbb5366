/**
 * The command center on CloudWatch: one dashboard of the business metrics the functions publish (Powertools
 * Metrics, functions/domain/metrics/case-metrics.ts) beside the staff API's and the workflows' health, and the
 * alarms a bureau needs woken for: a spike of nodes going overdue, a case needing attention, the API failing.
 * Thresholds are operating choices of the court (not legal periods), set here.
 */
import { Duration } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  type Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  SingleValueWidget,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { ClosureWay } from '#domain/case/model.ts';
import { CLOSURE_WAY_LABELS } from '#domain/closure/grounds.ts';
import {
  METRIC_DIMENSIONS,
  METRIC_NAMES,
  METRICS_NAMESPACE,
  METRICS_SERVICE,
  type MetricName,
} from '#domain/metrics/case-metrics.ts';

/** When the alarms fire. */
export const ALARM_THRESHOLDS = {
  /** Nodes newly overdue within one hour: more than a sweep's ordinary catch-up means work is slipping. */
  overdueNodesPerHour: 20,
  /** Cases parked in needs attention within five minutes (each one is a person's job). */
  needsAttentionPer5Minutes: 1,
  /** Server errors (5xx) of the staff API within five minutes. */
  api5xxPer5Minutes: 5,
} as const;

export interface CommandCenterDashboardProps {
  readonly namePrefix: string;
  /** The staff API: the REST API (global) or the HTTP API (China); both publish these metrics. */
  readonly api: Pick<RestApi, 'metricCount' | 'metricClientError' | 'metricServerError' | 'metricLatency'>;
  readonly machines: Readonly<Record<string, StateMachine>>;
  /** The courts of the staff directory (the approvals-waiting gauge is per court). */
  readonly courts: readonly string[];
  /** Alarms defined elsewhere (dead letters, failed executions), shown in the alarm status widget. */
  readonly otherAlarms: readonly Alarm[];
}

export class CommandCenterDashboard extends Construct {
  readonly dashboard: Dashboard;
  readonly overdueSpikeAlarm: Alarm;
  readonly needsAttentionAlarm: Alarm;
  readonly apiServerErrorAlarm: Alarm;

  constructor(scope: Construct, id: string, props: CommandCenterDashboardProps) {
    super(scope, id);
    const prefix = props.namePrefix;
    // A label turns an alarm's metric into metric math: alarms get theirs without one.
    const metric = (name: MetricName, statistic: string, period: Duration, label?: string, dims = {}) =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: name,
        dimensionsMap: { service: METRICS_SERVICE, ...dims },
        statistic,
        period,
        ...(label !== undefined ? { label } : {}),
      });
    const hour = Duration.hours(1);
    const fiveMinutes = Duration.minutes(5);

    const filed = metric(METRIC_NAMES.casesFiled, 'Sum', hour, '立案');
    const closed = (Object.keys(CLOSURE_WAY_LABELS) as ClosureWay[]).map((way) =>
      metric(METRIC_NAMES.casesClosed, 'Sum', hour, `结案：${CLOSURE_WAY_LABELS[way]}`, {
        [METRIC_DIMENSIONS.way]: way,
      }),
    );
    const overdue = metric(METRIC_NAMES.nodesOverdue, 'Sum', hour, '新超期节点');
    const attention = metric(METRIC_NAMES.needsAttention, 'Sum', fiveMinutes, '需关注案件');
    const waiting = props.courts.map((court) =>
      metric(METRIC_NAMES.approvalsWaiting, 'Maximum', fiveMinutes, `待审批：${court}`, {
        [METRIC_DIMENSIONS.court]: court,
      }),
    );
    const latency = (statistic: 'p50' | 'p90') =>
      new MathExpression({
        expression:
          `SEARCH('{${METRICS_NAMESPACE},${METRIC_DIMENSIONS.kind},service} ` +
          `MetricName="${METRIC_NAMES.partnerLatency}"', '${statistic}', 3600)`,
        usingMetrics: {},
        label: `外部协助答复时长 ${statistic}`,
        period: hour,
      });

    this.overdueSpikeAlarm = metric(METRIC_NAMES.nodesOverdue, 'Sum', hour).createAlarm(this, 'OverdueSpike', {
      alarmName: `${prefix}-nodes-overdue-spike`,
      alarmDescription: `More than ${ALARM_THRESHOLDS.overdueNodesPerHour - 1} time nodes went overdue within an hour.`,
      threshold: ALARM_THRESHOLDS.overdueNodesPerHour,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.needsAttentionAlarm = metric(METRIC_NAMES.needsAttention, 'Sum', fiveMinutes).createAlarm(
      this,
      'NeedsAttention',
      {
        alarmName: `${prefix}-cases-need-attention`,
        alarmDescription: 'A case was parked in needs attention (a step failed or no one is left to decide).',
        threshold: ALARM_THRESHOLDS.needsAttentionPer5Minutes,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      },
    );
    this.apiServerErrorAlarm = props.api
      .metricServerError({ period: fiveMinutes, statistic: 'Sum' })
      .createAlarm(this, 'ApiServerErrors', {
        alarmName: `${prefix}-staff-api-5xx`,
        alarmDescription: `The staff API answered ${ALARM_THRESHOLDS.api5xxPer5Minutes} or more server errors in five minutes.`,
        threshold: ALARM_THRESHOLDS.api5xxPer5Minutes,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });

    const graph = (title: string, left: IMetric[], width = 8) => new GraphWidget({ title, left, width, height: 6 });
    const failedExecutions = Object.entries(props.machines).map(([name, machine]) =>
      machine.metricFailed({ period: fiveMinutes, statistic: 'Sum', label: name }),
    );
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${prefix}-command-center`,
      defaultInterval: Duration.days(7),
      widgets: [
        [
          new TextWidget({
            markdown:
              '## 执行指挥中心\n立案、结案、超期节点、待审批与外部协助答复时长（业务指标，每小时）；员工接口与流程运行状况。',
            width: 24,
            height: 2,
          }),
        ],
        [
          graph('立案与结案（每小时）', [filed, ...closed]),
          graph('新超期节点（每小时）', [overdue]),
          graph('待审批（各法院）', waiting),
        ],
        [
          graph('外部协助答复时长（毫秒）', [latency('p50'), latency('p90')]),
          new SingleValueWidget({
            title: '需关注案件（5 分钟）',
            metrics: [attention],
            width: 8,
            height: 6,
          }),
          new AlarmStatusWidget({
            title: '告警',
            alarms: [this.overdueSpikeAlarm, this.needsAttentionAlarm, this.apiServerErrorAlarm, ...props.otherAlarms],
            width: 8,
            height: 6,
          }),
        ],
        [
          graph('员工接口：请求与错误', [
            props.api.metricCount({ period: fiveMinutes, statistic: 'Sum', label: '请求' }),
            props.api.metricClientError({ period: fiveMinutes, statistic: 'Sum', label: '4xx' }),
            props.api.metricServerError({ period: fiveMinutes, statistic: 'Sum', label: '5xx' }),
          ]),
          graph('员工接口：延迟 p90（毫秒）', [
            props.api.metricLatency({ period: fiveMinutes, statistic: 'p90', label: 'p90' }),
          ]),
          graph('流程执行失败', failedExecutions),
        ],
      ],
    });
  }

  get alarms(): readonly Alarm[] {
    return [this.overdueSpikeAlarm, this.needsAttentionAlarm, this.apiServerErrorAlarm];
  }
}
