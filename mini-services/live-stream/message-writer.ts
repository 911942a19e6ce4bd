import { isRetryableDbError } from "@/server/db/transact";
import { insertMessages } from "@/server/live/chat";
import type { MessageRow } from "@/server/live/views";

const BATCH_MS = 20;
const BATCH_MAX = 500;
const ATTEMPTS = 4;

interface Pending {
  row: MessageRow;
  done: (error?: unknown) => void;
}

/**
 * Chat messages are broadcast first and written here, many per statement: a busy show costs one
 * INSERT every 20 ms instead of one per message, and the fan-out never waits for the disk.
 * Each caller's promise settles when its row is committed (the sender's ack waits for it).
 */
export function createMessageWriter() {
  let pending: Pending[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain: Promise<void> = Promise.resolve();

  async function write(batch: Pending[]) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await insertMessages(batch.map((p) => p.row));
        batch.forEach((p) => p.done());
        return;
      } catch (error) {
        if (!isRetryableDbError(error) || attempt >= ATTEMPTS) {
          batch.forEach((p) => p.done(error));
          return;
        }
        await new Promise((r) => setTimeout(r, 20 * attempt));
      }
    }
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    if (batch.length) chain = chain.then(() => write(batch));
    return chain;
  }

  return {
    write(row: MessageRow): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        pending.push({ row, done: (error) => (error ? reject(error) : resolve()) });
        if (pending.length >= BATCH_MAX) void flush();
        else timer ??= setTimeout(() => void flush(), BATCH_MS);
      });
    },
    /** Everything sent so far is in the database (before moderating a message, and at shutdown). */
    flush,
  };
}
export type MessageWriter = ReturnType<typeof createMessageWriter>;
