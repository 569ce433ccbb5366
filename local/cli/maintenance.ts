/** `enforce check`, `enforce backup <file>`, `enforce restore <file>`: operating the data directory's database. */
import { resolve } from 'node:path';
import { backupDatabase, checkDatabase, restoreDatabase } from '../store/maintenance.ts';
import type { GlobalOptions } from './options.ts';
import { CliError, type Output } from './output.ts';
import { dataDirOf } from './session.ts';

async function oneLine<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && (error.name === 'MaintenanceError' || error.name === 'DataDirectoryBusyError'))
      throw new CliError(error.message);
    throw error;
  }
}

export async function checkCommand(globals: GlobalOptions, out: Output): Promise<void> {
  const report = await oneLine(async () => checkDatabase(dataDirOf(globals)));
  out.result(report, () => {
    out.line(`数据库：${report.file}`);
    out.line(`完整性检查：${report.integrity.join('；')}`);
    out.line(
      `审计链：案件 ${report.cases} 件，记录 ${report.commits} 条，${report.broken.length === 0 ? '全部完整' : `${report.broken.length} 件不完整`}`,
    );
    for (const b of report.broken) out.line(`  ${b.caseId} 第 ${b.seq} 条：${b.problem}`);
  });
  if (!report.ok) throw new CliError('检查未通过', 1);
}

export async function backupCommand(globals: GlobalOptions, out: Output, target: string): Promise<void> {
  const result = await oneLine(() => backupDatabase(dataDirOf(globals), resolve(target)));
  out.result(result, () => out.line(`已备份到 ${result.file}（${result.bytes} 字节）`));
}

export async function restoreCommand(globals: GlobalOptions, out: Output, source: string): Promise<void> {
  const result = await oneLine(() => restoreDatabase(dataDirOf(globals), resolve(source)));
  out.result(result, () => {
    out.line(`已从 ${resolve(source)} 恢复`);
    if (result.replaced) out.line(`原数据库保留为 ${result.replaced}`);
  });
}
