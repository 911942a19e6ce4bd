import type { Session } from "../sessions";
import type { Delivery } from "./deliveries";
import { deliveriesOf } from "./deliveries";
import { scopedRows } from "./outbox-reader";
import type { Relay } from "./relay";

/**
 * Sends a socket every event of its scope after `afterId`, in id order, then joins it to live
 * delivery with no gap and no duplicate: older events come from the database, recent ones from
 * the relay's ring, and the switch to live happens in the same synchronous step as the last
 * replayed event, while the relay's `cursor` cannot move.
 */
export async function replayThenGoLive(session: Session, relay: Relay, afterId: number, batch: number): Promise<{ replayed: number; lastEventId: number }> {
  session.pause();
  session.replaying = true;
  let replayed = 0;
  let from = afterId;
  try {
    for (;;) {
      if (session.socket.disconnected) return { replayed, lastEventId: from };
      if (relay.ring.covers(from)) {
        for (const event of relay.ring.after(from)) replayed += emitInScope(session, event.deliveries);
        session.goLive();
        return { replayed, lastEventId: relay.cursor };
      }
      // Everything in (from, floor] was delivered before the ring's oldest event: read it.
      const upTo = relay.ring.floor;
      const rows = await scopedRows(session.scope, from, upTo, batch);
      for (const row of rows) replayed += emitInScope(session, deliveriesOf(row));
      from = rows.length === batch ? rows[rows.length - 1]!.id : upTo;
    }
  } finally {
    session.replaying = false;
  }
}

function emitInScope(session: Session, deliveries: Delivery[]): number {
  let sent = 0;
  for (const d of deliveries) {
    if (!d.rooms.some((room) => session.rooms.has(room))) continue;
    session.socket.emit(d.event, d.data);
    sent += 1;
  }
  return sent;
}
