/**
 * A progress line for long CLI work: redrawn in place on a terminal, a line every ~10% otherwise
 * (CI logs, pipes), always on stderr so stdout stays machine-readable.
 * flow: CLI commands --> progress
 */
export function progressLine(label: string): (done: number, total: number) => void {
  let lastPct = -1;
  const tty = process.stderr.isTTY;
  return (done, total) => {
    const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
    if (tty) {
      process.stderr.write(`\r${label}: ${done}/${total} (${pct}%)${done >= total ? '\n' : ''}`);
    } else if (pct >= lastPct + 10 || done >= total) {
      process.stderr.write(`${label}: ${done}/${total} (${pct}%)\n`);
      lastPct = pct;
    }
  };
}
