// Byte-stream plumbing for uploads: read just enough of the body to sniff it, then hand the whole
// body (those bytes included) on as one async iterable, without buffering the file.

export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

function isWebStream(source: ByteSource): source is ReadableStream<Uint8Array> {
  return typeof (source as ReadableStream<Uint8Array>).getReader === "function";
}

async function* fromWebStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    // Stopped early (refused or too large): tell the sender we are not reading the rest.
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

export function toAsyncIterable(source: ByteSource): AsyncIterable<Uint8Array> {
  return isWebStream(source) ? fromWebStream(source) : source;
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return new TextEncoder().encode(chunk);
  throw new TypeError("Aliran berkas harus berisi byte.");
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * Reads chunks until at least `bytes` bytes (or the end) are in hand. `head` is what was read
 * (possibly more than `bytes`); `rest` yields the entire body from the first byte; `cancel` stops
 * the source when the body is refused.
 */
export async function readHead(source: AsyncIterable<Uint8Array>, bytes: number) {
  const iterator = source[Symbol.asyncIterator]();
  const buffered: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = toBytes(next.value);
    buffered.push(chunk);
    size += chunk.byteLength;
  }
  const head = concat(buffered);
  async function* rest(): AsyncGenerator<Uint8Array> {
    if (head.byteLength > 0) yield head;
    if (ended) return;
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield toBytes(next.value);
      }
    } finally {
      await iterator.return?.();
    }
  }
  const cancel = async () => {
    await iterator.return?.();
  };
  return { head, rest: rest(), cancel };
}
