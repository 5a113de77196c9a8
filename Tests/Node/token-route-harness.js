// Runs the generated Node token route as a plain http server, for the test suite.
// usage: node token-route-harness.js HANDLER DWOLLA_API TIMEOUT_MS CUSTOMER_ID
// The session is the customer given, or signed out when a request carries x-test-signed-out.
"use strict";
const http = require("node:http");
const [handler, api, timeoutMs, customerId] = process.argv.slice(2);
const { createTokenRoute } = require(handler);

const route = createTokenRoute({
  key: process.env.DWOLLA_KEY,
  secret: process.env.DWOLLA_SECRET,
  api,
  timeoutMs: Number(timeoutMs),
  session: (req) => (req.headers["x-test-signed-out"] ? { signedIn: false } : { signedIn: true, customerId }),
});

const server = http.createServer((req, res) => {
  if (req.url === "/api/dwolla/client-token") return route(req, res);
  res.writeHead(404);
  res.end();
});
server.listen(0, "127.0.0.1", () => console.log("listening at http://127.0.0.1:" + server.address().port + "/"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
