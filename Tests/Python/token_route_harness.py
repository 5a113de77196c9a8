#!/usr/bin/env python3
"""Runs the generated Python token route for Tests/RouteVectors/run.py:

    python3 token_route_harness.py ROUTE.py [wsgi|asgi]

Environment as run.py sets it: DWOLLA_API, DWOLLA_KEY, DWOLLA_SECRET, TOKEN_ROUTE_ALLOWLIST,
TOKEN_ROUTE_RATE_LIMIT ("requests/seconds" or "off"). The session is the JSON of each request's
X-Test-Session header (signedIn, customerId, payin, beneficialOwners, id), without one signed
out. A small threaded HTTP/1.1 server plays the WSGI or ASGI server: it hands the route the body
as a stream it reads itself (of Content-Length bytes, or decoded from chunks), so a route that
stops reading early is seen to, and closes the connection after an answer with Connection: close.
It prints "listening at http://127.0.0.1:PORT/" once it listens, and stops on SIGTERM.
"""
import asyncio
import importlib.util
import json
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Body:
    """The request body as a server streams it: Content-Length bytes, or chunked."""

    def __init__(self, rfile, length, chunked):
        self.rfile, self.remaining, self.chunked, self.buffer = rfile, length, chunked, b""
        self.done = not chunked and length <= 0

    def _fill(self):
        if self.done:
            return
        if not self.chunked:
            data = self.rfile.read(min(self.remaining, 65536)) if self.remaining > 0 else b""
            self.remaining -= len(data)
            self.buffer += data
            self.done = self.remaining <= 0 or not data
            return
        size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
        if size == 0:
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
            self.done = True
            return
        self.buffer += self.rfile.read(size)
        self.rfile.readline()

    def read(self, size=-1):
        while not self.done and (size < 0 or len(self.buffer) < size):
            self._fill()
        if size < 0:
            data, self.buffer = self.buffer, b""
        else:
            data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data


def load_route(path, form):
    spec = importlib.util.spec_from_file_location("dwolla_token_route", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    allowlist = None
    if os.environ.get("TOKEN_ROUTE_ALLOWLIST"):
        with open(os.environ["TOKEN_ROUTE_ALLOWLIST"], encoding="utf-8") as file:
            allowlist = json.load(file)
    limit = os.environ.get("TOKEN_ROUTE_RATE_LIMIT")
    rate_limit = (60, 60) if limit is None else None if limit == "off" else tuple(float(n) if "." in n else int(n) for n in limit.split("/"))

    def session_from(header):
        if header is None:
            return {"signed_in": False}
        given = json.loads(header)
        names = {"signedIn": "signed_in", "customerId": "customer_id", "beneficialOwners": "beneficial_owners"}
        return {names.get(key, key): value for key, value in given.items()}

    if form == "asgi":
        async def session(scope):
            headers = dict((name.decode("latin-1").lower(), value.decode("latin-1")) for name, value in scope["headers"])
            return session_from(headers.get("x-test-session"))
    else:
        def session(environ):
            return session_from(environ.get("HTTP_X_TEST_SESSION"))

    return module.create_token_route(key=os.environ["DWOLLA_KEY"], secret=os.environ["DWOLLA_SECRET"],
                                     api=os.environ.get("DWOLLA_API"), allowlist=allowlist, rate_limit=rate_limit,
                                     session=session)


def main():
    path, form = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "wsgi"
    route = load_route(path, form)
    token_url = "/api/dwolla/client-token"
    if os.environ.get("TOKEN_ROUTE_ALLOWLIST"):
        with open(os.environ["TOKEN_ROUTE_ALLOWLIST"], encoding="utf-8") as file:
            token_url = json.load(file)["tokenUrl"]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *arguments):
            pass

        def handle_one_request(self):
            try:
                super().handle_one_request()
            except ConnectionError:
                self.close_connection = True

        def _serve(self):
            if self.path != token_url:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            chunked = "chunked" in (self.headers.get("Transfer-Encoding") or "").lower()
            length = self.headers.get("Content-Length")
            body = Body(self.rfile, int(length) if length and length.isdigit() else 0, chunked)
            status, headers, payload = asgi(route, self, body) if form == "asgi" else wsgi(route, self, body, length)
            # As servers do, a connection whose body the route left unread is closed, and says so.
            if not body.done and not any(name.lower() == "connection" for name, _ in headers):
                headers = list(headers) + [("Connection", "close")]
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
            if any(name.lower() == "connection" and value.lower() == "close" for name, value in headers):
                self.close_connection = True
            elif not body.done:
                body.read()

        def __getattr__(self, name):
            # Every method reaches the route, as a WSGI or ASGI server passes it on.
            if name.startswith("do_"):
                return self._serve
            raise AttributeError(name)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    print("listening at http://127.0.0.1:%d/" % server.server_address[1], flush=True)
    server.serve_forever()


def wsgi(route, handler, body, length):
    environ = {"REQUEST_METHOD": handler.command, "PATH_INFO": handler.path, "SCRIPT_NAME": "", "wsgi.input": body,
               "wsgi.input_terminated": True, "REMOTE_ADDR": handler.client_address[0], "SERVER_PROTOCOL": "HTTP/1.1"}
    if length is not None:
        environ["CONTENT_LENGTH"] = length
    for name, value in handler.headers.items():
        key = "HTTP_" + name.upper().replace("-", "_")
        if name.lower() not in ("content-length", "content-type"):
            environ[key] = environ[key] + "," + value if key in environ else value
    answer = {}

    def start_response(status, headers):
        answer["status"], answer["headers"] = int(status.split(" ")[0]), headers

    payload = b"".join(route(environ, start_response))
    return answer["status"], answer["headers"], payload


def asgi(route, handler, body):
    scope = {"type": "http", "method": handler.command, "path": handler.path, "client": handler.client_address,
             "headers": [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in handler.headers.items()]}
    sent = {"headers": [], "body": b""}

    async def receive():
        data = body.read(4096)
        return {"type": "http.request", "body": data, "more_body": not (body.done and not body.buffer)}

    async def send(message):
        if message["type"] == "http.response.start":
            sent["status"] = message["status"]
            sent["headers"] = [(n.decode("latin-1"), v.decode("latin-1")) for n, v in message["headers"]]
        else:
            sent["body"] += message.get("body", b"")

    asyncio.run(route.asgi(scope, receive, send))
    return sent["status"], sent["headers"], sent["body"]


if __name__ == "__main__":
    main()
