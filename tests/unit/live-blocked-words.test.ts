import { describe, expect, it } from "vitest";
import { blockedWordMatcher, parseBlockedWords, serializeBlockedWords } from "@/server/live/blocked-words";

describe("blocked words", () => {
  const blocked = blockedWordMatcher(["spam", "fake deal", "c++"]);

  it("matches whole words and phrases, ignoring case, accents and spacing", () => {
    expect(blocked("Buy SPAM now")).toBe("spam");
    expect(blocked("spám!")).toBe("spam");
    expect(blocked("what a Fake\n  Deal")).toBe("fake deal");
    expect(blocked("I love c++ too")).toBe("c++");
  });

  it("leaves longer words and clean text alone", () => {
    expect(blocked("spammer and antispam")).toBeNull();
    expect(blocked("a fake dealer")).toBeNull();
    expect(blocked("lovely scarf")).toBeNull();
    expect(blockedWordMatcher([])("anything")).toBeNull();
  });

  it("stores the list lower-case, once, comma-separated", () => {
    expect(serializeBlockedWords([" Spam", "spam", "Fake Deal", ""])).toBe("spam,fake deal");
    expect(parseBlockedWords("spam,fake deal,")).toEqual(["spam", "fake deal"]);
    expect(parseBlockedWords("")).toEqual([]);
  });
});
