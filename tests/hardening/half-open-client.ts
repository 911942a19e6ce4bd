// A shopper's page as its own process (case 13), so the test can SIGSTOP it: a notifications
// socket and a live-stream viewer, both reconnecting as the browser hook does. It prints one line
// per state change for the test to follow.
//   bun tests/hardening/half-open-client.ts <notificationsUrl> <liveUrl> <showId> <token> <origin>
import { io } from "socket.io-client";

const [notificationsUrl, liveUrl, showId, token, origin] = process.argv.slice(2) as [string, string, string, string, string];
const options = {
  path: "/socket.io/",
  auth: { token },
  transports: ["websocket"],
  extraHeaders: { origin },
  reconnectionDelay: 200,
  reconnectionDelayMax: 500,
};
const say = (line: string) => process.stdout.write(`${line}\n`);

const notifications = io(notificationsUrl, options);
notifications.on("connection:success", () => say("notifications:connected"));
notifications.on("disconnect", (reason) => say(`notifications:disconnected ${reason}`));

const live = io(liveUrl, options);
live.on("connect", async () => {
  const ack = await live.timeout(10_000).emitWithAck("join_stream", { showId });
  say(ack.ok ? "live:joined" : `live:refused ${ack.error.code}`);
});
live.on("disconnect", (reason) => say(`live:disconnected ${reason}`));

// Bounded like every test process: gone after two minutes whatever happens.
setTimeout(() => process.exit(0), 120_000);
