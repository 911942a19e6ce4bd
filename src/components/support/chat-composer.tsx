"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { SUPPORT_LIMITS, type CannedResponse } from "@/realtime/support-chat";

interface Props {
  onSend(body: string): void;
  onTyping(isTyping: boolean): void;
  disabled?: boolean;
  disabledReason?: string;
  placeholder: string;
  /** Agents: typing "/shortcut" offers these and inserts the chosen one's text. */
  canned?: CannedResponse[];
  /** Agents: when on, what is sent is an internal note. */
  note?: { value: boolean; onChange(value: boolean): void };
}

/** The message box: Enter sends, Shift+Enter is a new line, the length limit is shown near the end. */
export function ChatComposer({ onSend, onTyping, disabled, disabledReason, placeholder, canned, note }: Props) {
  const [text, setText] = useState("");
  const [highlight, setHighlight] = useState(0);
  const id = useId();
  const limit = SUPPORT_LIMITS.messageChars;

  const shortcut = /^\/(\S*)$/.exec(text)?.[1];
  const matches = useMemo(
    () => (shortcut === undefined || !canned ? [] : canned.filter((c) => c.shortcut.toLowerCase().startsWith(shortcut.toLowerCase())).slice(0, 6)),
    [canned, shortcut],
  );
  const open = matches.length > 0;
  const active = matches[Math.min(highlight, matches.length - 1)];

  const submit = () => {
    const body = text.trim();
    if (!body || body.length > limit || disabled) return;
    onSend(body);
    onTyping(false);
    setText("");
  };
  const insert = (c: CannedResponse) => {
    setText(c.body);
    setHighlight(0);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      setHighlight((h) => (h + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
    } else if (open && active && (e.key === "Enter" || e.key === "Tab")) {
      e.preventDefault();
      insert(active);
    } else if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form
      className={`relative border-t border-sand-200 p-2.5 sm:p-3 ${note?.value ? "bg-amber-50" : "bg-white"}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {open && (
        <ul id={`${id}-canned`} role="listbox" aria-label="Canned responses" className="card absolute inset-x-2 bottom-full mb-1 max-h-56 overflow-y-auto p-1">
          {matches.map((c, i) => (
            <li
              key={c.id}
              id={`${id}-canned-${i}`}
              role="option"
              aria-selected={c === active}
              onMouseDown={(e) => {
                e.preventDefault();
                insert(c);
              }}
              className={`cursor-pointer rounded-lg px-3 py-2 text-sm ${c === active ? "bg-ember-50" : ""}`}
            >
              <span className="font-mono font-semibold text-ember-700">/{c.shortcut}</span> <span className="font-semibold">{c.title}</span>
              <span className="block truncate text-xs text-cocoa-600">{c.body}</span>
            </li>
          ))}
        </ul>
      )}
      {note && (
        <label className="mb-2 inline-flex cursor-pointer items-center gap-2 text-xs font-semibold text-cocoa-700">
          <input type="checkbox" className="size-4 accent-amber-600" checked={note.value} onChange={(e) => note.onChange(e.target.checked)} />
          Internal note (the shopper never sees it)
        </label>
      )}
      <div className="flex items-end gap-2">
        <label htmlFor={`${id}-text`} className="sr-only">
          {note?.value ? "Internal note" : "Message"}
        </label>
        <textarea
          id={`${id}-text`}
          value={text}
          rows={1}
          maxLength={limit + 200}
          placeholder={disabled ? disabledReason : placeholder}
          disabled={disabled}
          role={canned ? "combobox" : undefined}
          aria-expanded={canned ? open : undefined}
          aria-controls={canned && open ? `${id}-canned` : undefined}
          aria-activedescendant={open && active ? `${id}-canned-${matches.indexOf(active)}` : undefined}
          aria-autocomplete={canned ? "list" : undefined}
          aria-invalid={text.length > limit || undefined}
          onChange={(e) => {
            setText(e.target.value);
            setHighlight(0);
            onTyping(e.target.value.length > 0);
          }}
          onBlur={() => onTyping(false)}
          onKeyDown={onKeyDown}
          className="field-input max-h-40 min-h-11 resize-none py-2.5 text-sm field-sizing-content"
        />
        <button type="submit" disabled={disabled || !text.trim() || text.length > limit} className="btn-primary min-h-11 shrink-0 px-4">
          {note?.value ? "Add note" : "Send"}
        </button>
      </div>
      {text.length > limit * 0.8 && (
        <p className={`mt-1 text-right text-xs ${text.length > limit ? "font-semibold text-red-700" : "text-cocoa-600"}`} aria-live="polite">
          {text.length} / {limit}
        </p>
      )}
    </form>
  );
}
