import { z } from "zod";
import { credentialsSchema, registerSchema } from "@/lib/credentials";
import { identitySchema } from "@/server/auth/tokens";
import type { ApiOperation } from "@/server/http/openapi";

const userBody = z.object({ user: identitySchema.describe("sub is the user id") });

export const identityApi: ApiOperation[] = [
  {
    method: "post",
    path: "/api/auth/register",
    tag: "Auth",
    summary: "Create a shopper account and sign in",
    description: "A guest that registers keeps its cart and chats: the guest becomes the account.",
    access: "visitor",
    body: registerSchema,
    responses: {
      201: { description: "Registered and signed in (session cookie set)", schema: userBody },
      400: { description: "Invalid input; `field` names it" },
      409: { description: "The email already has an account (`field: email`)" },
    },
  },
  {
    method: "post",
    path: "/api/auth/login",
    tag: "Auth",
    summary: "Sign in",
    description: "A guest's cart, chats and orders move into the account.",
    access: "visitor",
    body: credentialsSchema,
    responses: {
      200: { description: "Signed in (session cookie set)", schema: userBody },
      400: { description: "Invalid input" },
      401: { description: "Email or password is incorrect" },
    },
  },
  {
    method: "post",
    path: "/api/auth/logout",
    tag: "Auth",
    summary: "Sign out",
    access: "public",
    responses: { 200: { description: "Session cookie cleared", schema: z.object({ ok: z.literal(true) }) } },
  },
  {
    method: "get",
    path: "/api/auth/me",
    tag: "Auth",
    summary: "Who this browser is (a guest is created when needed)",
    access: "visitor",
    responses: { 200: { description: "The caller's identity", schema: userBody } },
  },
  {
    method: "get",
    path: "/api/realtime/token",
    tag: "Realtime",
    summary: "A short-lived token for the Socket.IO services",
    description: "Pass it as `io(url, { auth: { token } })`. Valid for 15 minutes; the browser hook fetches a new one on every reconnect.",
    access: "visitor",
    responses: {
      200: {
        description: "A JWT for the caller's identity",
        schema: z.object({ token: z.string(), expiresAt: z.string().describe("ISO 8601"), user: identitySchema }),
      },
    },
  },
];
