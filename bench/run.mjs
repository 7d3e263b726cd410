// `npm run bench`: how fast sitrep codes news on this machine, against the goals of the
// project's speed issue. Each measurement runs in a fresh process (bench/measure.mjs) so that
// peak memory is its own and one library's JIT state never helps another; the figures are
// printed and written to bench/results.json (git-ignored).
//
//   node bench/run.mjs            the full run (a few minutes on two cores)
//   node bench/run.mjs --quick    fewer passes, for a first look while working
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { loadCorpus, repoRoot } from "./corpus.mjs";

const quick = process.argv.includes("--quick");
const started = Date.now();

/** The goals of the speed issue, each checked against the figure it names. */
const GOALS = {
  articlesPerSecondPerCore: 200,
  pipelineOverWink: 0.2,
  pipelineOverCompromise: 5,
  twoWorkerSpeedup: 1.8,
  peakRssMb: 500,
  coldStartSeconds: 1.5,
};

/** Share of the cores other programs may take (the machine's housekeeping is well under it) before the run says its figures are low. */
const OTHER_LOAD_WARNING = 0.03;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Build dist/ and the gazetteer when they are missing or older than their sources. */
function ensureBuilt() {
  let built = 0;
  try {
    built = statSync(join(repoRoot, "dist/index.js")).mtimeMs;
  } catch {
    built = 0;
  }
  if (built < newestMtime(join(repoRoot, "src"))) {
    process.stdout.write("building dist/ (npm run build) ...\n");
    const result = spawnSync("npm", ["run", "--silent", "build"], { cwd: repoRoot, stdio: "inherit" });
    if (result.status !== 0) throw new Error("npm run build failed");
  }
  // The full gazetteer is part of what is measured: build it as `npm install` would.
  const gazetteerScript = join(repoRoot, "scripts/build-gazetteer.mjs");
  const gazetteer = join(repoRoot, "data/build/gazetteer.db");
  const gazetteerSources = join(repoRoot, "src/gazetteer");
  const stale = () =>
    !existsSync(gazetteer) ||
    (existsSync(gazetteerSources) && statSync(gazetteer).mtimeMs < newestMtime(gazetteerSources));
  if (existsSync(gazetteerScript) && stale()) {
    process.stdout.write("building the gazetteer (scripts/build-gazetteer.mjs) ...\n");
    const result = spawnSync(process.execPath, [gazetteerScript], { cwd: repoRoot, stdio: "inherit" });
    if (result.status !== 0) throw new Error("the gazetteer build failed");
  }
}

/**
 * How much of the machine other programs take while the tasks run: every figure here assumes
 * the cores are the bench's alone, and a build or a test run beside it lowers the rates and
 * the speed-up by about its share. Busy time of all cores (os.cpus()) less the tasks' own CPU
 * time (each task reports its process's) and this process's, over the cores' wall-clock.
 */
const load = { othersMs: 0, capacityMs: 0, worst: { task: "", share: 0 } };

/** The machine's busy CPU time since boot, ms, summed over the cores. */
function machineBusyMs() {
  return cpus().reduce((n, c) => n + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
}

/** Start watching; the function returned, given the CPU ms the tasks used, counts what else ran. */
function watchLoad(task) {
  const busy = machineBusyMs();
  const own = process.cpuUsage();
  const t = performance.now();
  return (tasksCpuMs) => {
    const capacityMs = (performance.now() - t) * cpus().length;
    const ownUsed = process.cpuUsage(own);
    const ownMs = (ownUsed.user + ownUsed.system) / 1000;
    const othersMs = Math.max(0, machineBusyMs() - busy - tasksCpuMs - ownMs);
    load.othersMs += othersMs;
    load.capacityMs += capacityMs;
    const share = capacityMs > 0 ? othersMs / capacityMs : 0;
    if (share > load.worst.share) load.worst = { task, share };
  };
}

function measure(task, ...rest) {
  process.stdout.write(`  ${[task, ...rest].join(" ")} ...`);
  const t = Date.now();
  const args = [join(repoRoot, "bench/measure.mjs"), task, ...rest, ...(quick ? ["--quick"] : [])];
  const watched = watchLoad([task, ...rest].join(" "));
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: "utf8", maxBuffer: 1 << 26 });
  if (result.status !== 0) {
    process.stdout.write(" failed\n");
    throw new Error(`bench task ${task} failed:\n${result.stderr}`);
  }
  const output = JSON.parse(result.stdout.trim().split("\n").at(-1));
  watched(output.processCpuMs);
  process.stdout.write(` ${((Date.now() - t) / 1000).toFixed(0)} s\n`);
  return output;
}

