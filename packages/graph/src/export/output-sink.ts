import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

/**
 * Buffered text output with backpressure: text is gathered into chunks of about 64 KiB and each
 * chunk waits for the stream to drain before the next is written, so an export of any size
 * keeps memory flat even into a slow pipe.
 */
export class OutputSink {
  readonly #stream: NodeJS.WritableStream;
  #buffer: string[] = [];
  #size = 0;
  readonly #chunkSize: number;
  #error: Error | undefined;
  readonly #onError = (error: Error) => {
    this.#error ??= error;
  };

  /**
   * Watches the stream for errors (a closed pipe: `newsgraph export | head`) so that the next
   * write rejects with it instead of the process dying of an unhandled 'error' event.
   */
  constructor(stream: NodeJS.WritableStream, chunkSize = 64 * 1024) {
    this.#stream = stream;
    this.#chunkSize = chunkSize;
    stream.on('error', this.#onError);
  }

  /** Stops watching the stream (call when done with it). */
  release(): void {
    this.#stream.removeListener('error', this.#onError);
  }

  async write(text: string): Promise<void> {
    if (this.#error) throw this.#error;
    this.#buffer.push(text);
    this.#size += text.length;
    if (this.#size >= this.#chunkSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#error) throw this.#error;
    if (this.#size === 0) return;
    const chunk = this.#buffer.join('');
    this.#buffer = [];
    this.#size = 0;
    if (!this.#stream.write(chunk)) await once(this.#stream, 'drain');
  }
}

/**
 * A file written under a temporary name and renamed into place when complete, so a failed or
 * interrupted export never leaves a truncated file that looks finished.
 */
export interface FileTarget {
  stream: NodeJS.WritableStream;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openFileTarget(path: string): Promise<FileTarget> {
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial);
  await once(stream, 'open');
  const closed = async () => {
    if (!stream.closed) {
      stream.end();
      await once(stream, 'close');
    }
  };
  return {
    stream,
    async commit() {
      await closed();
      await rename(partial, path);
    },
    async abort() {
      stream.destroy();
      await rm(partial, { force: true });
    },
  };
}
