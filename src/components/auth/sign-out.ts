/**
 * Ends the session, then reloads the page fully so the header, the cart and the real-time
 * sockets all start again as the new (guest) identity.
 */
export async function signOut(to = "/"): Promise<void> {
  await fetch("/api/auth/logout", { method: "POST", credentials: "same-origin" });
  window.location.assign(to);
}
