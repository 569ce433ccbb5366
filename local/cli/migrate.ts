/** `enforce migrate`: a data directory of the previous format (embedded DynamoDB) into its SQLite database. */
import { migratePreviousFormat } from '../store/migrate.ts';
import type { GlobalOptions } from './options.ts';
import { CliError, type Output } from './output.ts';
import { dataDirOf } from './session.ts';

export async function migrateCommand(globals: GlobalOptions, out: Output): Promise<void> {
  const dataDir = dataDirOf(globals);
  let report: Awaited<ReturnType<typeof migratePreviousFormat>>;
  try {
    report = await migratePreviousFormat(dataDir);
  } catch (error) {
    if (error instanceof Error && error.name === 'MigrationError') throw new CliError(error.message);
    throw error;
  }
  out.result(report, () => {
    out.line(
      `已迁移到 ${dataDir}/enforce.db：案件 ${report.cases} 件（记录 ${report.commits} 条），审批 ${report.approvals} 件，` +
        `协助请求 ${report.requests} 件，受托事项 ${report.matters} 件，退回的立案事件 ${report.rejections} 件，运行记录 ${report.runtimeRecords} 条`,
    );
    if (report.brokenChains.length > 0)
      out.line(`注意：以下案件的审计链在旧数据中已不完整（按原样迁移）：${report.brokenChains.join('、')}`);
    out.line(`旧数据保留在 ${report.backup}`);
  });
}
