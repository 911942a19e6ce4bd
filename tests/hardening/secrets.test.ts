import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "@/server/env";
import { TEST_SECRETS } from "../support/env";
import { report } from "./figures";

// Case 12 (last part): no secret in the repository.
const root = projectRoot();
const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" });
const tracked = git("ls-files", "-z").split("\0").filter(Boolean);

/** The development password the README documents, and the fixed secrets of the test harness. */
const ALLOWED = new Set<string>(["calor-demo", ...Object.values(TEST_SECRETS)]);

/** Token formats that are secrets wherever they appear. */
const FORMATS: [string, RegExp][] = [
  ["private key", /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/],
  ["AWS access key", /\bAKIA[0-9A-Z]{16}\b/],
  ["GitHub token", /\bgh[pousr]_[A-Za-z0-9]{30,}\b/],
  ["Slack token", /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ["Stripe live key", /\b[sr]k_live_[A-Za-z0-9]{10,}/],
  ["JSON Web Token", /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/],
  ["password hash", /\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}|\$argon2(?:id|i|d)\$|\$scrypt\$/],
];

/** NAME = "value" where the name says secret and the value looks random. */
const ASSIGNMENT = /([A-Za-z_]*(?:SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY)[A-Za-z_]*)["']?\s*[:=]\s*["'`]?([A-Za-z0-9+/=_.-]{16,})/gi;
const PASSWORD_LITERAL = /password[A-Za-z_]*["']?\s*[:=]\s*["'`]([^"'`\s]{4,})["'`]/gi;

function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return [...counts.values()].reduce((h, n) => h - (n / s.length) * Math.log2(n / s.length), 0);
}

const looksRandom = (v: string) =>
  (/^[A-Fa-f0-9]{32,}$/.test(v) && /\d/.test(v) && /[a-f]/i.test(v)) ||
  (v.length >= 24 && entropy(v) >= 4.3 && /\d/.test(v) && /[A-Z]/.test(v) && /[a-z]/.test(v));

describe("the repository", () => {
  it("would recognise generated secrets (the scan can fail)", () => {
    const samples = [randomBytes(32).toString("hex"), randomBytes(32).toString("base64url"), randomBytes(24).toString("base64")];
    for (const value of samples) {
      expect(
        [...`export AUTH_SECRET="${value}"`.matchAll(ASSIGNMENT)].map((m) => looksRandom(m[2]!)),
        value,
      ).toEqual([true]);
    }
    for (const fixture of ALLOWED) expect(looksRandom(fixture) && !ALLOWED.has(fixture)).toBe(false);
    expect(FORMATS.some(([, p]) => p.test(`-----BEGIN ${"RSA"} PRIVATE KEY-----`))).toBe(true);
  });

  it("tracks no environment, key or local-secret files, and ignores where they would go", () => {
    const suspicious = tracked
      .filter((f) => /(^|\/)\.env(\..+)?$/.test(f) && !f.endsWith(".env.example"))
      .concat(tracked.filter((f) => /\.(pem|key|p12|pfx|jks)$|(^|\/)id_(rsa|ed25519|ecdsa)|(^|\/)\.calor\/|(^|\/)\.npmrc$|(^|\/)\.pm2\//.test(f)));
    expect(suspicious).toEqual([]);
    for (const path of [".env", ".env.local", ".env.production", ".env.development.local", ".calor/dev-secrets.json", ".pm2/dump.pm2"]) {
      expect(() => git("check-ignore", "-q", path), `${path} would be committed`).not.toThrow();
    }
  });

  it("contains no secret in any tracked file", () => {
    const findings: string[] = [];
    let scanned = 0;
    for (const file of tracked) {
      if (file === "bun.lock" || /\.(png|jpe?g|gif|webp|ico|mp4|webm|woff2?|ttf|pdf|zip|gz)$/.test(file)) continue;
      let text: string;
      try {
        text = readFileSync(join(root, file), "utf8");
      } catch {
        continue; // deleted in the working tree
      }
      if (text.includes("\0")) continue;
      scanned += 1;
      for (const [label, pattern] of FORMATS) if (pattern.test(text)) findings.push(`${file}: ${label}`);
      for (const [, name, value] of text.matchAll(ASSIGNMENT)) {
        if (!ALLOWED.has(value!) && looksRandom(value!)) findings.push(`${file}: ${name} = ${value!.slice(0, 6)}…`);
      }
      // Test accounts in tests/ have throwaway passwords; everywhere else only the documented demo one.
      if (!file.startsWith("tests/")) {
        for (const [, value] of text.matchAll(PASSWORD_LITERAL)) {
          if (!ALLOWED.has(value!) && !/^(new|current)-password$/.test(value!)) findings.push(`${file}: password literal ${value!.slice(0, 3)}…`);
        }
      }
    }
    report("secrets scan", { trackedFiles: tracked.length, scanned, findings: findings.length });
    expect(findings).toEqual([]);
  });
});
