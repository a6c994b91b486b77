/**
 * CPU time a server process spent, read from Linux's /proc: the request thread (the process's
 * main thread) apart from every other thread (the engine's workers, PGlite's and libuv's helpers).
 * CPU seconds do not grow when other programs load the machine the way wall-clock latency does,
 * so they are the load-independent half of the load benchmark's figures.
 */
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime/stime (USER_HZ: 100 on every Linux Node runs on). */
const TICKS_PER_SECOND = 100;

export interface CpuSample {
  /** ms of CPU on the main (request) thread. */
  main: number;
  /** ms of CPU on every other thread of the process. */
  other: number;
}

/** utime + stime of one /proc stat line, in ms (the command name may hold spaces: split after its ')'). */
function statMs(line: string): number {
  const fields = line.slice(line.lastIndexOf(')') + 2).split(' ');
  // Fields after the name start at state (3rd field overall): utime is the 14th, stime the 15th.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/**
 * The process's CPU so far, or null where /proc is not there (not Linux) or the process is gone.
 * The process's own line counts threads that have ended too (an idle engine worker leaves).
 */
export function sampleCpu(pid: number): CpuSample | null {
  try {
    const total = statMs(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const main = statMs(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8'));
    return { main, other: total - main };
  } catch {
    return null;
  }
}

/** after − before, per part. */
export const cpuSince = (before: CpuSample, after: CpuSample): CpuSample => ({ main: after.main - before.main, other: after.other - before.other });
