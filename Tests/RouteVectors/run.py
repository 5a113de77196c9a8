#!/usr/bin/env python3
"""Runs token-route test vectors against any token route implementation.

    python3 Tests/RouteVectors/run.py VECTORS.json [--log FILE] -- COMMAND [ARGS...]

It starts a fake Dwolla on 127.0.0.1, writes the file's allowlist to a temporary file, and runs
COMMAND with DWOLLA_API, DWOLLA_KEY, DWOLLA_SECRET, TOKEN_ROUTE_ALLOWLIST and
TOKEN_ROUTE_RATE_LIMIT ("requests/seconds") set. COMMAND must serve the route at the allowlist's
tokenUrl, print a line containing "at http://127.0.0.1:PORT/" once it listens, take each
request's session from the JSON of its X-Test-Session header (no header: signed out), and stop
on SIGTERM. Everything it prints is its log; --log FILE keeps a copy.

The vector file: {"formatVersion": 1, "allowlist": {...}, "rateLimit": {"requests", "perSeconds"},
"dwolla": {...the fake's data...}, "vectors": [...]}, each vector

    {"name": "...",
     "session": {...} or null (no header: signed out); the runner adds a distinct "id" unless
                the vector sets one, so rate limits do not leak between vectors,
     "request": {"method": "POST", "headers": {...}, and one of "body" (text, sent as UTF-8),
                 "bodyBase64", "bodyPattern" {"prefix", "repeat", "times", "suffix"}; and
                 "chunked": true to send the body in chunks without a Content-Length. Header
                 values may say {origin} (http://127.0.0.1:PORT) or {host} (127.0.0.1:PORT). A
                 Content-Length header given here is sent as is, whatever the body's length.},
     "repeat": N (send N times, check the last),
     "expect": {"status", "title", "detail",
                "dwollaClientToken": whether the last request made POST /client-tokens,
                "dwollaBody": the JSON that request sent Dwolla, exactly,
                "dwollaCalls": how many requests of any kind the last request made of Dwolla,
                "beneficialOwnersLookups": how many of them were GET .../beneficial-owners,
                "headers": {"Name": "exact value" | true (present) | false (absent)},
                "logContains": [...], "logExcludes": [...]: text the whole log must (not) hold}}

The fake's data: "beneficialOwners": {customer id: [owner ids]} (GET /customers/{id}/
beneficial-owners answers that list; a customer not listed is a 404), and
"clientTokenFailures": {customer id: "error" | "garbage" | "unauthorizedOnce"} (how POST
/client-tokens answers for that customer's requests).

Besides what each vector expects, every answer must carry Cache-Control: no-store; a 200 must
be application/json {"token": "..."}; any other answer an application/problem+json document
whose status is the answer's; no answer may hold Dwolla's error detail; only a 200 or a 502 may
have called POST /client-tokens; a 429 carries Retry-After in whole seconds; a 413 carries
Connection: close and the route closes the connection. At the end the log must hold no key,
secret, application or client token, Dwolla error detail, nor any raw control character but
newline and tab (C0, DEL, C1, U+2028, U+2029).

It prints one line per failure, then "route vectors: N passed, N failed" (N counts the vectors
and the final log check), and exits 0, 1 on any failure, or 2 if the route did not start within
60 s.
"""

import base64
import http.client
import http.server
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

KEY = "test-key-7b1e"
SECRET = "test-secret-5f9d2c"
DWOLLA_DETAIL = "secret-internal-id-4410"
START_TIMEOUT = 60
ANSWER_TIMEOUT = 20
LISTENING = re.compile(r"at http://127\.0\.0\.1:(\d+)/")
# Raw control characters a log may not hold: all of C0 but tab and newline, DEL, C1, and the
# line and paragraph separators.
CONTROL = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]")


def unblock_signals():
    """A test runner's threads may block every signal (Dispatch's do), and a child inherits the
    mask: unblocked here, so that the route, and anything else started from here, hears SIGTERM."""
    signal.pthread_sigmask(signal.SIG_SETMASK, [])


