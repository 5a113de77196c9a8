#!/usr/bin/env python3
"""Serves the generated PHP token route with `php -S`, once through $route->handle() (plain PHP)
and once from a Symfony HttpFoundation controller (Tests/PHP/mounted_route.php), each with the
lines docs/token-route.md gives, and asks each for a token:

    python3 framework_mounts.py ROUTE.php

with DWOLLA_API, DWOLLA_KEY and DWOLLA_SECRET set (Tests/RouteVectors/with_fake_dwolla.py sets
them). For each: a signed-in request for an allowed action gets a token; a signed-out one 401,
the route's problem document; a GET 405 with Allow: POST; and the app's own page is still
served. It prints one line per mount and exits 1 on any failure.
"""
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

CUSTOMER = "3f2a9c1e-7b4d-4e6a-9f10-2c8d5e7a1b01"
BODY = json.dumps({"action": "customer.read",
                   "_links": {"customer": {"href": "https://api-sandbox.dwolla.com/customers/" + CUSTOMER}}})
HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def ask(port, method, path, signed_in, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    headers = {"Origin": "http://127.0.0.1:%d" % port}
    if body is not None:
        headers["Content-Type"] = "application/json"
    if signed_in:
        headers["X-Signed-In"] = "yes"
    try:
        connection.request(method, path, body=body, headers=headers)
        answer = connection.getresponse()
        return answer.status, {name.lower(): value for name, value in answer.getheaders()}, answer.read().decode("utf-8", "replace")
    finally:
        connection.close()


def serve(mount, route, state):
    port = free_port()
    server = subprocess.Popen(["php", "-S", "127.0.0.1:%d" % port, os.path.join(HERE, "mounted_route.php")],
                              env=dict(os.environ, MOUNT=mount, TOKEN_ROUTE_PHP=os.path.abspath(route), STATE_FOLDER=state),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise RuntimeError("php -S did not listen")


def problems(port, mount):
    found = []
    status, headers, text = ask(port, "POST", "/api/dwolla/client-token", True, BODY)
    try:
        token = json.loads(text).get("token")
    except ValueError:
        token = None
    if status != 200 or not isinstance(token, str):
        found.append("signed in: %d %s" % (status, text[:200]))
    status, headers, text = ask(port, "POST", "/api/dwolla/client-token", False, BODY)
    if status != 401 or headers.get("content-type") != "application/problem+json":
        found.append("signed out: %d %s %s" % (status, headers.get("content-type"), text[:200]))
    status, headers, text = ask(port, "GET", "/api/dwolla/client-token", True)
    if status != 405 or headers.get("allow") != "POST":
        found.append("GET: %d %s" % (status, text[:200]))
    status, headers, text = ask(port, "GET", "/hello", False)
    if status != 200 or text != mount:
        found.append("the app's own page: %d %s" % (status, text[:200]))
    return found


def main(argv):
    if len(argv) != 2:
        print("usage: python3 framework_mounts.py ROUTE.php", file=sys.stderr)
        return 2
    failed = False
    for mount in ("plain", "symfony"):
        with tempfile.TemporaryDirectory() as scratch:
            state = os.path.join(scratch, "state")
            server, port = serve(mount, argv[1], state)
            try:
                found = problems(port, mount)
            finally:
                # SIGTERM may be ignored here: a test runner can hand that on to its children.
                server.kill()
                server.wait()
        failed = failed or bool(found)
        print("%s: %s" % (mount, "; ".join(found) if found else "mounted, answers"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
