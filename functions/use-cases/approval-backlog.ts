/** How many approvals wait for a decision in each court of the staff directory (the command center's gauge). */
import type { Deps } from './context.ts';

export interface CourtBacklog {
  readonly court: string;
  readonly waiting: number;
}

export function countWaitingApprovals(deps: Pick<Deps, 'approvals' | 'staff'>) {
  return async (): Promise<readonly CourtBacklog[]> => {
    const courts = await deps.staff.courts();
    return Promise.all(
      courts.map(async (court) => ({ court, waiting: (await deps.approvals.listPending({ court })).length })),
    );
  };
}
