"use client";

import { useEffect } from "react";
import type { AgentStatus } from "@/realtime/support-chat";
import { AgentChat } from "./agent-chat";
import { AgentQueue } from "./agent-queue";
import { ConversationSearch } from "./conversation-search";
import { ShopperContextPanel } from "./shopper-context-panel";
import { useAgentConsole } from "./use-agent-console";

const STATUSES: { value: AgentStatus; label: string; dot: string }[] = [
  { value: "online", label: "Online", dot: "bg-emerald-500" },
  { value: "away", label: "Away", dot: "bg-amber-400" },
  { value: "offline", label: "Offline", dot: "bg-stone-400" },
];

/** The agent console: presence, live queue, chats in tabs with the shopper's context, search. */
export function AgentConsole({ me }: { me: { id: string; name: string } }) {
  const agent = useAgentConsole();
  const tab = agent.active ? agent.chats[agent.active] : undefined;
  const self = agent.queue?.agents.find((a) => a.id === me.id);
  const colleagues = (agent.queue?.agents ?? []).filter((a) => a.id !== me.id && a.status === "online" && a.activeChats < a.maxChats);
  const connected = agent.connection === "connected";
  const { loadContext } = agent;
  const activeId = tab?.session.id;
  const needsContext = !!tab && !tab.context;

  useEffect(() => {
    if (activeId && needsContext && connected) void loadContext(activeId);
  }, [activeId, needsContext, connected, loadContext]);

  return (
    <div className="flex flex-col gap-4 pb-8" data-testid="agent-console" data-connection={agent.connection}>
      <div className="flex flex-wrap items-center gap-3">
        <fieldset className="flex items-center gap-1 rounded-full border border-sand-200 bg-white p-1">
          <legend className="sr-only">Your status</legend>
          {STATUSES.map((s) => (
            <label key={s.value} className="cursor-pointer">
              <input
                type="radio"
                name="agent-status"
                value={s.value}
                checked={agent.desired === s.value}
                onChange={() => agent.setStatus(s.value)}
                className="peer sr-only"
              />
              <span className="inline-flex items-center gap-1.5 rounded-full px-3 py-1.5 text-sm font-semibold text-cocoa-700 peer-checked:bg-cocoa-900 peer-checked:text-white peer-focus-visible:outline-2 peer-focus-visible:outline-ember-600">
                <span aria-hidden="true" className={`size-2 rounded-full ${s.dot}`} />
                {s.label}
              </span>
            </label>
          ))}
        </fieldset>
        <p className="text-sm text-cocoa-700" role="status">
          {!connected
            ? agent.connection === "connecting"
              ? "Connecting…"
              : "Connection lost — reconnecting, nothing will be missed"
            : self
              ? `${self.activeChats} of ${self.maxChats} chats open`
              : "You are offline: set yourself online to take chats"}
        </p>
        <p className="ml-auto text-sm text-cocoa-600">
          {agent.queue ? `${agent.queue.agents.filter((a) => a.status === "online").length} agent(s) online` : ""}
        </p>
      </div>
      {agent.notice && (
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">
          {agent.notice}
        </p>
      )}

      <div className="grid gap-4 lg:h-[calc(100dvh-14rem)] lg:min-h-[560px] lg:grid-cols-[300px_minmax(0,1fr)_300px]">
        <div className="flex min-h-0 flex-col gap-4">
          <AgentQueue queue={agent.queue} canClaim={connected && agent.status === "online"} onClaim={(id) => void agent.claim(id)} />
          <ConversationSearch />
        </div>

        <div className="flex min-h-[480px] flex-col gap-2 lg:min-h-0">
          <div role="tablist" aria-label="Open chats" className={`flex gap-1 overflow-x-auto ${agent.tabs.length ? "" : "hidden"}`}>
            {agent.tabs.map((id) => {
              const t = agent.chats[id]!;
              const unread = t.messages.filter((m) => m.seq > t.session.agentReadSeq && m.senderRole === "SHOPPER").length;
              return (
                <button
                  key={id}
                  type="button"
                  role="tab"
                  aria-selected={agent.active === id}
                  onClick={() => agent.activate(id)}
                  className={`inline-flex shrink-0 items-center gap-2 rounded-full px-3.5 py-1.5 text-sm font-semibold ${
                    agent.active === id ? "bg-cocoa-900 text-white" : "border border-sand-200 bg-white text-cocoa-800 hover:bg-ember-50"
                  }`}
                >
                  {t.session.shopperName}
                  {t.shopperTyping && <span className="text-xs font-normal opacity-80">typing…</span>}
                  {(t.gone || t.session.status === "ENDED") && <span className="text-xs font-normal opacity-80">closed</span>}
                  {unread > 0 && agent.active !== id && <span className="rounded-full bg-ember-600 px-1.5 text-xs text-white">{unread}</span>}
                </button>
              );
            })}
          </div>
          {tab ? (
            <div role="tabpanel" aria-label={`Chat with ${tab.session.shopperName}`} className="flex min-h-0 flex-1 flex-col">
              <AgentChat tab={tab} console={agent} canned={agent.canned} colleagues={colleagues} />
            </div>
          ) : (
            <div className="card flex flex-1 items-center justify-center p-8 text-center text-sm text-cocoa-600">
              No chat open. Claim a waiting shopper from the queue; your chats open here in tabs.
            </div>
          )}
        </div>

        {tab ? (
          <ShopperContextPanel name={tab.session.shopperName} context={tab.context} onRefresh={() => void agent.loadContext(tab.session.id)} />
        ) : (
          <div className="card hidden p-4 text-sm text-cocoa-600 lg:block">The shopper’s details, cart and orders appear here.</div>
        )}
      </div>
    </div>
  );
}
