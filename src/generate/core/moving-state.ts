/**
 * What the PMS shows of an application on D: events after D have not happened yet, so their
 * dates are still empty (except planned dates, which the PMS knows in advance).
 */
import { MOVING_STATUS } from '../codes';
import type { Tenancy } from '../model/types';

export interface MovingState {
  readonly status: number;
  readonly contractDay: number | null;
  readonly noticeDay: number | null;
  readonly planDay: number | null;
  readonly moveoutDay: number | null;
  readonly reason: number | null;
  /** The last day anything happened to this moving, up to D (for updated_at). */
  readonly lastDay: number;
}

export function movingStateAt(t: Tenancy, asOf: number): MovingState {
  const base = { contractDay: null, noticeDay: null, planDay: null, moveoutDay: null, reason: null };
  if (t.outcome !== 'contract') return failedState(t, asOf);
  const contract = t.contractDay as number;
  if (contract > asOf) {
    const status = asOf - t.applicationDay >= 2 ? MOVING_STATUS.screening : MOVING_STATUS.applied;
    return { ...base, status, lastDay: t.applicationDay };
  }
  if (t.moveinDay > asOf)
    return { ...base, status: MOVING_STATUS.contracted, contractDay: contract, lastDay: contract };
  const living = { ...base, contractDay: contract, status: MOVING_STATUS.living, lastDay: t.moveinDay };
  const out = t.moveoutDay as number;
  if (out <= asOf) {
    return {
      status: MOVING_STATUS.movedOut,
      contractDay: contract,
      noticeDay: t.noticeDay,
      planDay: t.planDay,
      moveoutDay: out,
      reason: t.reason,
      lastDay: out,
    };
  }
  if (t.noticeDay === null || t.noticeDay > asOf) return living;
  return {
    status: MOVING_STATUS.noticeGiven,
    contractDay: contract,
    noticeDay: t.noticeDay,
    planDay: t.planDay,
    moveoutDay: null,
    reason: t.reason,
    lastDay: t.noticeDay,
  };
}

/** Rejections come a few days after the application; cancellations a little later. */
function failedState(t: Tenancy, asOf: number): MovingState {
  const decided = t.applicationDay + (t.outcome === 'rejected' ? 4 : 8);
  const contractDay = t.contractDay !== null && t.contractDay <= asOf ? t.contractDay : null;
  if (decided > asOf) {
    const status = contractDay === null ? MOVING_STATUS.screening : MOVING_STATUS.contracted;
    return {
      status,
      contractDay,
      noticeDay: null,
      planDay: null,
      moveoutDay: null,
      reason: null,
      lastDay: t.applicationDay,
    };
  }
  const status = t.outcome === 'rejected' ? MOVING_STATUS.rejected : MOVING_STATUS.cancelled;
  return {
    status,
    contractDay,
    noticeDay: null,
    planDay: null,
    moveoutDay: null,
    reason: null,
    lastDay: decided,
  };
}
