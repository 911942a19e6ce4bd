import type { Server } from "socket.io";

export function attachFanout(io: Server): void;
