// Runs the generated Node token route as a plain http server, for the tests. Two forms:
//
//   node token-route-harness.js HANDLER
//     For Tests/RouteVectors/run.py. Environment: DWOLLA_API (where Dwolla is), DWOLLA_KEY,
//     DWOLLA_SECRET, TOKEN_ROUTE_ALLOWLIST (the allowlist JSON file), TOKEN_ROUTE_RATE_LIMIT
//     ("requests/seconds", or "off"), TOKEN_ROUTE_TIMEOUT_MS (optional). The session is the
//     JSON of each request's X-Test-Session header; without one, signed out.
//
//   node token-route-harness.js HANDLER DWOLLA_API TIMEOUT_MS CUSTOMER_ID
//     For the Swift test suite. The session is the customer given, or signed out when a request
//     carries x-test-signed-out; an X-Test-Session header wins over both. The allowlist is the
//     handler's own (dropin/token-route.json) unless TOKEN_ROUTE_ALLOWLIST names one, and there
//     is no rate limit unless TOKEN_ROUTE_RATE_LIMIT sets one.
//
// It prints "listening at http://127.0.0.1:PORT/" once it listens, and stops on SIGTERM.
"use strict";
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");

const [handler, positionalApi, positionalTimeout, customerId] = process.argv.slice(2);
if (!handler) {
  console.error("usage: node token-route-harness.js HANDLER [DWOLLA_API TIMEOUT_MS CUSTOMER_ID]");
  process.exit(2);
}
const positional = positionalApi !== undefined;
const { createTokenRoute } = require(path.resolve(handler));

const allowlist = process.env.TOKEN_ROUTE_ALLOWLIST
  ? JSON.parse(fs.readFileSync(process.env.TOKEN_ROUTE_ALLOWLIST, "utf8"))
  : undefined;

// "5/60" -> {requests: 5, perSeconds: 60}; "off" -> false; unset -> the route's default,
// except in the positional form, whose tests send many requests from one session.
function rateLimit(text) {
  if (text === undefined) return positional ? false : undefined;
  if (text === "off") return false;
  const [requests, perSeconds] = text.split("/").map(Number);
  return { requests, perSeconds };
}

function session(req) {
  const header = req.headers["x-test-session"];
  if (header !== undefined) return JSON.parse(header);
  if (!positional || req.headers["x-test-signed-out"]) return { signedIn: false };
  return { signedIn: true, customerId };
}

const timeout = positional ? positionalTimeout : process.env.TOKEN_ROUTE_TIMEOUT_MS;
const route = createTokenRoute({
  key: process.env.DWOLLA_KEY,
  secret: process.env.DWOLLA_SECRET,
  api: positional ? positionalApi : process.env.DWOLLA_API,
  timeoutMs: timeout ? Number(timeout) : undefined,
  allowlist,
  rateLimit: rateLimit(process.env.TOKEN_ROUTE_RATE_LIMIT),
  session,
});

const tokenUrl = allowlist ? allowlist.tokenUrl : "/api/dwolla/client-token";
const server = http.createServer((req, res) => {
  if (req.url === tokenUrl) return route(req, res);
  res.writeHead(404);
  res.end();
});
server.listen(0, "127.0.0.1", () => console.log("listening at http://127.0.0.1:" + server.address().port + "/"));
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
