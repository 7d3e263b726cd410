// One measurement in a fresh process, so that each figure (and its peak RSS) is its own:
//   node bench/measure.mjs TASK [--quick]
// prints one JSON object on stdout. TASK is pipeline, html, side NAME, workers, workersMemory,
// scale or batch.
// The library is imported from dist/ (bench/run.mjs builds it first).
import { cpus } from "node:os";
import { Worker } from "node:worker_threads";
import { loadCorpus } from "./corpus.mjs";

const task = process.argv[2];
const quick = process.argv.includes("--quick");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** Wall-clock ms of one call. */
function timeOnce(fn) {
  return clock(fn).wall;
}

/**
 * Wall-clock and CPU ms of one call. CPU time is the process's (this thread and V8's helper
 * threads): when other programs share the cores it stays put while wall-clock time grows.
 */
function clock(fn) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  fn();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/**
 * How long every timed task warms up first. V8 goes on compiling the pipeline on its background
 * threads over its first 1,500 or so documents (the batch figures show the rate still rising
 * until then, and those threads' CPU time counts against the rates per CPU-second): ten seconds
 * is about 1,800 documents of the pipeline. The side-by-side passes get the same ten seconds
 * each, so no library is measured colder than another.
 */
const WARM_UP_MS = quick ? 1000 : 10_000;

/**
 * Median wall-clock and CPU time of one pass, after warm-up passes: at least two, and
 * `WARM_UP_MS` of them. The number of timed passes is set so a run takes about `targetMs`.
 */
function timePasses(pass, targetMs = quick ? 800 : 4000, warmUpMs = WARM_UP_MS) {
  const warmUpUntil = performance.now() + warmUpMs;
  let first = timeOnce(pass);
  do first = timeOnce(pass);
  while (performance.now() < warmUpUntil);
  const rounds = Math.min(25, Math.max(3, Math.ceil(targetMs / Math.max(first, 1))));
  const walls = [];
  const cpus = [];
  for (let r = 0; r < rounds; r++) {
    const { wall, cpu } = clock(pass);
    walls.push(wall);
    cpus.push(cpu);
  }
  return { msPerPass: median(walls), cpuMsPerPass: median(cpus), rounds };
}

const corpus = loadCorpus({ pages: task === "html" });
const texts = corpus.articles.map((a) => a.text);
const published = corpus.articles.map((a) => a.published ?? "2018-01-01");

async function library() {
  const lib = await import("../dist/index.js");
  const nlp = await import("../dist/nlp/index.js");
  return { extract: lib.extract, extractBatch: lib.extractBatch, analyse: nlp.analyse };
}

/**
 * How the pipeline runs a batch: `extractBatch` over groups of this many documents, stage by
 * stage, as each worker of the pool does (`sitrep extract BATCH.jsonl`, `sitrep ingest`).
 */
const GROUP = 8;

/** The corpus through `extractBatch` in groups of `GROUP`: one pass. */
function batchPass(extractBatch, onStage) {
  const items = texts.map((text, i) => ({ input: text, options: { published: published[i] } }));
  return () => {
    for (let g = 0; g < items.length; g += GROUP) extractBatch(items.slice(g, g + GROUP), { onStage });
  };
}

