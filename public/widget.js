/*
 * CALOR support chat for any website:
 *   <script src="https://shop.example/widget.js" async></script>
 * Adds a "Chat with us" button; the chat itself runs in a frame of /support/embed on the shop's
 * origin, so it talks to the same support service through the same gateway and keeps its
 * conversation (and resume token) in the shop's storage, not the host page's.
 */
(function () {
  "use strict";
  if (window.__calorSupportWidget) return;
  window.__calorSupportWidget = true;

  var script = document.currentScript;
  var origin = new URL(script && script.src ? script.src : "/", location.href).origin;
  var open = false;
  var frame = null;
  var ready = false;
  var unread = 0;

  var button = document.createElement("button");
  button.type = "button";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-label", "Chat with us");
  button.setAttribute("data-calor-support", "launcher");
  button.textContent = "Chat with us";
  var badge = document.createElement("span");
  badge.setAttribute("aria-hidden", "true");
  badge.style.cssText =
    "display:none;margin-left:8px;min-width:20px;padding:0 6px;border-radius:999px;background:#fff;color:#b4320a;font-size:12px;line-height:20px;text-align:center";
  button.appendChild(badge);
  button.style.cssText =
    "position:fixed;right:20px;bottom:20px;z-index:2147483646;display:inline-flex;align-items:center;border:0;border-radius:999px;" +
    "padding:14px 20px;background:#d94408;color:#fff;font:600 15px/1 system-ui,-apple-system,'Segoe UI',sans-serif;cursor:pointer;" +
    "box-shadow:0 10px 25px rgba(116,37,17,.25)";

  function place() {
    if (!frame) return;
    var small = window.matchMedia("(max-width: 640px)").matches;
    frame.style.cssText =
      "position:fixed;z-index:2147483647;border:0;background:#fdfaf6;color-scheme:light;" +
      (small
        ? "inset:0;width:100%;height:100%;"
        : "right:20px;bottom:88px;width:380px;height:min(640px,calc(100vh - 120px));border-radius:16px;box-shadow:0 20px 50px rgba(35,25,18,.3);") +
      (open ? "display:block;" : "display:none;");
  }

  function label() {
    button.setAttribute("aria-label", open ? "Close chat" : unread > 0 ? "Chat with us, " + unread + " unread" : "Chat with us");
  }

  function post(type) {
    if (frame && ready) frame.contentWindow.postMessage({ type: type }, origin);
  }

  function setOpen(next) {
    open = next;
    if (open && !frame) {
      frame = document.createElement("iframe");
      frame.src = origin + "/support/embed";
      frame.title = "CALOR support chat";
      frame.setAttribute("allow", "clipboard-write");
      document.body.appendChild(frame);
    }
    place();
    button.setAttribute("aria-expanded", String(open));
    button.firstChild.nodeValue = open ? "Close chat" : "Chat with us";
    label();
    post(open ? "calor-support:open" : "calor-support:close");
    if (open) frame.focus();
    else button.focus();
  }

  button.addEventListener("click", function () {
    setOpen(!open);
  });
  window.addEventListener("resize", place);
  window.addEventListener("message", function (e) {
    if (!frame || e.origin !== origin || e.source !== frame.contentWindow || !e.data) return;
    if (e.data.type === "calor-support:ready") {
      ready = true;
      post(open ? "calor-support:open" : "calor-support:close");
    } else if (e.data.type === "calor-support:close") {
      setOpen(false);
    } else if (e.data.type === "calor-support:unread") {
      unread = Number(e.data.count) || 0;
      badge.textContent = String(unread);
      badge.style.display = unread > 0 ? "inline-block" : "none";
      label();
    }
  });

  function mount() {
    document.body.appendChild(button);
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
