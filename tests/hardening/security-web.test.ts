import { createServer, type Server } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/accounts";
import type { Ack } from "@/realtime/ack";
import { launchBrowser, screenshot } from "../support/browser";
import { connect } from "../support/socket";
import { startStack, type Stack } from "../support/stack";
import { createUser } from "../support/tokens";
import { report, sleep } from "./figures";
import { XSS_PAYLOADS } from "./xss-payloads";

// Case 12 (web): the x-middleware-subrequest bypass, XTransformPort tricks, and chat text that
// is markup, in Chromium — on the real stack (next start, services, Caddy).
let stack: Stack;
let browser: Browser;
let forbidden: Server;
let forbiddenPort = 0;
let forbiddenContacts = 0;
const contexts: BrowserContext[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  stack = await startStack({ seed: true });
  browser = await launchBrowser();
  forbidden = createServer((s) => {
    forbiddenContacts += 1;
    s.destroy();
  });
  await new Promise<void>((resolve) => forbidden.listen(0, "127.0.0.1", resolve));
  forbiddenPort = (forbidden.address() as { port: number }).port;
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  forbidden?.close();
  await stack?.stop();
});

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith("calor_session="))!
    .split(";")[0]!;
}

describe("the x-middleware-subrequest bypass (CVE-2025-29927 and its variants)", () => {
  const values = [
    "middleware",
    "src/middleware",
    "pages/_middleware",
    "middleware:middleware:middleware:middleware:middleware",
    "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
    "proxy:proxy:proxy:proxy:proxy",
    "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
  ];
  const pages = ["/admin", "/admin/orders", "/admin/products", "/agent", "/host"];
  const apis = ["/api/admin/orders", "/api/admin/products"];

  it("opens no console page and no admin API, directly or through the gateway", async () => {
    const statuses = new Map<string, number>();
    let requests = 0;
    for (const [via, base] of [
      ["next", stack.webUrl],
      ["gateway", stack.gatewayUrl],
    ] as const) {
      const shopper = await signIn(base, "shopper@calor.dev");
      for (const value of values) {
        for (const path of [...pages, ...apis]) {
          for (const [who, cookie] of [
            ["anonymous", undefined],
            ["shopper", shopper],
          ] as const) {
            const res = await fetch(`${base}${path}`, { headers: { "x-middleware-subrequest": value, ...(cookie ? { cookie } : {}) }, redirect: "manual" });
            await res.arrayBuffer();
            requests += 1;
            const expected = who === "anonymous" ? 401 : 403;
            statuses.set(`${via} ${who}`, res.status === expected ? (statuses.get(`${via} ${who}`) ?? 0) + 1 : -1);
            expect(res.status, `${via} ${path} as ${who} with ${value}`).toBe(expected);
          }
        }
        const created = await fetch(`${base}/api/admin/products`, {
          method: "POST",
          headers: { "x-middleware-subrequest": value, "content-type": "application/json", cookie: shopper },
          body: JSON.stringify({ name: "Bypass", priceCents: 1, stock: 1 }),
        });
        expect(created.status).toBe(403);
      }
    }
    expect(await stack.db.product.count({ where: { name: "Bypass" } })).toBe(0);
    report("middleware bypass", { values: values.length, requests, ...Object.fromEntries(statuses) });
  });
});

describe("text the database cannot hold", () => {
  it("refuses a NUL character in an API body or query with a 400, on any database", async () => {
    const register = await fetch(`${stack.gatewayUrl}/api/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Nul\u0000Name", email: `nul-${Date.now()}@test.calor`, password: "a-long-enough-password" }),
    });
    expect(register.status).toBe(400);
    expect(((await register.json()) as { error: { code: string } }).error.code).toBe("VALIDATION");
    for (const path of ["/api/products?q=a%00b", "/api/products/a%00b"]) expect((await fetch(`${stack.gatewayUrl}${path}`)).status, path).toBe(400);
  });
});

describe("XTransformPort", () => {
  it("reaches nothing but the three services, however it is spelled", async () => {
    const p = forbiddenPort;
    const queries = [
      `XTransformPort=3031&XTransformPort=${p}`,
      `XTransformPort=${p}&XTransformPort=3031`,
      `xtransformport=${p}`,
      `XTRANSFORMPORT=${p}`,
      `XTransform%50ort=${p}`,
      `XTransformPort=${p}%00`,
      `XTransformPort=%20${p}`,
      `XTransformPort=127.0.0.1:${p}`,
      `XTransformPort=3031/../${p}`,
      `XTransformPort=3031%2F..%2F${p}`,
      `XTransformPort[]=${p}`,
      `XTransformPort=${p}#3031`,
    ];
    const statuses: string[] = [];
    for (const q of queries) {
      for (const path of ["/", "/socket.io/?EIO=4&transport=polling&"]) {
        const res = await fetch(`${stack.gatewayUrl}${path}${path.includes("?") ? "" : "?"}${q}`, {
          headers: { "x-transform-port": String(p) },
          redirect: "manual",
        });
        await res.arrayBuffer();
        statuses.push(String(res.status));
      }
    }
    report("XTransformPort variants", { requests: statuses.length, forbiddenContacts, statuses: [...new Set(statuses)].join("/") });
    expect(forbiddenContacts).toBe(0);
  });
});

