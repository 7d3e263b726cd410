// A benchmark worker thread: loads the built library once, warms up on the corpus, then runs
// the pipeline on the documents it is handed ({from, count}: corpus indices, taken cyclically)
// and answers with the count when they are done; or spins a fixed arithmetic loop, which tells
// how much of a second core the machine really gives (a shared host may give less than one).
import { parentPort, workerData } from "node:worker_threads";
import { extract } from "../dist/index.js";

const { texts, published } = workerData;
const run = (i) => {
  const k = i % texts.length;
  extract(texts[k], { published: published[k] });
};

for (let i = 0; i < texts.length; i++) run(i);
parentPort.postMessage({ ready: true });
/** Pure arithmetic, no allocation: what the machine's cores give when nothing is shared. */
function spin(iterations) {
  let x = 0;
  for (let i = 0; i < iterations; i++) x = (x + i * 7) % 1000003;
  return x;
}

parentPort.on("message", ({ from, count, spinIterations }) => {
  if (spinIterations !== undefined) {
    parentPort.postMessage({ count: 0, spun: spin(spinIterations) });
    return;
  }
  for (let i = from; i < from + count; i++) run(i);
  parentPort.postMessage({ count });
});
