import { z } from "zod";

/** Sign-in and registration input: the browser's forms and the API validate with the same rules. */
export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email("must be an email address").max(254),
  password: z.string().min(8, "must be at least 8 characters").max(200),
});
export const registerSchema = credentialsSchema.extend({
  name: z.string().trim().min(1, "is required").max(80),
});
export type Credentials = z.infer<typeof credentialsSchema>;
export type Registration = z.infer<typeof registerSchema>;
