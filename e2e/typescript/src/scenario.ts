// An app's calls through the TypeScript client generated from docs/openapi.json (openapi-typescript's types,
// openapi-fetch's client), run against the platform by the e2e TypeScriptClientTest. Every call is type-checked
// against the API document: a path, parameter or body that the document does not have does not compile.
import { randomUUID } from "node:crypto";
import createClient from "openapi-fetch";
import type { components, paths } from "../generated/api.js";

type Notification = components["schemas"]["Notification"];
type Problem = components["schemas"]["Problem"];

const gateway = process.env.GATEWAY_URL ?? "http://127.0.0.1:8080";
const tokenUrl = process.env.TOKEN_URL ?? "http://127.0.0.1:8180/realms/mentoring/protocol/openid-connect/token";
const person = process.env.PERSON ?? "acme-mentee1";

// answer: the call's result, whose status and problem document a failure names
function check(condition: boolean, what: string, answer?: { response: Response; error?: unknown }): asserts condition {
  if (!condition) {
    const got = answer ? ` (answered ${answer.response.status} ${JSON.stringify(answer.error ?? null)})` : "";
    throw new Error(`failed: ${what}${got}`);
  }
  console.log(`ok: ${what}`);
}

async function tokenOf(username: string): Promise<string> {
  const answer = await fetch(tokenUrl, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "password", client_id: "mentoring-test", username, password: "demo" }),
  });
  check(answer.ok, `a token for ${username}`);
  return ((await answer.json()) as { access_token: string }).access_token;
}

const api = createClient<paths>({ baseUrl: gateway, headers: { Authorization: `Bearer ${await tokenOf(person)}` } });

// the person's own profile (made if they have none)
let me = await api.GET("/api/v1/matching/participants/me");
if (me.response.status === 404) {
  me = await api.PUT("/api/v1/matching/participants/me", {
    body: { displayName: `Demo ${person}`, timeZone: "Europe/Copenhagen", languages: ["en"] },
  });
}
check(me.data !== undefined && typeof me.data.id === "string", "GET /participants/me answers the profile with its id", me);

// the inbox: a page of unread notifications, the unread count, read-all up to what was seen
const page = await api.GET("/api/v1/notifications/inbox", { params: { query: { unread: true, limit: 5 } } });
check(page.response.status === 200 && Array.isArray(page.data?.items), "GET /notifications/inbox?unread=true answers a page", page);
const items: Notification[] = page.data?.items ?? [];
check(items.every((n) => n.read === false), "only unread notifications on an unread page");
const count = await api.GET("/api/v1/notifications/inbox/unread-count");
check(typeof count.data?.unread === "number" && count.data.unread >= items.length, "the unread count covers the page", count);

// the preferences, written back unchanged with their ETag (If-Match)
const preferences = await api.GET("/api/v1/notifications/preferences");
const etag = preferences.response.headers.get("ETag");
check(preferences.data !== undefined && etag !== null, "GET /notifications/preferences answers them with an ETag", preferences);
const saved = await api.PUT("/api/v1/notifications/preferences", {
  params: { header: { "If-Match": etag } },
  body: { language: preferences.data.language ?? null, muted: preferences.data.muted ?? [] },
});
check(saved.response.status === 200, "PUT /notifications/preferences with If-Match", saved);
const stale = await api.PUT("/api/v1/notifications/preferences", {
  params: { header: { "If-Match": etag } },
  body: { language: preferences.data.language ?? null, muted: preferences.data.muted ?? [] },
});
check(stale.response.status === 412, "the same ETag again is 412 (someone saved in between)", stale);

// a problem answer (RFC 9457) comes back as the typed error
const missing = await api.GET("/api/v1/matching/partnerships/{partnershipId}", {
  params: { path: { partnershipId: randomUUID() } },
});
const problem: Problem | undefined = missing.error;
check(missing.response.status === 404 && problem?.status === 404, "another id is 404 with a problem document", missing);
check(missing.response.headers.get("Content-Type") === "application/problem+json", "as application/problem+json");

console.log("TypeScript client: all calls answered as typed");

// Never called: it only has to compile the way the API document says. Each line below must fail to type-check
// (@ts-expect-error fails the check when the line compiles), so the generated types really constrain the calls.
export function theTypesBite(): void {
  // @ts-expect-error no such path in the API
  void api.GET("/api/v1/matching/no-such-path");
  // @ts-expect-error a mentorship request needs its mentorId
  void api.POST("/api/v1/matching/mentorship-requests", { body: { message: "Would you mentor me?" } });
  // @ts-expect-error unread is a boolean
  void api.GET("/api/v1/notifications/inbox", { params: { query: { unread: "yes" } } });
  // @ts-expect-error a notification's type is one of the listed kinds
  const wrong: Notification["type"] = "SOMETHING_ELSE";
  void wrong;
}