class FakeDwolla:
    """Dwolla's API as the route uses it, recording every request."""

    def __init__(self, environment_api, data):
        self.environment_api = environment_api
        self.owners = {customer.lower(): ids for customer, ids in data.get("beneficialOwners", {}).items()}
        self.failures = {customer.lower(): mode for customer, mode in data.get("clientTokenFailures", {}).items()}
        self.refused_once = set()
        self.lock = threading.Lock()
        self.requests = []  # (method, path, body bytes)
        self.application_tokens = 0
        self.client_tokens = 0
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *arguments):
                pass

            def do_POST(self):
                fake.handle(self, "POST")

            def do_GET(self):
                fake.handle(self, "GET")

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()

    def snapshot(self):
        with self.lock:
            return len(self.requests)

    def since(self, count):
        with self.lock:
            return list(self.requests[count:])

    def handle(self, handler, method):
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        with self.lock:
            self.requests.append((method, handler.path, body))
            status, answer = self.answer(method, handler.path, handler.headers, body)
        data = answer if isinstance(answer, bytes) else json.dumps(answer).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/vnd.dwolla.v1.hal+json")
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def answer(self, method, path, headers, body):
        if method == "POST" and path == "/token":
            basic = "Basic " + base64.b64encode((KEY + ":" + SECRET).encode()).decode()
            if headers.get("Authorization") != basic or body != b"grant_type=client_credentials":
                return 401, {"error": "invalid_client"}
            self.application_tokens += 1
            return 200, {"access_token": "app-token-%d" % self.application_tokens, "token_type": "bearer", "expires_in": 3600}
        if not (headers.get("Authorization") or "").startswith("Bearer app-token-"):
            return 401, {"code": "InvalidAccessToken", "message": "Invalid access token."}
        if method == "POST" and path == "/client-tokens":
            try:
                request = json.loads(body)
                customer = request.get("_links", {}).get("customer", {}).get("href", "").rsplit("/", 1)[-1].lower()
            except (ValueError, AttributeError):
                return 400, {"code": "BadRequest", "message": "The request body contains bad syntax."}
            mode = self.failures.get(customer)
            if mode == "error":
                return 500, {"code": "ServerError", "message": "A server error occurred. " + DWOLLA_DETAIL}
            if mode == "garbage":
                return 200, b"<html>" + DWOLLA_DETAIL.encode() + b"</html>"
            if mode == "unauthorizedOnce" and customer not in self.refused_once:
                self.refused_once.add(customer)
                return 401, {"code": "ExpiredAccessToken", "message": "Access token is expired."}
            self.client_tokens += 1
            return 200, {"token": "client-token-%d" % self.client_tokens}
        match = re.fullmatch(r"/customers/([^/]+)/beneficial-owners", path)
        if method == "GET" and match:
            customer = match.group(1).lower()
            if customer not in self.owners:
                return 404, {"code": "NotFound", "message": "Customer not found. " + DWOLLA_DETAIL}
            owners = [{"id": owner, "firstName": "Owner", "_links": {"self": {"href": self.environment_api + "/beneficial-owners/" + owner}}}
                      for owner in self.owners[customer]]
            return 200, {"_links": {"self": {"href": self.environment_api + path}}, "_embedded": {"beneficial-owners": owners}, "total": len(owners)}
        return 404, {"code": "NotFound", "message": "The requested resource was not found."}


