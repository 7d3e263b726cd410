import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ExtractPool, TaskError } from "./pool.js";

// A stand-in worker that misbehaves on request, to test the pool without the built library.
const FAKE_WORKER = `
import { parentPort } from "node:worker_threads";
// Like the real worker, it runs a batch's tasks in order, synchronously: a hanging task holds up
// the ones behind it until the pool gives up on it.
parentPort.on("message", ({ tasks }) => {
  for (const { id, input } of tasks) {
    if (input.text === "crash") process.exit(3);
    if (input.text === "throw") throw new Error("boom");
    if (input.text === "hang") while (true) {}
    if (input.text === "bad") parentPort.postMessage({ id, error: { code: "E_EMPTY", reason: "input has no text" } });
    else parentPort.postMessage({ id, json: JSON.stringify({ article: { text: input.text } }) });
  }
});
`;
// Like the real worker with a group: nothing of a message is answered until all of it is done.
const GROUPING_WORKER = `
import { parentPort } from "node:worker_threads";
parentPort.on("message", ({ tasks }) => {
  if (tasks.length > 1 && tasks.some((t) => t.alone)) throw new Error("alone task sent with others");
  const answers = [];
  for (const { id, input, alone } of tasks) {
    if (input.text === "crash") process.exit(3);
    if (input.text === "hang") while (true) {}
    const text = input.text === "size" ? "size/" + tasks.length : input.text + (alone ? "/alone" : "");
    answers.push({ id, json: JSON.stringify({ article: { text } }) });
  }
  for (const a of answers) parentPort.postMessage(a);
});
`;
const dir = mkdtempSync(join(tmpdir(), "sitrep-pool-"));
const fakeWorker = pathToFileURL(join(dir, "worker.mjs"));
writeFileSync(fakeWorker, FAKE_WORKER);
const groupingWorker = pathToFileURL(join(dir, "grouping-worker.mjs"));
writeFileSync(groupingWorker, GROUPING_WORKER);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function outcome(pool: ExtractPool, text: string): Promise<string> {
  try {
    return (await pool.extract({ text })).article.text;
  } catch (e) {
    return (e as TaskError).code;
  }
}

