import { z } from "zod";
import type { ApiOperation } from "@/server/http/openapi";
import { rsvpSchema, showInputSchema, showListQuerySchema, showListSchema, showSummarySchema, showUpdateSchema } from "@/server/live/shows";
import { analyticsSchema } from "@/realtime/live-stream";

const show = z.object({ id: z.string().describe("The show's id") });
const more = "Everything live (chat, offers, viewer counts) goes through the live-stream service: see docs/live-stream.md.";

export const liveApi: ApiOperation[] = [
  {
    method: "get",
    path: "/api/shows",
    tag: "Live shows",
    summary: "Live, upcoming and past shows",
    description: `Live shows newest first, upcoming soonest first, past latest first. ${more}`,
    access: "public",
    query: showListQuerySchema,
    responses: { 200: { description: "The shows", schema: showListSchema } },
  },
  {
    method: "post",
    path: "/api/shows",
    tag: "Live shows",
    summary: "Plan a show",
    description: "The caller hosts it. `videoUrl` is an http(s) URL (MP4, WebM or HLS) or a site path such as /media/demo-show.mp4.",
    access: "HOST",
    body: showInputSchema,
    responses: {
      201: { description: "The new show (SCHEDULED)", schema: showSummarySchema },
      400: { description: "Invalid input; `field` names it" },
      401: { description: "Not signed in" },
      403: { description: "Not a host" },
    },
  },
  {
    method: "get",
    path: "/api/shows/{id}",
    tag: "Live shows",
    summary: "One show",
    description: "`rsvped` says whether the caller has RSVP'd.",
    access: "public",
    params: show,
    responses: { 200: { description: "The show", schema: showSummarySchema }, 404: { description: "No such show" } },
  },
  {
    method: "patch",
    path: "/api/shows/{id}",
    tag: "Live shows",
    summary: "Change a show",
    description: "Any of the fields of a new show. Removing the featured product from the list takes it down.",
    access: "HOST",
    params: show,
    body: showUpdateSchema,
    responses: {
      200: { description: "The show", schema: showSummarySchema },
      400: { description: "Invalid input" },
      403: { description: "Not this show's host (or an admin)" },
      404: { description: "No such show" },
      409: { description: "The show has ended" },
    },
  },
  {
    method: "post",
    path: "/api/shows/{id}/rsvp",
    tag: "Live shows",
    summary: "RSVP to an upcoming show",
    description: "When the host goes live, the shopper gets a notification (through the outbox and the notifications service).",
    access: "visitor",
    params: show,
    responses: {
      200: { description: "RSVP saved", schema: rsvpSchema },
      404: { description: "No such show" },
      409: { description: "The show is not upcoming" },
    },
  },
  {
    method: "delete",
    path: "/api/shows/{id}/rsvp",
    tag: "Live shows",
    summary: "Cancel an RSVP",
    access: "visitor",
    params: show,
    responses: { 200: { description: "RSVP removed", schema: rsvpSchema }, 404: { description: "No such show" } },
  },
  {
    method: "get",
    path: "/api/shows/{id}/report",
    tag: "Live shows",
    summary: "A show's analytics",
    description: "Viewers, watch time, chat, reactions, clicks, cart adds, claims, attributed orders, series per minute and the funnel per product.",
    access: "HOST",
    params: show,
    responses: {
      200: { description: "The analytics", schema: analyticsSchema },
      403: { description: "Not this show's host (or an admin)" },
      404: { description: "No such show" },
    },
  },
];
