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
    const { partyIds, standIn } = report.upgraded;
    if (partyIds.cases > 0)
      out.line(
        `当事人标识已改为加密标识：案件 ${partyIds.cases} 件，当事人 ${partyIds.parties} 人（每件案件的审计链中留有记录）`,
      );
    if (standIn)
      out.line(
        `旧版存储中的证据已移入证据库：${standIn.imported} 件` +
          (standIn.mismatched.length > 0
            ? `；以下证据与案件记录不符或缺失，旧文件保留在 ${dataDir}/s3：${standIn.mismatched.join('、')}`
            : ''),
      );
    if (report.brokenChains.length > 0)
      out.line(`注意：以下案件的审计链在旧数据中已不完整（按原样迁移）：${report.brokenChains.join('、')}`);
    out.line(`旧数据保留在 ${report.backup}`);
  });
}
