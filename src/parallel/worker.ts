// One extraction worker: runs the library's `extract()` on each task of each batch it is sent,
// in order, and posts back each document (or the located reason it failed) as soon as it is
// done. It never lets an error escape: a bad document costs only its own answer.
import { parentPort } from "node:worker_threads";
import { ErrorCode, isSitrepError } from "../core/errors.js";
import { extract } from "../pipeline.js";
import type { TaskBatch, TaskRequest, TaskResponse } from "./pool.js";

const port = parentPort;
if (!port) throw new Error("the extraction worker runs inside a worker thread");

function run(task: TaskRequest): TaskResponse {
  try {
    return { id: task.id, json: JSON.stringify(extract(task.input, task.options)) };
  } catch (e) {
    return isSitrepError(e)
      ? { id: task.id, error: { code: e.code, reason: e.message } }
      : { id: task.id, error: { code: ErrorCode.INTERNAL, reason: (e as Error)?.message ?? String(e) } };
  }
}

port.on("message", (batch: TaskBatch) => {
  for (const task of batch.tasks) port.postMessage(run(task));
});
