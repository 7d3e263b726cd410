// The pipeline: ingest -> NLP -> the extractor stages, in an order checked once when the
// pipeline is built (each stage's `requires` and `uses` must come before it). One stage that
// throws costs only its own layer: the document still comes out, with a located message.
import type { Doc } from "./core/doc.js";
import { ErrorCode, SitrepError } from "./core/errors.js";
import { articleId } from "./core/ids.js";
import { emptyDocument, type Message, SCHEMA_VERSION, type SitrepDocument } from "./core/schema.js";
import { defaultStages } from "./extract/index.js";
import type { AnalysedDoc, LayerName, Layers, Stage } from "./extract/stage.js";
import { decodeBytes, type IngestInput, ingest } from "./ingest/index.js";
import { analyse } from "./nlp/index.js";

export interface ExtractOptions {
  /** Publication date to resolve relative times against (YYYY-MM-DD); overrides the page's own. */
  published?: string | null;
  /** How to read a string input: "auto" (default) sniffs HTML. */
  format?: "text" | "html" | "auto";
  source?: string | null;
  ref?: string | null;
  title?: string | null;
  /** Largest byte input accepted (default 10 MB). */
  maxBytes?: number;
  /** Stages to run instead of the default ones. */
  stages?: readonly Stage[];
  /** Told how long each step took: "ingest", "nlp", then each stage by name (for the benchmark). */
  onStage?: StageTimer;
}

/** Receives one step's wall-clock time in milliseconds; the output does not change when it is set. */
export type StageTimer = (name: string, ms: number) => void;

export interface Pipeline {
  readonly stages: readonly Stage[];
  /** Run the stages over an ingested Doc, telling `onStage` how long "nlp" and each stage took. */
  run(doc: Doc, onStage?: StageTimer): SitrepDocument;
}

/** Build a pipeline, checking once that every stage comes after the layers it needs. */
export function createPipeline(stages: readonly Stage[] = defaultStages): Pipeline {
  const seen = new Set<LayerName>();
  for (const stage of stages) {
    for (const need of [...stage.requires, ...(stage.uses ?? [])]) {
      if (!seen.has(need) && (stage.requires.includes(need) || stages.some((s) => s.name === need))) {
        throw new Error(
          `pipeline order: stage "${stage.name}" needs "${need}", which no earlier stage gives`,
        );
      }
    }
    if (seen.has(stage.name)) throw new Error(`pipeline order: two stages give "${stage.name}"`);
    seen.add(stage.name);
  }
  return { stages, run: (doc, onStage) => runStages(stages, doc, onStage) };
}

let defaultPipeline: Pipeline | undefined;

/** The library entry point: one input to one sitrep/1 document. Throws SitrepError on bad input. */
export function extract(
  input: string | Uint8Array | IngestInput,
  options: ExtractOptions = {},
): SitrepDocument {
  const pipeline = options.stages ? createPipeline(options.stages) : (defaultPipeline ??= createPipeline());
  const onStage = options.onStage;
  if (!onStage) return pipeline.run(toDoc(input, options));
  const started = performance.now();
  const doc = toDoc(input, options);
  onStage("ingest", performance.now() - started);
  return pipeline.run(doc, onStage);
}

/** Ingest any input form with the options applied. */
export function toDoc(input: string | Uint8Array | IngestInput, options: ExtractOptions = {}): Doc {
  let record: IngestInput;
  if (typeof input === "string") record = { text: input };
  else if (input instanceof Uint8Array) {
    record = { text: decodeBytes(input, { maxBytes: options.maxBytes, where: options.source ?? undefined }) };
  } else record = { ...input };
  if (options.format) record.format = options.format;
  if (options.source !== undefined) record.source = options.source;
  if (options.ref !== undefined) record.ref = options.ref;
  if (options.title !== undefined) record.title = options.title;
  if (options.published) record.published = options.published;
  return ingest(record);
}

function runStages(stages: readonly Stage[], doc: Doc, onStage?: StageTimer): SitrepDocument {
  const messages: Message[] = [...doc.messages];
  const layers: Partial<Layers> = {};
  if (doc.meta.language === "en") {
    let started = onStage ? performance.now() : 0;
    const analysed: AnalysedDoc = { ...doc, nlp: analyse(doc.text), layers };
    if (onStage) onStage("nlp", performance.now() - started);
    for (const stage of stages) {
      if (onStage) started = performance.now();
      try {
        const result = stage.run(analysed);
        (layers as Record<LayerName, unknown>)[stage.name] = result.items;
        for (const m of result.messages ?? []) messages.push({ source: stage.name, ...m });
      } catch (e) {
        (layers as Record<LayerName, unknown>)[stage.name] = [];
        messages.push({
          code: ErrorCode.STAGE_FAILED,
          severity: "error",
          reason: `the ${stage.name} stage failed: ${(e as Error).message}`,
          source: stage.name,
        });
      }
      if (onStage) onStage(stage.name, performance.now() - started);
    }
  }
  return {
    schema: SCHEMA_VERSION,
    article: {
      id: articleId(doc.text),
      ref: doc.meta.ref,
      source: doc.meta.source,
      title: doc.meta.title,
      published: doc.meta.published,
      language: doc.meta.language,
      text: doc.text,
      sections: [...doc.sections],
    },
    entities: layers.entities ?? [],
    quotes: layers.quotes ?? [],
    quantities: layers.quantities ?? [],
    times: layers.times ?? [],
    places: layers.places ?? [],
    events: layers.events ?? [],
    messages,
  };
}

/** The document for an input that could not be read: no text, only the error. */
export function errorDocument(
  error: SitrepError,
  meta: { ref?: string | null; source?: string | null } = {},
) {
  return emptyDocument(
    {
      id: articleId(`${meta.ref ?? ""}\u0000${meta.source ?? ""}\u0000${error.code}`),
      ref: meta.ref ?? null,
      source: meta.source ?? null,
      title: null,
      published: null,
      language: "und",
      text: "",
      sections: [],
    },
    [error.toMessage()],
  );
}

export { SitrepError };
