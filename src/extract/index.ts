// The default extractor stages, in the order DESIGN.md gives. Adding a stage means adding a
// folder under src/extract/ and one line here; the pipeline checks the order at start-up.
import { entitiesStage } from "./entities/index.js";
import { eventsStage } from "./events/index.js";
import { placesStage } from "./places/index.js";
import { quantitiesStage } from "./quantities/index.js";
import { quotesStage } from "./quotes/index.js";
import type { Stage } from "./stage.js";
import { timesStage } from "./times/index.js";

export const defaultStages: readonly Stage[] = [
  quantitiesStage,
  timesStage,
  placesStage,
  entitiesStage,
  quotesStage,
  eventsStage,
] as Stage[];
