/** Secrets every test process shares, so tokens minted in a test verify in the services. */
export const TEST_SECRETS = {
  AUTH_SECRET: "test-auth-secret-that-is-long-enough-0123456789",
  SERVICE_TOKEN: "test-service-token-that-is-long-enough-0123456789",
} as const;

export const TEST_ORIGIN = "http://localhost:8080";
