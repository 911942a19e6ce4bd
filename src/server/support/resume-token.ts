import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes: whoever holds it may reopen the conversation, so only its hash is stored. */
export const newResumeToken = () => randomBytes(32).toString("base64url");

export const hashResumeToken = (token: string) => createHash("sha256").update(token).digest("hex");
