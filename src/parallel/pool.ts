// A pool of worker threads running extraction on every core. Each worker is sent tasks several
// at a time in one message (up to `batchSize`) and runs them together, stage by stage
// (`extractBatch`), which is faster than one by one; it may hold more than one message
// (`tasksPerWorker`). A worker that crashes, runs out of memory or
// takes too long is replaced and only the task that caused it fails, with a reason: when the
// worker was running several tasks together, they all go back to the queue to run alone, and the
// one that fails again fails. The workers run the built library (dist/), so build first.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { ErrorCode } from "../core/errors.js";
import type { SitrepDocument } from "../core/schema.js";
import type { IngestInput } from "../ingest/index.js";

/** What a worker is asked to do: ingest and extract one input. */
export interface TaskRequest {
  id: number;
  input: IngestInput;
  options: { published?: string | null; maxBytes?: number };
  /** Run it on its own, not together with others: it was in a group when its worker died. */
  alone?: boolean;
}

/**
 * One message to a worker: tasks it runs in order, those that may run together in groups, and
 * answers each as soon as its group is done.
 */
export interface TaskBatch {
  tasks: TaskRequest[];
}

/**
 * A worker's answer. The document comes back as its JSON text: one string crosses the thread
 * boundary far cheaper than the structured clone of thousands of small objects, a cost the
 * main thread pays for every worker.
 */
export type TaskResponse =
  | { id: number; json: string; error?: undefined }
  | { id: number; error: { code: ErrorCode; reason: string }; json?: undefined };

/** Why one task failed: a SitrepError's code, or E_TIMEOUT / E_WORKER_CRASHED / E_INTERNAL. */
export class TaskError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, reason: string) {
    super(reason);
    this.name = "TaskError";
    this.code = code;
  }
}

export interface PoolOptions {
  /** Worker threads (default: one per core). */
  size?: number;
  /** Longest one document may take before its worker is replaced (default 60 s). */
  timeoutMs?: number;
  /** The worker module (default: the built worker in dist/). */
  workerUrl?: URL;
  /** Heap limit of each worker, so one huge document cannot take the machine down. */
  maxHeapMb?: number;
  /**
   * Most tasks sent to a worker in one message, which it runs together (default 8): the gain of
   * running documents stage by stage is nearly all there at 8 news articles.
   */
  batchSize?: number;
  /**
   * Most tasks a worker holds at once (default `batchSize`). A worker is sent more when it holds
   * no more than `tasksPerWorker - batchSize`, so above `batchSize` it has the next message ready
   * while it runs one; at `batchSize` it waits for the main thread's answer between messages
   * (well under a millisecond) but the last tasks of a batch spread more evenly over the
   * workers, which gains more. Few also bound what a crash sends back to the queue.
   */
  tasksPerWorker?: number;
}

// src/parallel/pool.ts and dist/parallel/pool.js sit at the same depth, so this finds the built
// worker from either.
const BUILT_WORKER = new URL("../../dist/parallel/worker.js", import.meta.url);

interface Pending {
  request: TaskRequest;
  /** The message it was sent in (per pool), which the worker may run together. */
  message?: number;
  /** Resolved with the document's JSON text, as the worker wrote it. */
  resolve: (json: string) => void;
  reject: (error: TaskError) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks sent to the worker and not yet answered, in the order it runs them: the first is running. */
  tasks: Pending[];
  /** The running task's time limit. */
  timer?: NodeJS.Timeout;
}

export class ExtractPool {
  readonly size: number;
  private readonly timeoutMs: number;
  private readonly workerUrl: URL;
  private readonly maxHeapMb: number;
  private readonly batchSize: number;
  private readonly tasksPerWorker: number;
  /** A worker holding this many tasks or fewer is sent more. */
  private readonly refillAt: number;
  /** Whether a dispatch is due at the end of the current task (see `extractJson`). */
  private dispatchDue = false;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private nextMessage = 1;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.workerUrl = options.workerUrl ?? BUILT_WORKER;
    this.maxHeapMb = options.maxHeapMb ?? 2048;
    const batchSize = Math.max(1, options.batchSize ?? 8);
    this.batchSize = batchSize;
    this.tasksPerWorker = Math.max(1, options.tasksPerWorker ?? batchSize);
    this.refillAt = Math.max(0, this.tasksPerWorker - batchSize);
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  /**
   * Tasks a caller should keep in flight: what the workers hold at most, and a full message's
   * worth waiting for each. A caller that takes the answers in order and asks for the next task
   * as each one comes back frees one place at a time; with no more than the workers hold in
   * flight, a worker that has just answered finds one or two tasks waiting and is sent those
   * alone, and runs them without the gain of a group (6 to 11% fewer documents a second with
   * two workers when it was measured). With a message's worth waiting, every message is full.
   */
  get capacity(): number {
    return this.size * (this.tasksPerWorker + this.batchSize);
  }

