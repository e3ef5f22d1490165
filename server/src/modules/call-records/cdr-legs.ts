import type { LegRole } from '../../cti/engine/cti-types.ts';

/** One party's leg of a call (CTI-20): rang at `offeredAt`, connected at `joinedAt` (null: never). */
export type CdrLeg = {
  role: LegRole;
  staffId: number | null;
  number: string | null;
  offeredAt: Date | null;
  joinedAt: Date | null;
  leftAt: Date | null;
  /** Connected time of this leg: left − joined (0 for a leg that never connected). */
  talkMs: number;
};

type OpenLeg = Omit<CdrLeg, 'talkMs'>;

/** The legs of one call as its events reveal them, in the order they appeared. */
export class LegBook {
  readonly #legs: OpenLeg[] = [];

  add(
    role: LegRole,
    staffId: number | null,
    number: string | null,
    offeredAt: Date,
    joinedAt: Date | null,
  ): void {
    this.#legs.push({ role, staffId, number, offeredAt, joinedAt, leftAt: null });
  }

  /** The open leg of a staff member (or of an outside number when `staffId` is null). */
  find(staffId: number | null, number?: string | null, role?: LegRole): OpenLeg | undefined {
    return this.#legs.find(
      (l) =>
        l.leftAt === null &&
        l.staffId === staffId &&
        (role === undefined || l.role === role) &&
        (staffId !== null || number === undefined || l.number === number),
    );
  }

  /** Connects an agent's leg, opening one if the events never showed it ringing. */
  join(staffId: number, at: Date): void {
    const leg = this.find(staffId);
    if (!leg) this.add('agent', staffId, null, at, at);
    else leg.joinedAt ??= at;
  }

  close(leg: OpenLeg | undefined, at: Date, number?: string): void {
    if (!leg || leg.leftAt !== null) return;
    leg.leftAt = at;
    if (number !== undefined && leg.number === null) leg.number = number;
  }

  closeWhere(at: Date, keep: (leg: OpenLeg) => boolean): void {
    for (const leg of this.#legs) if (leg.leftAt === null && !keep(leg)) leg.leftAt = at;
  }

  list(): CdrLeg[] {
    return this.#legs.map((l) => ({
      ...l,
      talkMs: l.joinedAt && l.leftAt ? Math.max(0, l.leftAt.getTime() - l.joinedAt.getTime()) : 0,
    }));
  }
}