describe("chat text that is markup", () => {
  /** A page that records every dialog (and dismisses it, so nothing blocks). */
  async function open(path: string, dialogs: string[], cookie?: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    if (cookie) {
      const [name, value] = cookie.split("=") as [string, string];
      await context.addCookies([{ name, value, url: stack.gatewayUrl }]);
    }
    const page = await context.newPage();
    page.on("dialog", (d) => {
      dialogs.push(`${path}: ${d.type()} ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${stack.gatewayUrl}${path}`);
    return page;
  }

  /** Every payload is on the page as text, and nothing it carries has run. */
  async function expectInert(page: Page, scope: string, name: string) {
    for (const payload of XSS_PAYLOADS) await page.getByTestId(scope).getByText(payload, { exact: true }).first().waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), name).toBeUndefined();
    await screenshot(page, `xss-${name}`);
  }

  /** A realtime socket for the identity a browser context has. */
  async function socketOf(page: Page, url: string): Promise<Socket> {
    const { token } = (await (await page.request.get(`${stack.gatewayUrl}/api/realtime/token`)).json()) as { token: string };
    const socket = await connect(url, { token });
    sockets.push(socket);
    return socket;
  }

  it("would notice a payload that runs (the detector works)", async () => {
    const dialogs: string[] = [];
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.setContent(`<div>${XSS_PAYLOADS[1]}</div>`);
    await expect.poll(() => dialogs.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBe(1);
  });

  it("renders 50 XSS payloads as text in the support widget and the agent console, with no dialog", async () => {
    const dialogs: string[] = [];
    const agent = await open("/agent", dialogs, await signIn(stack.gatewayUrl, "agent@calor.dev"));
    await agent.getByText(/0 of 3 chats open/).waitFor({ timeout: 30_000 });
    const shopper = await open("/", dialogs);
    await shopper.getByTestId("support-launcher").click();
    const panel = shopper.getByTestId("support-panel");
    await panel.getByLabel("Topic").selectOption("An order");
    await panel.getByLabel(/Your name/).fill(`<img src=x onerror="window.__xss=1;alert('name')">`);
    await panel.getByRole("button", { name: "Start chat" }).click();
    await panel.getByTestId("queue-banner").waitFor();
    const entry = agent.getByTestId("queue-entry").first();
    await entry.getByRole("button", { name: "Claim" }).click();
    const chat = agent.getByTestId("agent-chat");
    const sessionId = (await chat.getAttribute("data-session-id"))!;

    // The payloads go through the service as both sides would send them (one a second each: the message limit).
    const url = stack.services["support-chat"].url;
    const senders = [await socketOf(shopper, url), await socketOf(agent, url)];
    for (const s of senders) await s.timeout(10_000).emitWithAck("rejoin_session", { sessionId, lastSeq: 0 });
    await Promise.all(
      senders.map(async (socket, side) => {
        for (let i = side; i < XSS_PAYLOADS.length; i += 2) {
          const ack: Ack<unknown> = await socket
            .timeout(10_000)
            .emitWithAck("send_message", { sessionId, clientMessageId: `xss-${i}-${sessionId.slice(-8)}`, body: XSS_PAYLOADS[i] });
          if (!ack.ok) throw new Error(`payload ${i}: ${ack.error.message}`);
          await sleep(1050);
        }
      }),
    );
    await expectInert(shopper, "support-panel", "support-widget");
    await expectInert(agent, "agent-chat", "agent-console");
    report("xss support chat", { payloads: XSS_PAYLOADS.length, dialogs: dialogs.length });
    expect(dialogs).toEqual([]);
  });

  it("renders 50 XSS payloads as text in the live chat of viewers and the host, with no dialog", async () => {
    const dialogs: string[] = [];
    const show = "demo-live-show";
    const host = await open(`/host/shows/${show}`, dialogs, await signIn(stack.gatewayUrl, "host@calor.dev"));
    const viewer = await open(`/shows/${show}`, dialogs);
    for (const page of [host, viewer]) await page.getByTestId("chat-input").and(page.locator(":enabled")).waitFor({ timeout: 30_000 });

    const url = stack.services["live-stream"].url;
    const senders: Socket[] = [];
    for (let i = 0; i < 5; i += 1) {
      const socket = await connect(url, { token: (await createUser(stack.db, "SHOPPER", `<b>viewer ${i}</b><img src=x onerror="window.__xss=1">`)).token });
      sockets.push(socket);
      await socket.timeout(10_000).emitWithAck("join_stream", { showId: show });
      senders.push(socket);
    }
    await Promise.all(
      senders.map(async (socket, s) => {
        for (let i = s; i < XSS_PAYLOADS.length; i += senders.length) {
          const ack: Ack<unknown> = await socket.timeout(10_000).emitWithAck("send_message", { showId: show, body: XSS_PAYLOADS[i] });
          if (!ack.ok) throw new Error(`payload ${i}: ${ack.error.message}`);
        }
      }),
    );
    await expectInert(viewer, "chat-log", "live-viewer");
    await expectInert(host, "chat-log", "live-host");
    report("xss live chat", { payloads: XSS_PAYLOADS.length, dialogs: dialogs.length });
    expect(dialogs).toEqual([]);
  });
});
