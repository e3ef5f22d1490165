import { describe, expect, it } from 'vitest';
import type { Clock } from '../../clock.ts';
import { SimClock } from './sim-clock.ts';

const START = new Date('2026-01-05T09:00:00Z');
const at = (ms: number) => new Date(START.getTime() + ms);

describe('SimClock', () => {
  it('is usable wherever the app takes a Clock', () => {
    const clock: Clock = new SimClock(START);
    expect(clock.now()).toEqual(START);
  });

  it('runs due timers in time order, each seeing its own due time', async () => {
    const clock = new SimClock(START);
    const seen: [string, Date][] = [];
    clock.setTimer(300, () => {
      seen.push(['c', clock.now()]);
    });
    clock.setTimer(100, () => {
      seen.push(['a', clock.now()]);
    });
    clock.setTimer(200, () => {
      seen.push(['b', clock.now()]);
    });

    await clock.advance(250);

    expect(seen).toEqual([
      ['a', at(100)],
      ['b', at(200)],
    ]);
    expect(clock.now()).toEqual(at(250));
    expect(clock.pendingTimers).toBe(1);
  });

  it('runs timers due at the same time in the order they were set', async () => {
    const clock = new SimClock(START);
    const order: number[] = [];
    for (const n of [1, 2, 3, 4, 5]) clock.setTimer(50, () => void order.push(n));

    await clock.advance(50);

    expect(order).toEqual([1, 2, 3, 4, 5]);
  });

  it('also runs timers that timers set within the window', async () => {
    const clock = new SimClock(START);
    const fired: Date[] = [];
    const tick = () => {
      fired.push(clock.now());
      clock.setTimer(100, tick);
    };
    clock.setTimer(100, tick);

    await clock.advance(350);

    expect(fired).toEqual([at(100), at(200), at(300)]);
  });

  it('never runs a cancelled timer', async () => {
    const clock = new SimClock(START);
    let ran = false;
    const id = clock.setTimer(10, () => {
      ran = true;
    });
    clock.cancelTimer(id);

    await clock.advance(1000);

    expect(ran).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });

  it('lets an async timer handler settle before the next timer runs', async () => {
    const clock = new SimClock(START);
    const log: string[] = [];
    clock.setTimer(10, async () => {
      await Promise.resolve();
      await new Promise((resolve) => setImmediate(resolve));
      log.push('first done');
    });
    clock.setTimer(10, () => void log.push('second'));

    await clock.advance(10);

    expect(log).toEqual(['first done', 'second']);
  });

  it('lets promise chains started by a timer finish before advance returns', async () => {
    const clock = new SimClock(START);
    let settled = false;
    clock.setTimer(10, () => {
      void Promise.resolve()
        .then(() => undefined)
        .then(() => {
          settled = true;
        });
    });

    await clock.advance(10);

    expect(settled).toBe(true);
  });

  it('rejects a second advance while one is running', async () => {
    const clock = new SimClock(START);
    let inner: unknown;
    clock.setTimer(10, async () => {
      inner = await clock.advance(5).catch((error: unknown) => error);
    });

    await clock.advance(10);

    expect(inner).toBeInstanceOf(Error);
    expect((inner as Error).message).toMatch('already running');
  });

  it('rejects moving backwards', async () => {
    await expect(new SimClock(START).advance(-1)).rejects.toThrow(RangeError);
  });

  it('follows the wall clock in realtime mode until stopped', async () => {
    const clock = new SimClock(START);
    let firedAt: Date | undefined;
    clock.setTimer(40, () => {
      firedAt = clock.now();
    });

    const stop = clock.startRealtime(5);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    for (let waited = 0; firedAt === undefined && waited < 2000; waited += 10) await sleep(10);
    stop();
    await sleep(20); // a tick already under way finishes
    const stoppedAt = clock.now().getTime();
    await sleep(30);

    expect(firedAt).toEqual(at(40));
    expect(stoppedAt - START.getTime()).toBeGreaterThanOrEqual(40);
    expect(clock.now().getTime()).toBe(stoppedAt);
  });
});
