// Not built yet: gives an empty layer until its issue lands.
import { defineStage } from "../stage.js";

export const quotesStage = defineStage({
  name: "quotes",
  requires: [],
  run: () => ({ items: [] }),
});
