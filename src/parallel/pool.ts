// A pool of worker threads running extraction on every core. Each worker holds a few tasks at a
// time, sent together in one message, so it starts the next document the moment it finishes one
// instead of waiting for the main thread to answer; a worker that crashes, runs out of memory or
// takes too long is replaced and only the task it was running fails, with a reason (the others
// it held go back to the queue). The workers run the built library (dist/), so build first.
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
}

/** One message to a worker: tasks it runs in order, answering each as soon as it is done. */
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
   * Most tasks a worker holds at once (default 4). More than one keeps a worker busy while the
   * main thread is slow to send the next document; a few bound what a crash sends back to the
   * queue and how unevenly the last tasks spread over the workers.
   */
  tasksPerWorker?: number;
}

// src/parallel/pool.ts and dist/parallel/pool.js sit at the same depth, so this finds the built
// worker from either.
const BUILT_WORKER = new URL("../../dist/parallel/worker.js", import.meta.url);

interface Pending {
  request: TaskRequest;
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
  private readonly tasksPerWorker: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: PoolOptions = {}) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.workerUrl = options.workerUrl ?? BUILT_WORKER;
    this.maxHeapMb = options.maxHeapMb ?? 2048;
    this.tasksPerWorker = Math.max(1, options.tasksPerWorker ?? 4);
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
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
      this.dispatch();
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
   * Fail the slot's running task (if any), put the tasks it held but had not started back at the
   * head of the queue, and put a fresh worker in its place.
   */
  private replace(slot: Slot, code: ErrorCode, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    clearTimeout(slot.timer);
    const [running, ...waiting] = slot.tasks.splice(0);
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
   * Top every worker up to `tasksPerWorker` tasks, one at a time round the workers so a short
   * queue still reaches them all; each worker's new tasks go in one message.
   */
  private dispatch(): void {
    const sending = new Map<Slot, TaskRequest[]>();
    let added = true;
    while (added && this.queue.length > 0) {
      added = false;
      for (const slot of this.slots) {
        if (slot.tasks.length >= this.tasksPerWorker) continue;
        const next = this.queue.shift();
        if (!next) break;
        slot.tasks.push(next);
        if (slot.tasks.length === 1) this.startClock(slot);
        const batch = sending.get(slot);
        if (batch) batch.push(next.request);
        else sending.set(slot, [next.request]);
        added = true;
      }
    }
    for (const [slot, tasks] of sending) slot.worker.postMessage({ tasks } satisfies TaskBatch);
  }
}