/**
 * The pipeline, a bare wink-nlp pass and compromise on the same texts, each in a fresh process,
 * in alternating rounds: a slower spell of the machine slows all three, and the ratios are the
 * median of each round's.
 */
function sideBySide(rounds) {
  const names = ["pipeline", "wink", "compromise"];
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  const ratios = { wink: [], compromise: [], winkWall: [], compromiseWall: [] };
  for (let r = 0; r < rounds; r++) {
    const round = Object.fromEntries(names.map((n) => [n, measure("side", n)]));
    for (const n of names) runs[n].push(round[n]);
    const p = round.pipeline;
    ratios.wink.push(p.articlesPerCpuSecond / round.wink.articlesPerCpuSecond);
    ratios.compromise.push(p.articlesPerCpuSecond / round.compromise.articlesPerCpuSecond);
    ratios.winkWall.push(p.articlesPerSecond / round.wink.articlesPerSecond);
    ratios.compromiseWall.push(p.articlesPerSecond / round.compromise.articlesPerSecond);
  }
  const rate = (key) => Object.fromEntries(names.map((n) => [n, medianOf(runs[n].map((x) => x[key]))]));
  return {
    rounds,
    articlesPerSecond: rate("articlesPerSecond"),
    articlesPerCpuSecond: rate("articlesPerCpuSecond"),
    pipelineOverWink: medianOf(ratios.wink),
    pipelineOverCompromise: medianOf(ratios.compromise),
    pipelineOverWinkWall: medianOf(ratios.winkWall),
    pipelineOverCompromiseWall: medianOf(ratios.compromiseWall),
    pipelineRuns: runs.pipeline.map((x) => x.articlesPerCpuSecond),
  };
}

/**
 * The pipeline in one process per core at once, against one process alone, in alternating
 * rounds: no threads, no main thread and no messages, so this is the most any worker pool can
 * get from these cores for this work. Unlike the arithmetic loop, the pipeline reads and writes
 * memory, and the cores share the caches and the memory bus.
 */
async function processesTogether(rounds, count) {
  const task = () =>
    new Promise((resolve, reject) => {
      const args = [join(repoRoot, "bench/measure.mjs"), "side", "pipeline", ...(quick ? ["--quick"] : [])];
      const child = spawn(process.execPath, args, { cwd: repoRoot });
      let out = "";
      child.stdout.on("data", (chunk) => {
        out += chunk;
      });
      child.on("error", reject);
      child.on("close", (code) =>
        code === 0
          ? resolve(JSON.parse(out.trim().split("\n").at(-1)))
          : reject(new Error(`side pipeline: ${code}`)),
      );
    });
  process.stdout.write(`  ${count} pipeline processes at once ...`);
  const t = Date.now();
  const speedups = [];
  for (let r = 0; r < rounds; r++) {
    let watched = watchLoad("1 pipeline process");
    const alone = await task();
    watched(alone.processCpuMs);
    watched = watchLoad(`${count} pipeline processes at once`);
    const together = await Promise.all(Array.from({ length: count }, task));
    watched(together.reduce((sum, x) => sum + x.processCpuMs, 0));
    speedups.push(together.reduce((sum, x) => sum + x.articlesPerSecond, 0) / alone.articlesPerSecond);
  }
  process.stdout.write(` ${((Date.now() - t) / 1000).toFixed(0)} s\n`);
  return { count, rounds, speedup: medianOf(speedups) };
}