const tasks = {
  /**
   * The full pipeline on one thread over the articles, in groups of `GROUP` as a batch runs:
   * rates, time per stage, peak RSS; and the rate of one `extract()` call per article.
   */
  async pipeline() {
    const { extract, extractBatch, analyse } = await library();
    const counts = texts.map((t) => {
      const layer = analyse(extract(t, { format: "text" }).article.text);
      return { tokens: layer.tokens.length, sentences: layer.sentences.length };
    });
    const sum = (key) => counts.reduce((n, c) => n + c[key], 0);
    const chars = texts.reduce((n, t) => n + t.length, 0);
    const { msPerPass, cpuMsPerPass, rounds } = timePasses(batchPass(extractBatch));
    const perSecond = (n) => n / (msPerPass / 1000);
    const perCpuSecond = (n) => n / (cpuMsPerPass / 1000);
    // One document per call, the JIT already warm from the batches.
    const singly = timePasses(
      () => {
        for (let i = 0; i < texts.length; i++) extract(texts[i], { published: published[i] });
      },
      quick ? 800 : 4000,
      quick ? 500 : 3000,
    );

    // Time per stage, in passes of their own so the headline rate has no hook in it.
    const stageMs = {};
    const onStage = (name, ms) => {
      stageMs[name] = (stageMs[name] ?? 0) + ms;
    };
    const stagePasses = quick ? 1 : 3;
    for (let p = 0; p < stagePasses; p++) batchPass(extractBatch, onStage)();
    let serialiseMs = 0;
    for (let p = 0; p < stagePasses; p++) {
      for (let i = 0; i < texts.length; i++) {
        const doc = extract(texts[i], { published: published[i] });
        serialiseMs += timeOnce(() => JSON.stringify(doc));
      }
    }
    const perArticle = (ms) => ms / (stagePasses * texts.length);
    const stages = Object.fromEntries(Object.entries(stageMs).map(([name, ms]) => [name, perArticle(ms)]));
    stages["serialise (JSON)"] = perArticle(serialiseMs);

    return {
      corpus: {
        source: corpus.source,
        note: corpus.note,
        articles: texts.length,
        meanChars: chars / texts.length,
        meanTokens: sum("tokens") / texts.length,
        meanSentences: sum("sentences") / texts.length,
      },
      rounds,
      articlesPerSecond: perSecond(texts.length),
      sentencesPerSecond: perSecond(sum("sentences")),
      tokensPerSecond: perSecond(sum("tokens")),
      articlesPerCpuSecond: perCpuSecond(texts.length),
      sentencesPerCpuSecond: perCpuSecond(sum("sentences")),
      tokensPerCpuSecond: perCpuSecond(sum("tokens")),
      groupSize: GROUP,
      oneByOne: {
        articlesPerSecond: texts.length / (singly.msPerPass / 1000),
        articlesPerCpuSecond: texts.length / (singly.cpuMsPerPass / 1000),
      },
      stages,
      peakRssMb: peakRssMb(),
    };
  },

  /**
   * Web pages: the same pipeline behind HTML main-content extraction, in a process of its own so
   * the pages' DOMs (megabytes each) do not weigh on the articles' memory figure.
   */
  async html() {
    const { extract } = await library();
    let html = null;
    if (corpus.pages.length > 0) {
      const pages = corpus.pages.map((p) => ({ html: p.html }));
      const htmlStageMs = {};
      const pageRun = () => {
        for (const page of pages) {
          try {
            extract(page, { published: "2018-01-01" });
          } catch {
            // a page with no main content still costs its ingest time
          }
        }
      };
      const timed = timePasses(pageRun, quick ? 500 : 2500);
      for (const page of pages) {
        try {
          extract(page, {
            published: "2018-01-01",
            onStage: (name, ms) => {
              htmlStageMs[name] = (htmlStageMs[name] ?? 0) + ms;
            },
          });
        } catch {
          // as above
        }
      }
      html = {
        pages: pages.length,
        meanBytes: Math.round(corpus.pages.reduce((n, p) => n + p.html.length, 0) / pages.length),
        pagesPerSecond: pages.length / (timed.msPerPass / 1000),
        stages: Object.fromEntries(Object.entries(htmlStageMs).map(([k, ms]) => [k, ms / pages.length])),
      };
    }
    return { html, peakRssMb: peakRssMb() };
  },

  /**
   * One of the three side-by-side passes over the same texts, in a process of its own so that no
   * library's heap or JIT state weighs on another: the pipeline, a bare wink-nlp pass (its
   * default pipe and tokens: what the NLP layer wraps) or compromise's full parse (tokenise and
   * tag). bench/run.mjs alternates the three over several rounds.
   */
  async side() {
    const which = process.argv[3];
    let pass;
    if (which === "pipeline") {
      const { extractBatch } = await library();
      pass = batchPass(extractBatch);
    } else if (which === "wink") {
      const { default: winkNLP } = await import("wink-nlp");
      const { default: model } = await import("wink-eng-lite-web-model");
      const wink = winkNLP(model);
      pass = () => {
        for (const t of texts) wink.readDoc(t).tokens().out();
      };
    } else if (which === "compromise") {
      const { default: compromise } = await import("compromise");
      pass = () => {
        for (const t of texts) compromise(t);
      };
    } else throw new Error(`side: no pass named ${which}`);
    const { msPerPass, cpuMsPerPass } = timePasses(pass, quick ? 500 : 2000);
    return {
      which,
      articlesPerSecond: texts.length / (msPerPass / 1000),
      articlesPerCpuSecond: texts.length / (cpuMsPerPass / 1000),
    };
  },

  /**
   * The pipeline in worker threads through the project's pool (src/parallel): one worker, then
   * one per core, fed as `sitrep extract BATCH.jsonl` feeds it.
   * Rounds alternate between the two, and between the same for an arithmetic loop, so the
   * speed-up compares like with like.
   */
  async workers() {
    const cores = cpus().length;
    const { ExtractPool } = await import("../dist/parallel/pool.js");
    const one = new ExtractPool({ size: 1 });
    const all = new ExtractPool({ size: cores });
    const spinners = await startSpinners(cores);
    const perWorker = texts.length;
    // Fed as `sitrep extract BATCH.jsonl` feeds the pool: `capacity` tasks in flight, the
    // answers taken in input order, each dropped once taken (the command writes it out).
    // Besides the wall-clock, a feed reports the main thread's share of it spent busy (sending
    // texts, receiving documents: near 1, it is what holds the workers back), and the cores the
    // process kept busy (its CPU time, every thread, over the wall-clock). With one worker, above
    // 1 means V8's collector and compiler threads and the main thread ran on a core the worker
    // left idle, which they must share with the other workers once every core has one.
    const feed = async (pool, count) => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const loop = performance.eventLoopUtilization();
      const inFlight = [];
      let chars = 0;
      for (let i = 0; i < count; i++) {
        const k = i % texts.length;
        inFlight.push(pool.extractJson({ text: texts[k] }, { published: published[k] }));
        if (inFlight.length >= pool.capacity) chars += (await inFlight.shift()).length;
      }
      for (const json of await Promise.all(inFlight)) chars += json.length;
      if (chars === 0) throw new Error("the pool answered nothing");
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      return {
        wall,
        mainBusy: performance.eventLoopUtilization(loop).utilization,
        cores: (used.user + used.system) / 1000 / wall,
      };
    };
    const spinIterations = quick ? 2e7 : 5e7;
    const ROUNDS = 25;
    const oneMs = [];
    const allMs = [];
    const mainBusy = [];
    const oneWorkerCores = [];
    const speedups = [];
    const machineSpeedups = [];
    // Warm-up: a worker's JIT is still compiling over its first several hundred documents, on
    // V8's background threads, so until then one worker alone uses about 1.4 cores and two
    // workers get less than twice that. About 1,500 documents each reach the steady state that
    // a long batch runs in.
    const warmUpFeeds = Math.ceil((quick ? 300 : 1500) / perWorker);
    for (let w = 0; w < warmUpFeeds; w++) {
      await feed(one, perWorker);
      await feed(all, perWorker * cores);
    }
    await spin(spinners, spinIterations);
    // The host lends its cores unevenly from one second to the next: one round's speed-up has
    // been seen anywhere from 1.2 to 2.3 on two cores, seven rounds' median from 1.5 to 1.86.
    // The median of many short rounds holds better than a few long ones, and every other round
    // runs the two feeds the other way round, so that a host speeding up or slowing down over a
    // round favours neither.
    for (let r = 0; r < (quick ? 2 : ROUNDS); r++) {
      let a;
      let b;
      if (r % 2 === 0) {
        a = await feed(one, perWorker);
        b = await feed(all, perWorker * cores);
      } else {
        b = await feed(all, perWorker * cores);
        a = await feed(one, perWorker);
      }
      oneMs.push(a.wall);
      allMs.push(b.wall);
      oneWorkerCores.push(a.cores);
      mainBusy.push(b.mainBusy);
      speedups.push(cores * (a.wall / b.wall));
      const spinOne = await spin(spinners.slice(0, 1), spinIterations);
      const spinAll = await spin(spinners, spinIterations);
      machineSpeedups.push(cores * (spinOne / spinAll));
    }
    await Promise.all([one.close(), all.close(), ...spinners.map((w) => w.terminate())]);
    const speedup = median(speedups);
    const machineSpeedup = median(machineSpeedups);
    return {
      cores,
      oneWorkerArticlesPerSecond: perWorker / (median(oneMs) / 1000),
      allWorkersArticlesPerSecond: (perWorker * cores) / (median(allMs) / 1000),
      speedup,
      // the same loop on every worker at once against one worker alone: below `cores`, the host
      // is lending fewer cores than it shows, and no program can scale past it
      machineSpeedup,
      speedupOfMachine: speedup / machineSpeedup,
      mainThreadBusy: median(mainBusy),
      oneWorkerCores: median(oneWorkerCores),
    };
  },

  /**
   * Peak RSS of a batch run on one worker per core, in a process of its own: the process that
   * times the workers has had other workers and threads in it, whose freed memory it may keep.
   */
  async workersMemory() {
    const { ExtractPool } = await import("../dist/parallel/pool.js");
    const cores = cpus().length;
    const pool = new ExtractPool({ size: cores });
    for (let pass = 0; pass < (quick ? 2 : 4); pass++) {
      await Promise.all(
        texts.flatMap((text, k) =>
          Array.from({ length: cores }, () => pool.extract({ text }, { published: published[k] })),
        ),
      );
    }
    await pool.close();
    return { cores, peakRssMb: peakRssMb() };
  },

  /**
   * The same 100 articles as 100 documents, as 10 documents of 10 articles each and as one
   * document of all 100: the cost per article's worth of text must stay flat as documents grow.
   * Different articles, not one repeated, so that nothing a document looks up once and reuses
   * makes the long documents look cheaper than they are.
   */
  async scale() {
    const { extract } = await library();
    warmUp(extract, quick ? 300 : 1500);
    const sample = Array.from({ length: 100 }, (_, i) => texts[i % texts.length]);
    const runs = [];
    // The last: all 100 as one paragraph, where a stage that walks back to a paragraph's start
    // or compares each sentence with every earlier one shows at once.
    for (const [times, joiner] of [
      [1, "\n\n"],
      [10, "\n\n"],
      [100, "\n\n"],
      [100, " "],
    ]) {
      const docs = [];
      for (let i = 0; i < sample.length; i += times) {
        const part = sample.slice(i, i + times);
        docs.push((joiner === " " ? part.map((t) => t.replace(/\s+/g, " ")) : part).join(joiner));
      }
      const pass = () => {
        for (const doc of docs) extract(doc, { published: "2018-01-01" });
      };
      pass();
      const ms = [];
      const cpuMs = [];
      for (let r = 0; r < (quick ? 1 : 3); r++) {
        const x = clock(pass);
        ms.push(x.wall);
        cpuMs.push(x.cpu);
      }
      runs.push({
        times,
        oneParagraph: joiner === " ",
        documents: docs.length,
        meanChars: docs.reduce((n, d) => n + d.length, 0) / docs.length,
        msPerDoc: median(ms) / docs.length,
        articlesPerSecond: sample.length / (median(ms) / 1000),
        articlesPerCpuSecond: sample.length / (median(cpuMs) / 1000),
      });
    }
    return { articles: sample.length, runs, peakRssMb: peakRssMb() };
  },

  /** 10,000 documents in a row (the corpus reused cyclically): the rate of each thousand. */
  async batch() {
    const { extract } = await library();
    warmUp(extract);
    const total = quick ? 2000 : 10_000;
    const rates = [];
    const cpuRates = [];
    let started = performance.now();
    let cpu = process.cpuUsage();
    for (let i = 0; i < total; i++) {
      const k = i % texts.length;
      extract(texts[k], { published: published[k] });
      if ((i + 1) % 1000 === 0) {
        const now = performance.now();
        const used = process.cpuUsage(cpu);
        rates.push(1000 / ((now - started) / 1000));
        cpuRates.push(1000 / ((used.user + used.system) / 1e6));
        started = now;
        cpu = process.cpuUsage();
      }
    }
    return { documents: total, ratePerThousand: rates, cpuRatePerThousand: cpuRates, peakRssMb: peakRssMb() };
  },
};

