import type { EventHandler } from "@/server/service/define-handler";
import addNote from "./add-note";
import claimSession from "./claim-session";
import endSession from "./end-session";
import getQueue from "./get-queue";
import getShopperContext from "./get-shopper-context";
import getTranscript from "./get-transcript";
import listCannedResponses from "./list-canned-responses";
import listMySessions from "./list-my-sessions";
import markRead from "./mark-read";
import rateSession from "./rate-session";
import rejoinSession from "./rejoin-session";
import releaseSession from "./release-session";
import searchSessions from "./search-sessions";
import sendMessage from "./send-message";
import setAgentStatus from "./set-agent-status";
import setContact from "./set-contact";
import startSession from "./start-session";
import transferSession from "./transfer-session";
import typing from "./typing";

/** One handler per client event of src/realtime/support-chat.ts (SupportClientToServer). */
export const handlers = [
  startSession,
  rejoinSession,
  sendMessage,
  typing,
  markRead,
  endSession,
  rateSession,
  setContact,
  listMySessions,
  setAgentStatus,
  getQueue,
  claimSession,
  releaseSession,
  transferSession,
  addNote,
  searchSessions,
  getTranscript,
  getShopperContext,
  listCannedResponses,
] as EventHandler[];
