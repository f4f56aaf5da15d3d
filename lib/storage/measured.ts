// The body of a write, counted and hashed while it streams through, with the size limit applied
// chunk by chunk: the first byte past `maxBytes` fails the stream (ObjectTooLargeError), so no
// backend ever receives more than the limit.
import { createHash } from "node:crypto";

/** Thrown by a write when the source is longer than `maxBytes` (nothing is kept). */
export class ObjectTooLargeError extends Error {
  constructor(public readonly maxBytes: number) {
    super(`Objek melebihi ${maxBytes} byte / object exceeds ${maxBytes} bytes`);
    this.name = "ObjectTooLargeError";
  }
}

export class MeasuredBody implements AsyncIterable<Uint8Array> {
  private readonly hash = createHash("sha256");
  private bytes = 0;
  private finished = false;
  private consumed = false;

  constructor(
    private readonly source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    private readonly maxBytes: number,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    if (this.consumed) throw new Error("MeasuredBody can be read once");
    this.consumed = true;
    for await (const chunk of this.source) {
      this.bytes += chunk.byteLength;
      if (this.bytes > this.maxBytes) throw new ObjectTooLargeError(this.maxBytes);
      this.hash.update(chunk);
      yield chunk;
    }
    this.finished = true;
  }

  /** Size and SHA-256 of the whole body; only after it has been read to the end. */
  result(): { sizeBytes: number; sha256: string; sha256Base64: string } {
    if (!this.finished) throw new Error("MeasuredBody.result() before the body ended");
    const digest = this.hash.copy().digest();
    return { sizeBytes: this.bytes, sha256: digest.toString("hex"), sha256Base64: digest.toString("base64") };
  }
}
