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
// HANDLER is the CommonJS route (.js) or the ES module (.mjs). With TOKEN_ROUTE_FORM=web the
// harness mounts the Web-standard handler (createWebTokenRoute) instead, as a framework does:
// each request becomes a Request, and the Response is written back.
//
// It prints "listening at http://127.0.0.1:PORT/" once it listens, and stops on SIGTERM.
"use strict";
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");
const { Readable } = require("node:stream");

const [handler, positionalApi, positionalTimeout, customerId] = process.argv.slice(2);
if (!handler) {
  console.error("usage: node token-route-harness.js HANDLER [DWOLLA_API TIMEOUT_MS CUSTOMER_ID]");
  process.exit(2);
}
const positional = positionalApi !== undefined;
const web = process.env.TOKEN_ROUTE_FORM === "web";

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

// header(name): a request header by its lowercase name, from a Node request or a Web Request.
function session(header) {
  const value = header("x-test-session");
  if (value !== undefined && value !== null) return JSON.parse(value);
  if (!positional || header("x-test-signed-out")) return { signedIn: false };
  return { signedIn: true, customerId };
}

// The caller's address, which a Request does not carry: kept aside for each one.
const addresses = new WeakMap();

// Methods a Request cannot carry (the Fetch standard forbids them), so a framework answers them
// before any handler runs. The harness answers them as the route answers any method but POST.
const forbiddenMethods = new Set(["CONNECT", "TRACE", "TRACK"]);

// A Node request as the Request a framework would hand the Web handler, and its Response back.
async function viaWebHandler(route, req, res) {
  if (forbiddenMethods.has(req.method.toUpperCase())) {
    res.writeHead(405, { "Allow": "POST", "Cache-Control": "no-store", "Content-Type": "application/problem+json" });
    res.end(JSON.stringify({ type: "about:blank", title: "Method not allowed", status: 405, detail: "The token route answers POST only." }));
    return;
  }
  const headers = new Headers();
  for (let index = 0; index < req.rawHeaders.length; index += 2) headers.append(req.rawHeaders[index], req.rawHeaders[index + 1]);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request("http://127.0.0.1" + req.url, {
    method: req.method, headers, body: hasBody ? Readable.toWeb(req) : undefined, duplex: "half",
  });
  addresses.set(request, req.socket.remoteAddress);
  const response = await route(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}

async function main() {
  const module = await import(path.resolve(handler));
  const { createTokenRoute, createWebTokenRoute } = module.createTokenRoute ? module : module.default;
  const timeout = positional ? positionalTimeout : process.env.TOKEN_ROUTE_TIMEOUT_MS;
  const options = {
    key: process.env.DWOLLA_KEY,
    secret: process.env.DWOLLA_SECRET,
    api: positional ? positionalApi : process.env.DWOLLA_API,
    timeoutMs: timeout ? Number(timeout) : undefined,
    allowlist,
    rateLimit: rateLimit(process.env.TOKEN_ROUTE_RATE_LIMIT),
  };
  const route = web
    ? createWebTokenRoute({ ...options, session: (request) => session((name) => request.headers.get(name)),
                            address: (request) => addresses.get(request) })
    : createTokenRoute({ ...options, session: (req) => session((name) => req.headers[name]) });

  const tokenUrl = allowlist ? allowlist.tokenUrl : "/api/dwolla/client-token";
  const server = http.createServer((req, res) => {
    if (req.url !== tokenUrl) {
      res.writeHead(404);
      return res.end();
    }
    if (!web) return route(req, res);
    // A harness fault must show as a 500 in the test, not end the process.
    viaWebHandler(route, req, res).catch((error) => {
      console.error("harness: " + JSON.stringify(String(error)));
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.listen(0, "127.0.0.1", () => console.log("listening at http://127.0.0.1:" + server.address().port + "/"));
  process.on("SIGTERM", () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

main();
