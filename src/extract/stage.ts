// The contract between the pipeline and the extractors (STYLE.md §4, §5): each extractor is a
// pure function of the Doc and the layers before it, declares which layers it needs and which
// one it gives, and returns its items with located messages. No I/O, no logging, no globals
// beyond data loaded once.
import type { Doc } from "../core/doc.js";
import type { Entity, Event, Message, Place, Quantity, Quote, Time } from "../core/schema.js";
import type { NlpLayer } from "../nlp/index.js";

/** The annotation layers of a sitrep/1 document, each produced by one stage. */
export interface Layers {
  quantities: Quantity[];
  times: Time[];
  places: Place[];
  entities: Entity[];
  quotes: Quote[];
  events: Event[];
}
export type LayerName = keyof Layers;

/** A Doc after the NLP pass, with the layers the stages before this one gave. */
export interface AnalysedDoc extends Doc {
  readonly nlp: NlpLayer;
  readonly layers: Readonly<Partial<Layers>>;
}

export interface StageResult<K extends LayerName> {
  items: Layers[K];
  messages?: Message[];
}

export interface Stage<K extends LayerName = LayerName> {
  /** The layer this stage gives. */
  readonly name: K;
  /** Layers that must exist before it runs. */
  readonly requires: readonly LayerName[];
  /** Layers it reads when they exist, without requiring them. */
  readonly uses?: readonly LayerName[];
  run(doc: AnalysedDoc): StageResult<K>;
}

/** Helper for declaring a stage with its layer type checked. */
export function defineStage<K extends LayerName>(stage: Stage<K>): Stage<K> {
  return stage;
}
