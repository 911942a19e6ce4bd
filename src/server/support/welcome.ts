/** The automatic first response, which also tells an offline shopper how it will go on. */
export function welcomeMessage(o: { inHours: boolean; agentOnline: boolean; hours: string; timeZone: string }): string {
  if (!o.inHours) {
    return `Thanks for getting in touch! Our team answers chats ${o.hours.replace("-", "–")} (${o.timeZone}). Leave your message and your email address: we will answer here, and this conversation stays open until we do.`;
  }
  if (!o.agentOnline) {
    return "Thanks for getting in touch! No agent is available right now. Leave your message and your email address: we will answer here as soon as we can, and this conversation stays open until we do.";
  }
  return "Thanks for getting in touch! An agent will be with you shortly.";
}
