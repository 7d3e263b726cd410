// A calibration worker: spins a fixed arithmetic loop (no allocation, nothing shared) when asked.
// Run on every core at once against one core alone, it tells how much of a second core the
// machine really gives at that moment (a shared host may give less than one).
import { parentPort } from "node:worker_threads";

parentPort.on("message", (iterations) => {
  let x = 0;
  for (let i = 0; i < iterations; i++) x = (x + i * 7) % 1000003;
  parentPort.postMessage(x);
});
