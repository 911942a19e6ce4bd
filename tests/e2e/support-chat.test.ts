import { createServer, type Server } from "node:http";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/accounts";
import { screenshot } from "../support/browser";
import { freePort } from "../support/ports";
import type { ServiceProcess } from "../support/service-process";
import { browserStack, DESKTOP, PHONE } from "../support/browser-stack";

// The support chat as people use it: a shopper's widget and an agent's console, in two browser
// contexts, through the real gateway.
const e2e = browserStack("support");
const { withPages } = e2e;
let restarted: ServiceProcess | null = null;

afterAll(async () => {
  await restarted?.kill("SIGTERM");
});

/** What the viewport shows (the chat is fixed to it: a full-page shot would cut it). */
const viewShot = (page: Page, name: string) => screenshot(page, name, false);

async function openAgentConsole(page: Page, email = "agent@calor.dev") {
  await page.goto(`${e2e.stack.gatewayUrl}/login?next=/agent`);
  // The header's first token request gives the browser its guest cookie; signing in before it
  // answers would let that guest cookie replace the account's.
  await page.locator('[data-testid="connection-indicator"][data-status="connected"]').waitFor();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${e2e.stack.gatewayUrl}/agent`);
  // Online is the default: the console is ready once the service confirmed it.
  await page.getByText(/0 of 3 chats open/).waitFor();
}

async function startChat(page: Page, name: string) {
  await page.goto(e2e.stack.gatewayUrl);
  await page.getByTestId("support-launcher").click();
  const panel = page.getByTestId("support-panel");
  await panel.getByRole("button", { name: "Start chat" }).waitFor();
  await viewShot(page, `support-widget-start-${page.viewportSize()!.width < 640 ? "phone" : "desktop"}`);
  await panel.getByLabel("Topic").selectOption("An order");
  await panel.getByLabel(/Your name/).fill(name);
  await panel.getByRole("button", { name: "Start chat" }).click();
  await panel
    .getByTestId("queue-banner")
    .getByText(/number 1 in the queue/)
    .waitFor();
  return panel;
}

describe("support chat in the browser", () => {
  it("lets a shopper and an agent chat, with typing, receipts, notes and a reload", async () => {
    await withPages("chat", [DESKTOP, DESKTOP], async (agent, shopper) => {
      await openAgentConsole(agent);
      const panel = await startChat(shopper, "Maya");
      expect(await panel.getByRole("textbox", { name: "Message" }).evaluate((el) => el === document.activeElement)).toBe(true);
      await viewShot(shopper, "support-widget-queued-desktop");

      // The shopper writes while waiting; the agent sees it in the queue and claims it.
      await panel.getByRole("textbox", { name: "Message" }).fill("Hello, where is my order?");
      await panel.getByRole("textbox", { name: "Message" }).press("Enter");
      const entry = agent.getByTestId("queue-entry").filter({ hasText: "Maya" });
      await entry.getByText("Hello, where is my order?").waitFor();
      await entry.getByRole("button", { name: "Claim" }).click();
      const chat = agent.getByTestId("agent-chat");
      await chat.getByText("Hello, where is my order?").waitFor();
      await panel.getByText("Alex Agent joined the chat.").waitFor();
      await panel.getByText("Chatting with Alex Agent").waitFor();
      // The agent's tab is open and visible: the shopper's message shows as read.
      await panel.locator('[data-seq] [data-receipt="read"]').first().waitFor();

      // Typing both ways.
      await panel.getByRole("textbox", { name: "Message" }).pressSequentially("Order 1", { delay: 20 });
      await chat.getByText("Maya is typing…").waitFor();
      const reply = chat.getByRole("combobox", { name: "Message" });
      await reply.pressSequentially("Let me look", { delay: 20 });
      await panel.getByText("Alex Agent is typing…").waitFor();
      await reply.fill("");

      // A canned response through /shortcut, then a read receipt on the agent's side.
      await reply.pressSequentially("/ship");
      await chat.getByRole("option", { name: /shipping/i }).waitFor();
      await reply.press("Enter");
      expect(await reply.inputValue()).toMatch(/^Orders ship within 2 working days/);
      await reply.press("Enter");
      await panel.getByText(/Orders ship within 2 working days/).waitFor();
      await chat.locator('[data-receipt="read"]').last().waitFor();

      // An internal note stays with the agent.
      await chat.getByRole("checkbox", { name: /Internal note/ }).check();
      await chat.getByRole("combobox", { name: "Internal note" }).fill("VIP customer, be generous");
      await chat.getByRole("button", { name: "Add note" }).click();
      await chat.getByText("VIP customer, be generous").waitFor();
      await chat.getByRole("checkbox", { name: /Internal note/ }).uncheck();

      // Text is text: markup from the shopper is shown, never run.
      const markup = `<img src=x onerror="window.__pwned=1"><b>bold?</b>`;
      await panel.getByRole("textbox", { name: "Message" }).fill(markup);
      await panel.getByRole("textbox", { name: "Message" }).press("Enter");
      await chat.getByText(markup).waitFor();
      expect(await agent.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

      // The shopper's context is beside the chat.
      await agent
        .getByTestId("shopper-context")
        .getByText(/^Guest since/)
        .waitFor();
      await screenshot(agent, "support-agent-console-desktop");
      await viewShot(shopper, "support-widget-chat-desktop");

      // A reload keeps the whole conversation, without duplicates, and no note.
      await shopper.reload();
      await shopper.getByTestId("support-launcher").click();
      const again = shopper.getByTestId("support-panel");
      await again.getByText(/Orders ship within 2 working days/).waitFor();
      await again.getByText(markup).waitFor();
      expect(await again.getByText("Hello, where is my order?").count()).toBe(1);
      expect(await again.getByText("VIP customer, be generous").count()).toBe(0);
      const seqs = await again.locator("[data-seq]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-seq"))));
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);

      // The shopper ends the chat and rates it; the agent sees the rating.
      await again.getByRole("button", { name: "End chat" }).click();
      await again.getByText("How did we do?").waitFor();
      await again.getByRole("radio", { name: "5 — Excellent" }).check({ force: true });
      await again.getByLabel(/Comment/).fill("Very helpful");
      await again.getByRole("button", { name: "Send rating" }).click();
      await again.getByText("Thanks for rating this chat 5/5.").waitFor();
      await chat.getByText(/rated 5\/5/).waitFor();
      await agent.setViewportSize(PHONE);
      await screenshot(agent, "support-agent-console-phone");
    });
  });

  it("queues what the shopper writes while the service is down and sends it once when it is back", async () => {
    await withPages("outage", [DESKTOP, PHONE], async (agent, shopper) => {
      await openAgentConsole(agent, "agent2@calor.dev");
      const panel = await startChat(shopper, "Noor");
      await viewShot(shopper, "support-widget-queued-phone");
      await agent.getByTestId("queue-entry").filter({ hasText: "Noor" }).waitFor();
      await viewShot(agent, "support-agent-queue-desktop");
      await agent.getByTestId("queue-entry").filter({ hasText: "Noor" }).getByRole("button", { name: "Claim" }).click();
      await panel.getByText("Sam Agent joined the chat.").waitFor();

      const service = e2e.stack.services["support-chat"];
      await service.kill("SIGKILL");
      await panel
        .getByText(/Offline|Connecting/)
        .first()
        .waitFor();
      await panel.getByRole("textbox", { name: "Message" }).fill("Written while you were down");
      await panel.getByRole("textbox", { name: "Message" }).press("Enter");
      await panel.getByText("Waiting for connection — will send automatically").waitFor();
      await viewShot(shopper, "support-widget-offline-phone");

      restarted = await service.restart();
      const chat = agent.getByTestId("agent-chat");
      await chat.getByText("Written while you were down").waitFor({ timeout: 30_000 });
      await panel.getByText("Waiting for connection — will send automatically").waitFor({ state: "detached" });
      expect(await chat.getByText("Written while you were down").count()).toBe(1);
      const sessionId = await chat.getAttribute("data-session-id");
      expect(await e2e.stack.db.supportMessage.count({ where: { sessionId: sessionId!, body: "Written while you were down" } })).toBe(1);

      // And the conversation goes on both ways after the restart.
      await chat.getByRole("combobox", { name: "Message" }).fill("Got it, all good now");
      await chat.getByRole("combobox", { name: "Message" }).press("Enter");
      await panel.getByText("Got it, all good now").waitFor();
      await viewShot(shopper, "support-widget-chat-phone");
    });
  });

  it("works on another website through /widget.js", async () => {
    // A page on another origin that only includes the script tag.
    const port = await freePort();
    const host: Server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><title>Partner shop</title><h1>A partner's page</h1><script src="${e2e.stack.gatewayUrl}/widget.js" async></script>`);
    });
    await new Promise<void>((resolve) => host.listen(port, "127.0.0.1", resolve));
    try {
      await withPages("embed", [DESKTOP], async (page) => {
        await page.goto(`http://127.0.0.1:${port}/`);
        await page.getByRole("button", { name: "Chat with us" }).click();
        const frame = page.frameLocator('iframe[title="CALOR support chat"]');
        await frame.getByLabel("Topic").selectOption("A product");
        await frame.getByRole("button", { name: "Start chat" }).click();
        await frame
          .getByText(/An agent will be with you|We are away right now/)
          .first()
          .waitFor();
        await frame.getByRole("textbox", { name: "Message" }).fill("Hi from a partner site");
        await frame.getByRole("textbox", { name: "Message" }).press("Enter");
        // A receipt appears once the service stored it.
        await frame.locator("[data-seq] [data-receipt]").first().waitFor();
        await viewShot(page, "support-embed-desktop");
        const stored = await e2e.stack.db.supportMessage.findFirst({ where: { body: "Hi from a partner site" } });
        expect(stored).not.toBeNull();
        await frame.getByRole("button", { name: "Close chat" }).click();
        expect(await page.getByRole("button", { name: "Chat with us" }).evaluate((el) => el === document.activeElement)).toBe(true);
      });
    } finally {
      host.close();
    }
  });
});
