import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** `connections` is read when /metrics is scraped, so no socket needs a listener to keep it. */
export function createMetrics(service: string, connections: () => number) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const metrics = {
    registry,
    connections: new Gauge({
      name: "calor_socket_connections",
      help: "Open Socket.IO connections",
      registers: [registry],
      collect() {
        this.set(connections());
      },
    }),
    eventsIn: new Counter({ name: "calor_socket_events_in_total", help: "Socket events received", labelNames: ["event"], registers: [registry] }),
    eventsOut: new Counter({
      name: "calor_socket_events_out_total",
      help: "Socket events emitted (one per emit or room broadcast, not per delivery)",
      labelNames: ["event"],
      registers: [registry],
    }),
    errors: new Counter({
      name: "calor_socket_errors_total",
      help: "Socket events answered with an error",
      labelNames: ["event", "code"],
      registers: [registry],
    }),
    handlerSeconds: new Histogram({
      name: "calor_socket_handler_seconds",
      help: "Time from receiving an event to its ack",
      labelNames: ["event"],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    loopLag: new Gauge({ name: "calor_event_loop_lag_seconds", help: "Event-loop lag, sampled every 500 ms", registers: [registry] }),
  };
  return metrics;
}
export type Metrics = ReturnType<typeof createMetrics>;

/** Timer drift: works the same on Bun, which lacks perf_hooks.monitorEventLoopDelay. */
export function sampleLoopLag(metrics: Metrics, everyMs = 500): () => void {
  let expected = performance.now() + everyMs;
  const timer = setInterval(() => {
    const now = performance.now();
    metrics.loopLag.set(Math.max(0, now - expected) / 1000);
    expected = now + everyMs;
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
