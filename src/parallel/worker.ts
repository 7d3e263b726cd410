// One extraction worker: runs the tasks of each message it is sent, in order, and posts back each
// document (or the located reason it failed). Tasks of news-article size run together, stage by
// stage, in groups (`extractBatch`), each answered when its group is done; a long document, or a
// task the pool marks to run alone, runs by itself. It never lets an error escape: a bad
// document costs only its own answer.
import { parentPort } from "node:worker_threads";
import { ErrorCode, isSitrepError } from "../core/errors.js";
import { type BatchResult, extract, extractBatch } from "../pipeline.js";
import type { TaskBatch, TaskRequest, TaskResponse } from "./pool.js";

const port = parentPort;
if (!port) throw new Error("the extraction worker runs inside a worker thread");

/** Most tasks run together: the gain of running stage by stage is nearly all there at 8. */
const GROUP_SIZE = 8;
/**
 * Inputs longer than this (characters) run alone: a group is answered only when all of it is
 * done, and one long document would hold the others' answers back (and their memory in).
 */
const LONE_CHARS = 100_000;

function failure(id: number, e: unknown): TaskResponse {
  return isSitrepError(e)
    ? { id, error: { code: e.code, reason: e.message } }
    : { id, error: { code: ErrorCode.INTERNAL, reason: (e as Error)?.message ?? String(e) } };
}

function runAlone(task: TaskRequest): TaskResponse {
  try {
    return { id: task.id, json: JSON.stringify(extract(task.input, task.options)) };
  } catch (e) {
    return failure(task.id, e);
  }
}

function answer(task: TaskRequest, result: BatchResult): TaskResponse {
  if (result.error) return failure(task.id, result.error);
  try {
    return { id: task.id, json: JSON.stringify(result.document) };
  } catch (e) {
    return failure(task.id, e);
  }
}

function runGroup(group: TaskRequest[]): TaskResponse[] {
  if (group.length === 1) return [runAlone(group[0]!)];
  let results: BatchResult[];
  try {
    results = extractBatch(group.map((task) => ({ input: task.input, options: task.options })));
  } catch {
    // extractBatch keeps each input's errors to itself; should it fail as a whole, run them singly
    return group.map(runAlone);
  }
  return group.map((task, k) => answer(task, results[k]!));
}

const lengthOf = (task: TaskRequest) => (task.input.text ?? task.input.html ?? "").length;

port.on("message", (batch: TaskBatch) => {
  let group: TaskRequest[] = [];
  const flush = () => {
    for (const response of runGroup(group)) port.postMessage(response);
    group = [];
  };
  for (const task of batch.tasks) {
    if (task.alone || lengthOf(task) > LONE_CHARS) {
      if (group.length > 0) flush();
      port.postMessage(runAlone(task));
      continue;
    }
    group.push(task);
    if (group.length === GROUP_SIZE) flush();
  }
  if (group.length > 0) flush();
});