/** Wall-clock of a fresh `node bin/sitrep.js extract` on one article, to the document printed. */
function coldStart(text) {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-"));
  const file = join(dir, "article.txt");
  writeFileSync(file, text);
  const runs = [];
  try {
    for (let i = 0; i < (quick ? 3 : 7); i++) {
      const t = performance.now();
      const result = spawnSync(
        process.execPath,
        [join(repoRoot, "bin/sitrep.js"), "extract", "--published", "2018-01-01", file],
        { cwd: repoRoot, encoding: "utf8", maxBuffer: 1 << 26 },
      );
      const ms = performance.now() - t;
      if (result.status !== 0 || !result.stdout.startsWith("{")) {
        throw new Error(`sitrep extract failed: ${result.stderr}`);
      }
      runs.push(ms);
    }
    const bare = performance.now();
    spawnSync(process.execPath, ["-e", ""]);
    const nodeMs = performance.now() - bare;
    const sorted = [...runs].sort((a, b) => a - b);
    return {
      firstSeconds: runs[0] / 1000,
      medianSeconds: sorted[sorted.length >> 1] / 1000,
      nodeSeconds: nodeMs / 1000,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The middle value; of an even count, the mean of the middle two. */
function medianOf(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

const fmt = (n, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const check = (ok) => (ok ? "ok  " : "MISS");
/** A figure checked against a goal, with a third digit when two would round it onto the goal. */
const near = (n, goal) => fmt(n, fmt(n, 2) === fmt(goal, 2) && n !== goal ? 3 : 2);

ensureBuilt();
const corpus = loadCorpus();
if (corpus.note) process.stdout.write(`note: ${corpus.note}\n`);
process.stdout.write(`measuring${quick ? " (quick)" : ""}:\n`);
const pipeline = measure("pipeline");
const pages = measure("html");
const compare = sideBySide(quick ? 1 : 3);
const workers = measure("workers");
const processes = await processesTogether(quick ? 1 : 3, cpus().length);
const workersMemory = measure("workersMemory");
const scale = measure("scale");
const batch = measure("batch");
process.stdout.write("  cold start ...");
const cold = coldStart(corpus.articles.find((a) => a.text.length >= 3000)?.text ?? corpus.articles[0].text);
process.stdout.write(" done\n");

// The memory goal is on articles (the corpus, one long article, a long batch); web pages are
// measured apart and printed beside: their DOMs, not the pipeline, set their peak.
const peakRssMb = Math.max(pipeline.peakRssMb, scale.peakRssMb, batch.peakRssMb);
// Goals on rates are checked on CPU time (articles per CPU-second is articles/s per core) so a
// busy machine does not fail them; wall-clock figures are printed beside.
const byParagraphs = scale.runs.filter((r) => !r.oneParagraph);
const oneParagraph = scale.runs.find((r) => r.oneParagraph);
const scaleFlat = byParagraphs.at(-1).articlesPerCpuSecond / byParagraphs[0].articlesPerCpuSecond;
// The rate per core is checked on every run of the same batch path: the pipeline task and the
// side-by-side's pipeline passes, each a fresh process. One run alone can fall in a slow spell of
// a shared host (a third apart from one run to the next has been seen); their median holds.
const perCoreRuns = [pipeline.articlesPerCpuSecond, ...compare.pipelineRuns];
const perCore = medianOf(perCoreRuns);
const firstThousand = batch.cpuRatePerThousand[0];
const lastThousand = batch.cpuRatePerThousand.at(-1);
const results = {
  date: new Date().toISOString(),
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? "unknown",
    node: process.version,
    platform: process.platform,
  },
  quick,
  corpus: pipeline.corpus,
  singleThread: {
    articlesPerSecond: pipeline.articlesPerSecond,
    sentencesPerSecond: pipeline.sentencesPerSecond,
    tokensPerSecond: pipeline.tokensPerSecond,
    articlesPerCpuSecond: pipeline.articlesPerCpuSecond,
    sentencesPerCpuSecond: pipeline.sentencesPerCpuSecond,
    tokensPerCpuSecond: pipeline.tokensPerCpuSecond,
    passes: pipeline.rounds,
    groupSize: pipeline.groupSize,
    oneByOne: pipeline.oneByOne,
  },
  stagesMsPerArticle: pipeline.stages,
  html: pages.html,
  htmlPeakRssMb: pages.peakRssMb,
  sideBySide: compare,
  workers,
  processesTogether: processes,
  workersPeakRssMb: workersMemory.peakRssMb,
  peakRssMb,
  coldStart: cold,
  length: scale,
  batch,
  goals: {
    articlesPerSecondPerCore: {
      goal: `>= ${GOALS.articlesPerSecondPerCore}`,
      value: perCore,
      runs: perCoreRuns,
      wallClock: pipeline.articlesPerSecond,
    },
    pipelineOverWink: {
      goal: `>= ${GOALS.pipelineOverWink}`,
      value: compare.pipelineOverWink,
      wallClock: compare.pipelineOverWinkWall,
    },
    pipelineOverCompromise: {
      goal: `>= ${GOALS.pipelineOverCompromise}`,
      value: compare.pipelineOverCompromise,
      wallClock: compare.pipelineOverCompromiseWall,
    },
    workerSpeedup: {
      goal: `>= ${GOALS.twoWorkerSpeedup} on 2 cores`,
      value: workers.speedup,
      machineSpeedup: workers.machineSpeedup,
      oneWorkerCores: workers.oneWorkerCores,
    },
    peakRssMb: { goal: `< ${GOALS.peakRssMb}`, value: peakRssMb, workers: workersMemory.peakRssMb },
    coldStartSeconds: { goal: `< ${GOALS.coldStartSeconds}`, value: cold.medianSeconds },
  },
  otherLoad: {
    share: load.capacityMs > 0 ? load.othersMs / load.capacityMs : 0,
    worstTask: load.worst.task,
    worstShare: load.worst.share,
  },
  seconds: (Date.now() - started) / 1000,
};
writeFileSync(join(repoRoot, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);

const c = pipeline.corpus;
// Shares of the pipeline's own steps (serialising is the caller's, shown beside them).
const stageTotal = Object.entries(pipeline.stages)
  .filter(([name]) => name !== "serialise (JSON)")
  .reduce((n, [, ms]) => n + ms, 0);
const lines = [
  "",
  `sitrep bench: Node ${process.version}, ${results.machine.cores} cores (${results.machine.cpu})${quick ? ", quick run" : ""}`,
  `corpus: ${c.articles} articles from ${c.source}`,
  `        mean ${fmt(c.meanChars)} chars, ${fmt(c.meanTokens)} tokens, ${fmt(c.meanSentences)} sentences`,
  "",
  `full pipeline, one thread, batches of ${pipeline.groupSize}  per CPU-second (per core)      wall-clock`,
  `  articles/s                          ${fmt(pipeline.articlesPerCpuSecond).padStart(12)}   ${fmt(pipeline.articlesPerSecond).padStart(12)}`,
  `  sentences/s                         ${fmt(pipeline.sentencesPerCpuSecond).padStart(12)}   ${fmt(pipeline.sentencesPerSecond).padStart(12)}`,
  `  tokens/s                            ${fmt(pipeline.tokensPerCpuSecond).padStart(12)}   ${fmt(pipeline.tokensPerSecond).padStart(12)}`,
  `  one extract() call per article       ${fmt(pipeline.oneByOne.articlesPerCpuSecond).padStart(12)}   ${fmt(pipeline.oneByOne.articlesPerSecond).padStart(12)}`,
  `  ${check(perCore >= GOALS.articlesPerSecondPerCore)} ${fmt(perCore)} articles/s per core, the median of ${perCoreRuns.length} runs of the batch path (${perCoreRuns.map((x) => fmt(x)).join(", ")}; goal >= ${GOALS.articlesPerSecondPerCore})`,
  `side by side (same texts, each in its own process, ${compare.rounds} alternating rounds), articles per CPU-second`,
  `  pipeline ${fmt(compare.articlesPerCpuSecond.pipeline)}   bare wink-nlp ${fmt(compare.articlesPerCpuSecond.wink)}   compromise ${fmt(compare.articlesPerCpuSecond.compromise)}`,
  `  ${check(compare.pipelineOverWink >= GOALS.pipelineOverWink)} pipeline / wink-nlp   = ${fmt(compare.pipelineOverWink, 2)}  (goal >= ${GOALS.pipelineOverWink}; wall-clock ${fmt(compare.pipelineOverWinkWall, 2)})`,
  `  ${check(compare.pipelineOverCompromise >= GOALS.pipelineOverCompromise)} pipeline / compromise = ${fmt(compare.pipelineOverCompromise, 1)}  (goal >= ${GOALS.pipelineOverCompromise}; wall-clock ${fmt(compare.pipelineOverCompromiseWall, 1)})`,
  `worker threads (${workers.cores}), wall-clock`,
  `  1 worker ${fmt(workers.oneWorkerArticlesPerSecond)} articles/s   ${workers.cores} workers ${fmt(workers.allWorkersArticlesPerSecond)} articles/s`,
  `  ${check(workers.speedup >= GOALS.twoWorkerSpeedup)} speed-up ${near(workers.speedup, GOALS.twoWorkerSpeedup)}x  (goal >= ${GOALS.twoWorkerSpeedup}x on 2 cores)`,
  `       the machine itself: an arithmetic loop on ${workers.cores} workers runs ${fmt(workers.machineSpeedup, 2)}x one worker,` +
    ` so the pipeline gets ${fmt(100 * workers.speedupOfMachine)}% of what the cores give`,
  `       the same pipeline in ${processes.count} processes at once (no threads) runs ${fmt(processes.speedup, 2)}x one process alone: what these cores give this work`,
  `       the main thread (sending texts, receiving documents) is busy ${fmt(100 * workers.mainThreadBusy)}% of the time with ${workers.cores} workers`,
  `       1 worker alone keeps ${fmt(workers.oneWorkerCores, 2)} cores busy (V8's collector and compiler threads and the main thread use an idle core):` +
    ` ${workers.cores} cores give at most ${fmt(workers.cores / workers.oneWorkerCores, 2)}x of that`,
  "memory and start-up",
  `  ${check(Math.max(peakRssMb, workersMemory.peakRssMb) < GOALS.peakRssMb)} peak RSS ${fmt(peakRssMb)} MB one thread, ${fmt(workersMemory.peakRssMb)} MB with ${workers.cores} workers  (goal < ${GOALS.peakRssMb} MB)`,
  `       (one thread on ${fmt(pages.html?.pages ?? 0)} web pages: ${fmt(pages.peakRssMb)} MB)`,
  `  ${check(cold.medianSeconds < GOALS.coldStartSeconds)} cold start ${fmt(cold.medianSeconds, 2)} s to the first document (first run ${fmt(cold.firstSeconds, 2)} s; bare node ${fmt(cold.nodeSeconds, 2)} s)  (goal < ${GOALS.coldStartSeconds} s)`,
  "time per stage, ms per article, share of the pipeline",
  ...Object.entries(pipeline.stages).map(
    ([name, ms]) =>
      `  ${name.padEnd(18)} ${fmt(ms, 3).padStart(8)}  ${fmt((100 * ms) / stageTotal, 0).padStart(3)}%`,
  ),
];
if (pages.html) {
  const h = pages.html;
  lines.push(
    `HTML pages (${h.pages} pages, mean ${fmt(h.meanBytes / 1024)} kB): ${fmt(h.pagesPerSecond)} pages/s; ms per page: ` +
      Object.entries(h.stages)
        .filter(([, ms]) => ms >= 0.05)
        .map(([name, ms]) => `${name} ${fmt(ms, 1)}`)
        .join(", "),
  );
}
lines.push(
  `length (the same ${scale.articles} articles as documents of 1, 10 and 100 articles each, one extract() call each), articles per CPU-second`,
  `  ${byParagraphs.map((r) => `${r.times}x ${fmt(r.articlesPerCpuSecond)}`).join("   ")}   (${check(scaleFlat >= 0.7)} 100x keeps ${fmt(100 * scaleFlat)}% of 1x)`,
  `  100x as one paragraph ${fmt(oneParagraph.articlesPerCpuSecond)}   (${fmt((100 * oneParagraph.articlesPerCpuSecond) / byParagraphs[0].articlesPerCpuSecond)}% of 1x)`,
  `${fmt(batch.documents)} documents in a row (one extract() call each; corpus reused; after a two-pass warm-up), articles per CPU-second`,
  `  first thousand ${fmt(firstThousand)}   last thousand ${fmt(lastThousand)}   (${check(lastThousand >= 0.8 * firstThousand)} last keeps ${fmt((100 * lastThousand) / firstThousand)}%)`,
  `  per thousand: ${batch.cpuRatePerThousand.map((r) => fmt(r)).join(" ")}  (wall-clock: ${batch.ratePerThousand.map((r) => fmt(r)).join(" ")})`,
  `other programs took ${fmt(100 * results.otherLoad.share, 1)}% of the cores while the tasks ran (at most ${fmt(100 * results.otherLoad.worstShare, 1)}%, during ${results.otherLoad.worstTask || "none"})`,
);
if (results.otherLoad.share > OTHER_LOAD_WARNING)
  lines.push(
    "  MISS the machine was not idle: the rates and the speed-up above are low by about that share; run again with nothing else running",
  );
lines.push("", `results: bench/results.json   (${fmt(results.seconds)} s)`);
process.stdout.write(`${lines.join("\n")}\n`);
