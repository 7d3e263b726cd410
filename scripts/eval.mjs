#!/usr/bin/env node
// `npm run eval`: score every evaluation set in ../shared/eval with its own scorer, print one
// table, and compare each headline with the recorded baseline (eval/baseline.json) so a drop
// is visible. `npm run eval -- --update` records the current figures as the new baseline;
// `--only NAME` scores one set; `--misses N` passes through to the scorer.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const evalDir = process.env.SITREP_EVAL_DIR ?? join(root, "..", "shared", "eval");
const baselinePath = join(root, "eval", "baseline.json");
const args = process.argv.slice(2);
const update = args.includes("--update");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
const misses = args.includes("--misses") ? ["--misses", args[args.indexOf("--misses") + 1]] : [];
/** A headline may wobble by this much before it counts as a drop. */
const TOLERANCE = 0.005;

if (!existsSync(join(evalDir, "score.mjs"))) {
  console.error(`sitrep eval: no evaluation sets at ${evalDir} (set SITREP_EVAL_DIR)`);
  process.exit(2);
}
const command = `node ${join(root, "bin", "sitrep.js")} extract`;
const sets = readdirSync(evalDir, { withFileTypes: true })
  .filter(
    (d) =>
      (d.isDirectory() && existsSync(join(evalDir, d.name, "gold.json"))) ||
      existsSync(join(evalDir, d.name, "gold.jsonl")),
  )
  .map((d) => d.name)
  .filter((name) => !only || name === only)
  .sort();

/** Every "label ... number" line of the scorer's report, as {label: number}. */
function parseReport(out) {
  const metrics = {};
  let headline = null;
  for (const line of out.split("\n")) {
    const score = /^score: (?:F1 )?([\d.]+)(?:\/(\d+) \(([\d.]+)%\))?/.exec(line);
    if (score) {
      headline = score[2] ? Number(score[1]) / Number(score[2]) : Number(score[1]);
      continue;
    }
    const prf = /^(\S[\w+ /-]*?)\s+P ([\d.]+)\s+R ([\d.]+)\s+F1 ([\d.]+)/.exec(line);
    if (prf) {
      const label = prf[1].trim();
      metrics[`${label} P`] = Number(prf[2]);
      metrics[`${label} R`] = Number(prf[3]);
      metrics[`${label} F1`] = Number(prf[4]);
      continue;
    }
    const found = /^(\S[\w+ -]*?)\s+(\d+)\/(\d+)\s*$/.exec(line);
    if (found) {
      metrics[found[1].trim()] = `${found[2]}/${found[3]}`;
      continue;
    }
    const secondary = /^\s+(\S[\w@ ()/-]*?)\s{2,}([\d.]+)(?:\s|$)/.exec(line);
    if (secondary) metrics[secondary[1].trim()] = Number(secondary[2]);
  }
  return { headline, metrics };
}

const baseline = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, "utf8")) : { sets: {} };
const results = {};
let dropped = false;
console.log(
  `${"set".padEnd(20)} ${"headline".padStart(9)} ${"baseline".padStart(9)} ${"change".padStart(8)}  seconds`,
);
for (const name of sets) {
  const started = Date.now();
  const gold = existsSync(join(evalDir, name, "gold.json"))
    ? join(evalDir, name, "gold.json")
    : join(evalDir, name);
  const run = spawnSync("node", [join(evalDir, "score.mjs"), gold, "--run", command, ...misses], {
    encoding: "utf8",
    maxBuffer: 256 << 20,
  });
  const seconds = (Date.now() - started) / 1000;
  if (run.status !== 0) {
    console.log(`${name.padEnd(20)} failed: ${(run.stderr || run.stdout).trim().split("\n").pop()}`);
    dropped = true;
    continue;
  }
  const report = parseReport(run.stdout);
  results[name] = { ...report, seconds };
  const before = baseline.sets?.[name]?.headline;
  const change = typeof before === "number" && report.headline !== null ? report.headline - before : null;
  if (change !== null && change < -TOLERANCE) dropped = true;
  console.log(
    `${name.padEnd(20)} ${fmt(report.headline).padStart(9)} ${fmt(before).padStart(9)} ${(change === null ? "" : `${change >= 0 ? "+" : ""}${change.toFixed(3)}`).padStart(8)}  ${seconds.toFixed(1)}`,
  );
  for (const [label, value] of Object.entries(report.metrics)) {
    console.log(`    ${label.padEnd(34)} ${typeof value === "number" ? value.toFixed(3) : value}`);
  }
  if (misses.length > 0) console.log(run.stdout);
}

function fmt(x) {
  return typeof x === "number" ? x.toFixed(3) : "-";
}

if (update) {
  const sets = { ...(baseline.sets ?? {}) };
  for (const [name, r] of Object.entries(results)) sets[name] = { headline: r.headline, metrics: r.metrics };
  writeFileSync(
    baselinePath,
    `${JSON.stringify({ recorded: new Date().toISOString().slice(0, 10), node: process.version, sets }, null, 2)}\n`,
  );
  console.log(`baseline written to ${baselinePath}`);
} else if (dropped) {
  console.log("a headline dropped below the baseline: explain it, or record the new figures with --update");
  process.exitCode = 1;
}
