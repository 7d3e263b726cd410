// One extraction worker: runs the library's `extract()` on each task it is sent and posts back
// the document or the located reason it failed. It never lets an error escape: a bad document
// costs only its own answer.
import { parentPort } from "node:worker_threads";
import { isSitrepError } from "../core/errors.js";
import { extract } from "../pipeline.js";
import type { TaskRequest, TaskResponse } from "./pool.js";

const port = parentPort;
if (!port) throw new Error("the extraction worker runs inside a worker thread");

port.on("message", (task: TaskRequest) => {
  let response: TaskResponse;
  try {
    response = { id: task.id, json: JSON.stringify(extract(task.input, task.options)) };
  } catch (e) {
    response = isSitrepError(e)
      ? { id: task.id, error: { code: e.code, reason: e.message } }
      : { id: task.id, error: { code: "E_INTERNAL", reason: (e as Error)?.message ?? String(e) } };
  }
  port.postMessage(response);
});
