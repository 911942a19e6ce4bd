import type { AnySocket } from "@/server/service/define-handler";

type Handshake = AnySocket["handshake"];

// Shared by every socket: nothing reads these after the handshake, so one frozen copy serves all.
const EMPTY: Omit<Handshake, "auth"> = Object.freeze({
  headers: Object.freeze({}),
  time: "",
  address: "",
  xdomain: false,
  secure: false,
  issued: 0,
  url: "",
  query: Object.freeze({}),
});

/**
 * Socket.IO keeps `socket.handshake` (the request's headers and URL, the query, the time as a
 * string) for the socket's whole life. The services read only `auth` once the middleware has
 * run (the notifications service its resume point), so the rest is dropped: with a crowd of
 * viewers connecting at once it is measurable memory per socket (bench/live-fanout.ts).
 */
export function slimHandshake(socket: AnySocket): void {
  // One own property; the rest is read through the shared prototype.
  const slim = Object.create(EMPTY) as Handshake;
  slim.auth = socket.handshake.auth;
  (socket as { handshake: Handshake }).handshake = slim;
}
