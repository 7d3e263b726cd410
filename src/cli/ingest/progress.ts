// Progress of a long ingest on stderr: a bar redrawn in place on a terminal
// ("[#########.........]  4,210/9,000  312.4 articles/s  ETA 0:15"), or a plain line every few
// seconds when the output is a file or a pipe, so logs stay readable.
export type ProgressMode = "bar" | "lines" | "none";

export interface ProgressSink {
  write(chunk: string): void;
}

const BAR_WIDTH = 24;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${rest}` : `${m}:${rest}`;
}

/** One progress line: done/total, rate and the time left at that rate. */
export function progressLine(done: number, total: number, elapsedMs: number, bar: boolean): string {
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
  const eta = rate > 0 ? formatDuration((total - done) / rate) : "?";
  const count = `${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}`;
  const stats = `${count}  ${rate.toFixed(1)} articles/s  ETA ${eta}`;
  if (!bar) return `ingest: ${stats}`;
  const filled = total > 0 ? Math.round((done / total) * BAR_WIDTH) : 0;
  return `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${stats}`;
}

export class Progress {
  private readonly started = Date.now();
  // The first line waits a moment: a rate measured over one article mostly measures start-up.
  private lastDraw = Date.now();
  private done = 0;

  constructor(
    private readonly sink: ProgressSink,
    private readonly total: number,
    private readonly mode: ProgressMode,
    private readonly lineEveryMs = 2000,
  ) {}

  tick(by = 1): void {
    this.done += by;
    const now = Date.now();
    const every = this.mode === "bar" ? 100 : this.lineEveryMs;
    if (now - this.lastDraw >= every) {
      this.lastDraw = now;
      this.draw();
    }
  }

  get elapsedMs(): number {
    return Date.now() - this.started;
  }

  finish(): void {
    this.draw();
    if (this.mode === "bar") this.sink.write("\n");
  }

  private draw(): void {
    if (this.mode === "none") return;
    const line = progressLine(this.done, this.total, this.elapsedMs, this.mode === "bar");
    this.sink.write(this.mode === "bar" ? `\r\x1b[2K${line}` : `${line}\n`);
  }
}