  /** Tasks waiting for a free worker. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Extract one input in a worker; rejects with a TaskError when it fails. */
  async extract(input: IngestInput, options: TaskRequest["options"] = {}): Promise<SitrepDocument> {
    return JSON.parse(await this.extractJson(input, options)) as SitrepDocument;
  }

  /**
   * The same, answering the document's JSON text: a caller that writes documents out (one JSON
   * line each) skips parsing them on the main thread, the one thread every worker waits on.
   */
  extractJson(input: IngestInput, options: TaskRequest["options"] = {}): Promise<string> {
    if (this.closed) return Promise.reject(new TaskError(ErrorCode.INTERNAL, "the pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, input, options }, resolve, reject });
      // Tasks asked for in one go (a loop over a batch) are sent once the loop is done, so that
      // they go several to a message, which the worker can run together.
      if (!this.dispatchDue) {
        this.dispatchDue = true;
        queueMicrotask(() => {
          this.dispatchDue = false;
          this.dispatch();
        });
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0))
      pending.reject(new TaskError(ErrorCode.INTERNAL, "the pool closed"));
    await Promise.all(
      this.slots.map((slot) => {
        clearTimeout(slot.timer);
        for (const pending of slot.tasks.splice(0))
          pending.reject(new TaskError(ErrorCode.INTERNAL, "the pool closed"));
        return slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerUrl, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb } });
    const slot: Slot = { worker, tasks: [] };
    worker.on("message", (response: TaskResponse) => {
      const task = slot.tasks[0];
      if (!task || task.request.id !== response.id) return;
      slot.tasks.shift();
      this.startClock(slot);
      if (response.json !== undefined) task.resolve(response.json);
      else task.reject(new TaskError(response.error.code, response.error.reason));
      this.dispatch();
    });
    worker.on("error", (error) =>
      this.replace(slot, ErrorCode.WORKER_CRASHED, `the worker crashed: ${error.message}`),
    );
    worker.on("exit", (code) =>
      this.replace(slot, ErrorCode.WORKER_CRASHED, `the worker exited with status ${code}`),
    );
    return slot;
  }

  /** Time the slot's running task (its first), or stop timing when it holds none. */
  private startClock(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer =
      slot.tasks.length > 0
        ? setTimeout(
            () =>
              this.replace(slot, ErrorCode.TIMEOUT, `extraction took longer than ${this.timeoutMs / 1000} s`),
            this.timeoutMs,
          )
        : undefined;
  }

  /**
   * Put a fresh worker in the slot's place. The task it was running fails; when it may have been
   * running it together with others (its message's tasks that are not marked to run alone),
   * none fails: they all go back to the queue marked to run alone, so the next failure is the
   * culprit's. The tasks it held but had not started go back to the head of the queue.
   */
  private replace(slot: Slot, code: ErrorCode, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    clearTimeout(slot.timer);
    let [running, ...waiting] = slot.tasks.splice(0);
    if (running && !running.request.alone) {
      const together = [running, ...waiting].filter(
        (p) => p.message === running!.message && !p.request.alone,
      );
      if (together.length > 1) {
        for (const p of together) p.request.alone = true;
        waiting = [running, ...waiting];
        running = undefined;
      }
    }
    slot.worker.removeAllListeners();
    // A dying worker may still report an error; with no listener left that would crash the pool.
    slot.worker.on("error", () => {});
    void slot.worker.terminate();
    this.slots[index] = this.spawn();
    this.queue.unshift(...waiting);
    running?.reject(new TaskError(code, reason));
    this.dispatch();
  }

  /**
   * Send tasks to the workers, several to a message (up to `batchSize`), which a worker runs
   * together. A worker is sent tasks when it holds none, or when it holds no more than
   * `refillAt` and a full message's worth is waiting: while it is busy, a few waiting tasks wait
   * a moment longer to go together. A short queue is shared out evenly between the workers that
   * are ready, and a task marked to run alone goes in a message of its own.
   */
  private dispatch(): void {
    for (;;) {
      const ready = this.slots.filter(
        (slot) =>
          slot.tasks.length === 0 ||
          (slot.tasks.length <= this.refillAt && this.queue.length >= this.batchSize),
      );
      if (this.queue.length === 0 || ready.length === 0) return;
      const share = Math.min(this.batchSize, Math.ceil(this.queue.length / ready.length));
      for (const slot of ready) {
        const room = Math.min(share, this.tasksPerWorker - slot.tasks.length);
        const tasks: TaskRequest[] = [];
        const id = this.nextMessage++;
        while (tasks.length < room && this.queue.length > 0) {
          const alone = this.queue[0]!.request.alone === true;
          if (alone && tasks.length > 0) break;
          const next = this.queue.shift()!;
          next.message = id;
          tasks.push(next.request);
          slot.tasks.push(next);
          if (slot.tasks.length === 1) this.startClock(slot);
          if (alone) break;
        }
        if (tasks.length > 0) slot.worker.postMessage({ tasks } satisfies TaskBatch);
      }
    }
  }
}