class Route:
    """The route under test: its process, port and log."""

    def __init__(self, command, environment):
        self.process = subprocess.Popen(command, env=environment, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.output = bytearray()
        self.port = None
        self.listening = threading.Event()
        self.reader = threading.Thread(target=self.read, daemon=True)
        self.reader.start()

    def read(self):
        for line in iter(self.process.stdout.readline, b""):
            self.output += line
            match = LISTENING.search(line.decode("utf-8", "replace"))
            if match and self.port is None:
                self.port = int(match.group(1))
                self.listening.set()
        self.listening.set()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.reader.join(timeout=5)

    @property
    def log(self):
        return bytes(self.output)


def body_bytes(request):
    if "bodyBase64" in request:
        return base64.b64decode(request["bodyBase64"])
    if "bodyPattern" in request:
        pattern = request["bodyPattern"]
        return (pattern.get("prefix", "") + pattern["repeat"] * pattern["times"] + pattern.get("suffix", "")).encode()
    return request.get("body", "").encode()


def send(port, request, session):
    """Sends one request with exact bytes; answers (status, headers, body, closed), closed
    telling for a 413 whether the route closed the connection after it."""
    method = request.get("method", "POST")
    body = body_bytes(request)
    host = "127.0.0.1:%d" % port
    headers = {name: value.replace("{origin}", "http://" + host).replace("{host}", host)
               for name, value in request.get("headers", {}).items()}
    names = {name.lower() for name in headers}
    if session is not None:
        headers["X-Test-Session"] = json.dumps(session)
    if body and "content-type" not in names:
        headers["Content-Type"] = "application/json"
    chunked = request.get("chunked", False)
    if chunked:
        headers["Transfer-Encoding"] = "chunked"
    elif "content-length" not in names and (body or method == "POST"):
        headers["Content-Length"] = str(len(body))

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=ANSWER_TIMEOUT)
    try:
        connection.putrequest(method, request.get("path", "{tokenUrl}"), skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        try:
            connection.endheaders()
            # A route may answer, and close, before it has read all of a body it refuses.
            if chunked:
                for start in range(0, len(body), 4096):
                    piece = body[start:start + 4096]
                    connection.send(b"%x\r\n%s\r\n" % (len(piece), piece))
                connection.send(b"0\r\n\r\n")
            elif body:
                connection.send(body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        sock = connection.sock
        response = http.client.HTTPResponse(sock, method=method)
        response.begin()
        data = response.read()
        answer_headers = {name.lower(): value for name, value in response.getheaders()}
        # Waiting to see the connection close takes time: only a 413 must close it.
        closed = connection_closed(sock) if response.status == 413 else None
        return response.status, answer_headers, data, closed
    finally:
        connection.close()


def connection_closed(sock):
    """Whether the route closes the connection after its answer (within 5 s)."""
    sock.settimeout(5)
    try:
        return sock.recv(1) == b""
    except (ConnectionResetError, BrokenPipeError):
        return True
    except (socket.timeout, OSError):
        return False


def check(vector, status, headers, data, calls, closed):
    """The ways one answer falls short of its vector and of what every answer must be."""
    expect = vector["expect"]
    problems = []
    if status != expect["status"]:
        problems.append("status %d, expected %d (%s)" % (status, expect["status"], data[:200].decode("utf-8", "replace")))
    if headers.get("cache-control") != "no-store":
        problems.append("Cache-Control is %r, not no-store" % headers.get("cache-control"))
    content_type = (headers.get("content-type") or "").split(";")[0].strip()
    try:
        document = json.loads(data)
    except ValueError:
        document = None
    if status == 200:
        if content_type != "application/json":
            problems.append("a 200 of type %r" % content_type)
        if not isinstance(document, dict) or not isinstance(document.get("token"), str):
            problems.append("a 200 without {\"token\": ...}")
    else:
        if content_type != "application/problem+json":
            problems.append("a %d of type %r, not application/problem+json" % (status, content_type))
        if not isinstance(document, dict) or document.get("status") != status or not isinstance(document.get("title"), str):
            problems.append("a %d that is not a problem document with its status and a title" % status)
            document = {}
        for field in ("title", "detail"):
            if field in expect and document.get(field) != expect[field]:
                problems.append("%s %r, expected %r" % (field, document.get(field), expect[field]))
    if DWOLLA_DETAIL.encode() in data:
        problems.append("the answer holds Dwolla's error detail")
    for name, value in expect.get("headers", {}).items():
        actual = headers.get(name.lower())
        if value is True and actual is None:
            problems.append("no %s header" % name)
        elif value is False and actual is not None:
            problems.append("a %s header" % name)
        elif isinstance(value, str) and actual != value:
            problems.append("%s is %r, expected %r" % (name, actual, value))
    if status == 429 and not re.fullmatch(r"[1-9][0-9]*", headers.get("retry-after") or ""):
        problems.append("a 429 with Retry-After %r, not whole seconds" % headers.get("retry-after"))
    if status == 413:
        if (headers.get("connection") or "").lower() != "close":
            problems.append("a 413 without Connection: close")
        if not closed:
            problems.append("a 413 that leaves the connection open")

    client_tokens = [body for method, path, body in calls if method == "POST" and path == "/client-tokens"]
    lookups = [path for method, path, body in calls if method == "GET" and path.endswith("/beneficial-owners")]
    if client_tokens and status not in (200, 502):
        problems.append("a %d that called POST /client-tokens" % status)
    if "dwollaClientToken" in expect and bool(client_tokens) != expect["dwollaClientToken"]:
        problems.append("POST /client-tokens %s" % ("made" if client_tokens else "not made"))
    if "dwollaBody" in expect:
        try:
            sent = json.loads(client_tokens[-1]) if client_tokens else None
        except ValueError:
            sent = client_tokens[-1]
        if sent != expect["dwollaBody"]:
            problems.append("Dwolla received %s, expected %s" % (json.dumps(sent), json.dumps(expect["dwollaBody"])))
    if "dwollaCalls" in expect and len(calls) != expect["dwollaCalls"]:
        problems.append("%d calls to Dwolla (%s), expected %d" % (len(calls), ", ".join(m + " " + p for m, p, b in calls), expect["dwollaCalls"]))
    if "beneficialOwnersLookups" in expect and len(lookups) != expect["beneficialOwnersLookups"]:
        problems.append("%d beneficial-owner lookups, expected %d" % (len(lookups), expect["beneficialOwnersLookups"]))
    return problems


def log_problems(log, vectors):
    problems = []
    basic = base64.b64encode((KEY + ":" + SECRET).encode()).decode()
    for secret in (KEY, SECRET, basic, "app-token-", "client-token-", DWOLLA_DETAIL):
        if secret.encode() in log:
            problems.append("the log holds %s" % secret)
    try:
        text = log.decode("utf-8")
    except UnicodeDecodeError:
        problems.append("the log is not UTF-8")
        text = log.decode("utf-8", "replace")
    for match in CONTROL.finditer(text):
        problems.append("the log holds a raw U+%04X near %r" % (ord(match.group()), text[max(0, match.start() - 40):match.start()]))
        break
    for vector in vectors:
        expect = vector["expect"]
        for needle in expect.get("logContains", []):
            if needle not in text:
                problems.append("%s: the log does not hold %r" % (vector["name"], needle))
        for needle in expect.get("logExcludes", []):
            if needle in text:
                problems.append("%s: the log holds %r" % (vector["name"], needle))
    return problems


def main(argv):
    unblock_signals()
    if "--" not in argv or argv.index("--") < 2 or argv.index("--") == len(argv) - 1:
        print("usage: " + __doc__.split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    split = argv.index("--")
    options, command = argv[1:split], argv[split + 1:]
    log_copy = None
    if "--log" in options:
        log_copy = options[options.index("--log") + 1]
        del options[options.index("--log"):options.index("--log") + 2]
    with open(options[0], encoding="utf-8") as file:
        suite = json.load(file)
    allowlist = suite["allowlist"]
    environment_api = "https://api.dwolla.com" if allowlist["environment"] == "production" else "https://api-sandbox.dwolla.com"

    dwolla = FakeDwolla(environment_api, suite.get("dwolla", {}))
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump(allowlist, file)
    environment = dict(os.environ, DWOLLA_API=dwolla.url, DWOLLA_KEY=KEY, DWOLLA_SECRET=SECRET,
                       TOKEN_ROUTE_ALLOWLIST=file.name)
    limit = suite.get("rateLimit")
    environment["TOKEN_ROUTE_RATE_LIMIT"] = "%d/%d" % (limit["requests"], limit["perSeconds"]) if limit else "off"
    route = Route(command, environment)
    try:
        if not route.listening.wait(START_TIMEOUT) or route.port is None:
            try:
                why = "exited with status %d" % route.process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                why = "did not start within %d s" % START_TIMEOUT
            print("the route %s: %s" % (why, route.log[-2000:].decode("utf-8", "replace").strip()))
            return 2
        failed = passed = 0
        vectors = suite["vectors"]
        for index, vector in enumerate(vectors):
            session = vector.get("session")
            if isinstance(session, dict) and "id" not in session:
                session = dict(session, id="vector-%d" % index)
            request = dict(vector["request"])
            request["path"] = allowlist["tokenUrl"]
            problems = []
            try:
                for _ in range(vector.get("repeat", 1) - 1):
                    send(route.port, request, session)
                before = dwolla.snapshot()
                status, headers, data, closed = send(route.port, request, session)
                problems = check(vector, status, headers, data, dwolla.since(before), closed)
            except (OSError, http.client.HTTPException) as error:
                problems = ["no answer: %s: %s" % (type(error).__name__, error)]
            if problems:
                failed += 1
                print("FAIL %s: %s" % (vector["name"], "; ".join(problems)))
            else:
                passed += 1
    finally:
        route.stop()
        dwolla.stop()
        os.unlink(file.name)
        if log_copy:
            with open(log_copy, "wb") as copy:
                copy.write(route.log)
    problems = log_problems(route.log, vectors)
    for problem in problems:
        print("FAIL log: %s" % problem)
    failed, passed = (failed + 1, passed) if problems else (failed, passed + 1)
    print("route vectors: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
