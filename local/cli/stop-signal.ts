/**
 * Runs `work` with SIGINT and SIGTERM turned into `stopped`. The handlers stay until `work` has returned, its last
 * output written and the data directory closed: under `npm start` a terminal's Ctrl+C reaches both npm and the server,
 * npm passes it on, and that second signal, however late, must not end the process before it has closed.
 */
export async function untilStopSignal(work: (stopped: AbortSignal) => Promise<void>): Promise<void> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await work(controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
