/**
 * The evidence sweep of the embedded runtime: every kept object hashed again; each that no longer matches its record
 * is marked by the vault (no link from then on) and told to the command center, naming the case and the evidence.
 */
import { parseEvidenceKey } from '#domain/evidence/objects.ts';
import type { Deps } from '#use-cases/context.ts';
import type { EvidenceVault } from './vault.ts';

export async function sweepEvidence(
  vault: EvidenceVault,
  deps: Pick<Deps, 'cases' | 'alerts' | 'clock'>,
): Promise<{ readonly checked: number; readonly failed: readonly string[] }> {
  // Uploads that went unfinished for a day are long expired (links live minutes): their parts go.
  vault.abandonUploads(new Date(Date.parse(deps.clock.now()) - 86_400_000).toISOString());
  const swept = await vault.sweep();
  for (const failure of swept.failed) {
    const ids = parseEvidenceKey(failure.key);
    const state = ids ? await deps.cases.load(ids.caseId) : undefined;
    const item = ids ? state?.evidence?.[ids.evidenceId] : undefined;
    const name = ids ? `证据 ${ids.evidenceId}${item ? `「${item.description}」` : ''}` : `证据对象 ${failure.key}`;
    await deps.alerts.alert({
      kind: 'evidence-failed-verification',
      caseId: ids?.caseId ?? '',
      court: state?.court.code ?? '',
      at: deps.clock.now(),
      message: `${state?.caseNumber ?? ids?.caseId ?? ''}：${name}未通过定期完整性核验（${failure.problem}），已停止提供查看和下载链接，请核查`,
    });
  }
  return { checked: swept.checked, failed: swept.failed.map((f) => f.key) };
}
