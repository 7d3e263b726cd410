// Documents into the archive in batches, one transaction each, counting what happened. A batch
// the store refuses is retried one document at a time, so one bad document (say, two
// annotations with one id) fails alone with a reason instead of costing its whole batch.
import type { ArchiveStore, PutOutcome, StoreInput } from "../../store/types.js";
import type { InputFailure } from "./inputs.js";

export class BatchWriter {
  stored = 0;
  copies = 0;
  duplicates = 0;
  readonly failed: InputFailure[] = [];
  private buffer: { input: StoreInput; where: string }[] = [];

  constructor(
    private readonly store: ArchiveStore,
    private readonly batchSize: number,
  ) {}

  /** Queue one document; writes a batch when enough are waiting. */
  async add(input: StoreInput, where: string): Promise<void> {
    this.buffer.push({ input, where });
    if (this.buffer.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      for (const outcome of await this.store.put(batch.map((b) => b.input))) this.count(outcome);
    } catch {
      for (const { input, where } of batch) {
        try {
          for (const outcome of await this.store.put([input])) this.count(outcome);
        } catch (e) {
          this.failed.push({ where, code: "E_STORE", reason: `not stored: ${(e as Error).message}` });
        }
      }
    }
  }

  private count(outcome: PutOutcome): void {
    if (outcome.status === "duplicate") this.duplicates++;
    else {
      this.stored++;
      if (outcome.copyOf) this.copies++;
    }
  }
}
