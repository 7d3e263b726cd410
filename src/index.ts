// The library: `extract(input, options) => SitrepDocument` and the pieces around it.
export type { Doc, DocMeta } from "./core/doc.js";
export { ErrorCode, EXIT_STATUS, SitrepError } from "./core/errors.js";
export * from "./core/schema.js";
export type { AnalysedDoc, Layers, Stage } from "./extract/stage.js";
export { type IngestInput, ingest } from "./ingest/index.js";
export {
  type BatchItem,
  type BatchResult,
  createPipeline,
  type ExtractOptions,
  errorDocument,
  extract,
  extractBatch,
  toDoc,
} from "./pipeline.js";
