/**
 * The gateway routes by these public numbers (?XTransformPort=…); each is also the service's
 * default port, but deployments may run instances elsewhere behind the gateway.
 */
export const SERVICE_PORTS = { supportChat: 3031, liveStream: 3032, notifications: 3033 } as const;
export type ServiceName = keyof typeof SERVICE_PORTS;

/** The relative URL a browser connects to: same origin, through the gateway. */
export const serviceUrl = (service: ServiceName) => `/?XTransformPort=${SERVICE_PORTS[service]}`;
