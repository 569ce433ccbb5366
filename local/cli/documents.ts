/**
 * `enforce documents <case>`, `enforce document <id> --out <file.pdf>`, `enforce document verify <id>`: the case's
 * issued documents, a copy of one, and its check (the archived bytes against the journal's SHA-256, and the
 * signature against the court's certificate; with --file, a copy someone holds).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { verifyPdfSignature } from '#adapters/documents/pdf-verify.ts';
import { TEMPLATES } from '#domain/documents/templates.ts';
import { chinaTime, formatBytes } from '#domain/timeline/timeline.ts';
import { issueDueDocuments } from '#use-cases/documents.ts';
import { localDocuments } from '../runtime/documents.ts';
import type { EmbeddedRuntime } from '../runtime/runtime.ts';
import { CliError, type Output, pad } from './output.ts';
import { findCase, type GlobalOptions, withRuntime } from './session.ts';

export async function documentsCommand(globals: GlobalOptions, out: Output, reference: string): Promise<void> {
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      const state = await findCase(runtime, reference);
      const deps = localDocuments(runtime);
      const report = await issueDueDocuments(deps, state.caseId);
      const documents = await deps.archive.list(state.caseId);
      out.result({ caseId: state.caseId, caseNumber: state.caseNumber, documents, problems: report.problems }, () => {
        out.line(`${state.caseNumber}：${documents.length} 份文书`);
        for (const d of documents)
          out.line(
            `  ${chinaTime(d.issuedAt)}  ${pad(TEMPLATES[d.kind].title, 10)} ${pad(d.number, 24)} ${d.docId}  ${formatBytes(d.sizeBytes)}  SHA-256 ${d.sha256.slice(0, 16)}…`,
          );
        for (const p of report.problems) out.line(`  未能生成：${p.problem}`);
      });
    },
    { quiet: true },
  );
}

async function archived(runtime: EmbeddedRuntime, docId: string) {
  const found = await localDocuments(runtime).archive.get(docId);
  if (!found) throw new CliError(`找不到文书：${docId}`);
  return found;
}

export async function documentCommand(
  globals: GlobalOptions,
  out: Output,
  first: string,
  second: string | undefined,
  options: { out?: string; file?: string },
): Promise<void> {
  if (first === 'verify') {
    if (!second) throw new CliError('用法：npm run enforce -- document verify <文书编号> [--file <副本.pdf>]', 2);
    return verifyCommand(globals, out, second, options.file);
  }
  if (!options.out) throw new CliError('请用 --out <文件.pdf> 指定输出文件', 2);
  const target = options.out;
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      const { record, pdf } = await archived(runtime, first);
      writeFileSync(target, pdf, { flag: 'wx' });
      out.result({ ...record, file: target }, () =>
        out.line(`已导出 ${record.title} ${record.number} 到 ${target}（${formatBytes(pdf.length)}）`),
      );
    },
    { quiet: true },
  );
}

async function verifyCommand(globals: GlobalOptions, out: Output, docId: string, file: string | undefined) {
  await withRuntime(
    globals,
    out,
    async (runtime) => {
      const { record, pdf: kept } = await archived(runtime, docId);
      const pdf = file ? new Uint8Array(readFileSync(file)) : kept;
      const state = await runtime.cases.load(record.caseId);
      const history = await runtime.cases.history(record.caseId);
      const journaled = history.flatMap((c) => c.events).find((e) => e.type === 'document-issued' && e.docId === docId);
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      const identity = state ? await localDocuments(runtime).keys.identity(state.court) : undefined;
      const signature = verifyPdfSignature(pdf, identity?.certificatePem);
      const problems = [
        ...(journaled?.type === 'document-issued' ? [] : ['审计链上没有该文书的签发记录']),
        ...(journaled?.type === 'document-issued' && journaled.sha256 !== sha256
          ? ['文件的 SHA-256 与审计链记录不一致']
          : []),
        ...(record.sha256 !== sha256 ? ['文件的 SHA-256 与存档记录不一致'] : []),
        ...(signature.valid ? [] : [`电子签名无效：${signature.problem}`]),
      ];
      const valid = problems.length === 0;
      out.result({ docId, number: record.number, sha256, valid, signature, problems }, () => {
        out.line(`${record.title} ${record.number}（${file ? `副本 ${file}` : '存档'}）`);
        out.line(`  SHA-256 ${sha256}`);
        if (valid) out.line(`  核验通过：与审计链记录一致，电子签名有效（${signature.signer ?? ''}）`);
        else for (const p of problems) out.line(`  核验失败：${p}`);
      });
      if (!valid) throw new CliError(`文书 ${record.number} 核验未通过：${problems[0]}`);
    },
    { quiet: true },
  );
}
