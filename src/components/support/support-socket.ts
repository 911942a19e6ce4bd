"use client";

import type { Socket } from "socket.io-client";
import type { SupportAckData, SupportClientToServer, SupportPayload, SupportServerToClient } from "@/realtime/support-chat";
import { useServiceSocket } from "@/realtime/use-service-socket";

export type SupportSocket = Socket<SupportServerToClient, SupportClientToServer>;

/** The tab's one support-chat socket (shared by the widget and the agent console). */
export const useSupportSocket = () => useServiceSocket<SupportServerToClient, SupportClientToServer>("supportChat");

/** A refused or unanswered request: `code` is the ack's error code, or TIMEOUT. */
export class SupportRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Emits one event and resolves with its ack's data; a refusal or a missing ack rejects. */
export async function request<E extends keyof SupportClientToServer>(
  socket: SupportSocket,
  event: E,
  payload: SupportPayload<E>,
  timeoutMs = 10_000,
): Promise<SupportAckData<E>> {
  // The typed emitWithAck cannot follow a generic event name; the contract types the result.
  const untyped = socket as unknown as Socket;
  const ack = await untyped
    .timeout(timeoutMs)
    .emitWithAck(event, payload)
    .catch(() => {
      throw new SupportRequestError("TIMEOUT", "The chat did not answer in time. It will retry when the connection is back.");
    });
  if (!ack?.ok) throw new SupportRequestError(ack?.error?.code ?? "INTERNAL", ack?.error?.message ?? "Something went wrong");
  return ack.data as SupportAckData<E>;
}

/** What to show for any failure. */
export const errorText = (error: unknown) => (error instanceof Error ? error.message : "Something went wrong");

/** 16 random bytes as hex: works outside secure contexts too, unlike crypto.randomUUID. */
export function newClientMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