/** Workers that only spin an arithmetic loop: how much of each core the machine gives. */
function startSpinners(n) {
  return Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL("./spin-worker.mjs", import.meta.url));
          worker.once("online", () => resolve(worker));
          worker.once("error", reject);
        }),
    ),
  );
}

/** Every worker spins the same loop; resolves to the wall-clock ms until the last one is done. */
function spin(workers, iterations) {
  const started = performance.now();
  return Promise.all(
    workers.map(
      (worker) =>
        new Promise((resolve, reject) => {
          worker.removeAllListeners("error");
          worker.once("error", reject);
          worker.once("message", resolve);
          worker.postMessage(iterations);
        }),
    ),
  ).then(() => performance.now() - started);
}

/**
 * The corpus through the pipeline first, `documents` of it (two passes unless told): the rates
 * measured after it are the steady state, not the JIT's warm-up.
 */
function warmUp(extract, documents = 2 * texts.length) {
  for (let d = 0; d < documents; d++) {
    const i = d % texts.length;
    extract(texts[i], { published: published[i] });
  }
}

if (!(task in tasks)) {
  process.stderr.write(`usage: node bench/measure.mjs ${Object.keys(tasks).join("|")} [--quick]\n`);
  process.exit(2);
}
const result = await tasks[task]();
// The process's whole CPU time (every thread, start-up included), so that bench/run.mjs can tell
// how much of the machine other programs took while this task ran.
const used = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ ...result, processCpuMs: (used.user + used.system) / 1000 })}\n`);