describe("ExtractPool", () => {
  it.each([
    ["ok", "ok"],
    ["bad", "E_EMPTY"],
    ["crash", "E_WORKER_CRASHED"],
    ["throw", "E_WORKER_CRASHED"],
    ["hang", "E_TIMEOUT"],
  ])("answers %j with %j and keeps working", async (text, expected) => {
    const pool = new ExtractPool({ size: 2, workerUrl: fakeWorker, timeoutMs: 300 });
    try {
      expect(await outcome(pool, text)).toBe(expected);
      const after = await Promise.all(["a", "b", "c"].map((t) => outcome(pool, t)));
      expect(after).toEqual(["a", "b", "c"]);
    } finally {
      await pool.close();
    }
  });

  it("runs a mixed batch to the end: bad documents fail alone", async () => {
    const pool = new ExtractPool({ size: 2, workerUrl: fakeWorker, timeoutMs: 300 });
    const texts = ["one", "crash", "two", "bad", "hang", "three", "throw", "four"];
    const results = await Promise.all(texts.map((t) => outcome(pool, t)));
    await pool.close();
    expect(results).toEqual([
      "one",
      "E_WORKER_CRASHED",
      "two",
      "E_EMPTY",
      "E_TIMEOUT",
      "three",
      "E_WORKER_CRASHED",
      "four",
    ]);
  });

  it.each([1, 3])(
    "fails only the task a worker was running when it dies, %i task(s) per worker",
    async (tasksPerWorker) => {
      const pool = new ExtractPool({ size: 1, workerUrl: fakeWorker, timeoutMs: 300, tasksPerWorker });
      const texts = ["one", "crash", "two", "hang", "three", "four"];
      const results = await Promise.all(texts.map((t) => outcome(pool, t)));
      await pool.close();
      expect(results).toEqual(["one", "E_WORKER_CRASHED", "two", "E_TIMEOUT", "three", "four"]);
    },
  );

  it("sends a worker several tasks in one message and more only when it is down to one message's worth", async () => {
    const pool = new ExtractPool({ size: 1, workerUrl: groupingWorker, batchSize: 3, tasksPerWorker: 6 });
    expect(pool.capacity).toBe(9);
    const results = await Promise.all(Array.from({ length: 10 }, () => outcome(pool, "size")));
    await pool.close();
    // three messages of three, then the last task once the worker holds nothing
    expect(results).toEqual([...Array(9).fill("size/3"), "size/1"]);
  });

  // One worker, so that the order of events is fixed: with two, how a short queue is shared
  // depends on which worker answers first.
  it("sends only full messages to a caller that keeps `capacity` tasks in flight and takes the answers in order", async () => {
    const pool = new ExtractPool({ size: 1, workerUrl: groupingWorker, batchSize: 4 });
    const answers: string[] = [];
    const inFlight: Promise<string>[] = [];
    for (let i = 0; i < 24; i++) {
      inFlight.push(outcome(pool, "size"));
      if (inFlight.length >= pool.capacity) answers.push(await inFlight.shift()!);
    }
    answers.push(...(await Promise.all(inFlight)));
    await pool.close();
    expect(answers).toEqual(Array(24).fill("size/4"));
  });

  it.each([
    ["crash", "E_WORKER_CRASHED"],
    ["hang", "E_TIMEOUT"],
  ])("fails only the culprit when a worker dies running a group: %s", async (culprit, code) => {
    const pool = new ExtractPool({ size: 1, workerUrl: groupingWorker, timeoutMs: 300, batchSize: 4 });
    const texts = ["one", "two", culprit, "three", "four", "five"];
    const results = await Promise.all(texts.map((t) => outcome(pool, t)));
    await pool.close();
    // the group it was in ran again, each task alone; the tasks after it were untouched
    expect(results).toEqual(["one/alone", "two/alone", code, "three/alone", "four", "five"]);
  });

  it("rejects work after it is closed", async () => {
    const pool = new ExtractPool({ size: 1, workerUrl: fakeWorker });
    await pool.close();
    await expect(pool.extract({ text: "late" })).rejects.toBeInstanceOf(TaskError);
  });

  const built = existsSync(new URL("../../dist/parallel/worker.js", import.meta.url));
  it.skipIf(!built)("runs the built library's extract() (skipped until `npm run build`)", async () => {
    const pool = new ExtractPool({ size: 2 });
    try {
      const doc = await pool.extract(
        { text: "Police said on Monday that the bridge was closed." },
        { published: "2024-01-02" },
      );
      expect(doc.schema).toBe("sitrep/1");
      expect(doc.article.published).toBe("2024-01-02");
      await expect(pool.extract({ text: "   " })).rejects.toMatchObject({ code: "E_EMPTY" });
    } finally {
      await pool.close();
    }
  });

  it.skipIf(!built)("runs tasks together in the built worker: each answer is its own document", async () => {
    const { extract } = await import("../pipeline.js");
    const inputs = [
      "Police said on Monday that the bridge was closed.",
      "   ",
      "Firefighters said on Tuesday that the blaze in the port had been put out.",
      "The mayor said on Friday that the market would reopen next week.",
    ];
    const pool = new ExtractPool({ size: 1 });
    try {
      const answers = await Promise.all(
        inputs.map((text) =>
          pool.extract({ text }, { published: "2024-01-02" }).catch((e: TaskError) => e.code),
        ),
      );
      expect(answers[1]).toBe("E_EMPTY");
      for (const k of [0, 2, 3]) {
        const doc = answers[k] as Exclude<(typeof answers)[number], string>;
        expect(doc.article.text).toBe(inputs[k]);
        expect(doc).toEqual(JSON.parse(JSON.stringify(extract(inputs[k]!, { published: "2024-01-02" }))));
      }
    } finally {
      await pool.close();
    }
  });
});
