// Preloaded into the load benchmark's server (`--import`, through NODE_OPTIONS) when LOAD_PROBE_DIR
// is set: a CPU profile of the request thread and its event-loop delay histogram, both written to
// that folder when the server exits. Node 20 refuses `--cpu-prof` in NODE_OPTIONS, and the server
// is started by a shared helper, so the profiler is driven from inside the process instead.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

const dir = process.env.LOAD_PROBE_DIR;
if (dir && isMainThread) {
  // LOAD_PROBE_PROFILE=0: the event-loop delay alone (the profiler's sampling slows the server a little).
  const profiling = process.env.LOAD_PROBE_PROFILE !== '0';
  const session = new Session();
  if (profiling) {
    session.connect();
    // An in-thread inspector session answers synchronously, so the profile can be taken in 'exit'.
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 200 });
    session.post('Profiler.start');
  }
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  process.on('exit', () => {
    delay.disable();
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    const stamp = `${process.pid}-${Date.now()}`;
    writeFileSync(
      path.join(dir, `loop-${stamp}.json`),
      JSON.stringify({ p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), mean: ms(delay.mean), count: delay.count }),
    );
    if (profiling) {
      session.post('Profiler.stop', (error, result) => {
        if (!error) writeFileSync(path.join(dir, `server-${stamp}.cpuprofile`), JSON.stringify(result.profile));
      });
    }
  });
}
