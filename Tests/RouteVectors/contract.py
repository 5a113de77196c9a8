#!/usr/bin/env python3
"""Runs schemathesis against any token route implementation, as run.py runs the vectors.

    python3 Tests/RouteVectors/contract.py OPENAPI ALLOWLIST [SCHEMATHESIS OPTIONS...] -- COMMAND [ARGS...]

It starts run.py's fake Dwolla and the route (COMMAND, with the environment run.py describes and
ALLOWLIST as TOKEN_ROUTE_ALLOWLIST, no rate limit), then `schemathesis run OPENAPI` against the
route with every request signed in as one customer whose pay-in the server has decided and whose
beneficial owner is known, so that every action the contract allows can succeed. After
schemathesis, the route's log must hold no secret and no raw control character (run.py's rules).
It exits with schemathesis's status, 1 if only the log check failed, 2 if the route did not start.
"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import FakeDwolla, unblock_signals, Route, KEY, SECRET, START_TIMEOUT, log_problems  # noqa: E402

CUSTOMER = "3f2a9c1e-7b4d-4e6a-9f10-2c8d5e7a1b01"
OWNER = "c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f5"


def main(argv):
    unblock_signals()
    if "--" not in argv or argv.index("--") < 3 or argv.index("--") == len(argv) - 1:
        print("usage: " + __doc__.split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    split = argv.index("--")
    spec, allowlist_path, options = argv[1], argv[2], argv[3:split]
    command = argv[split + 1:]
    with open(allowlist_path, encoding="utf-8") as file:
        allowlist = json.load(file)
    environment_api = "https://api.dwolla.com" if allowlist["environment"] == "production" else "https://api-sandbox.dwolla.com"
    session = {"signedIn": True, "customerId": CUSTOMER, "id": "contract", "beneficialOwners": [OWNER]}
    if allowlist.get("payin"):
        session["payin"] = {"amount": allowlist["payin"]["amounts"][0],
                            "destination": environment_api + "/funding-sources/2e4f6a8b-0c1d-4e2f-8a3b-4c5d6e7f8a10"}

    dwolla = FakeDwolla(environment_api, {"beneficialOwners": {CUSTOMER: [OWNER]}})
    environment = dict(os.environ, DWOLLA_API=dwolla.url, DWOLLA_KEY=KEY, DWOLLA_SECRET=SECRET,
                       TOKEN_ROUTE_ALLOWLIST=os.path.abspath(allowlist_path), TOKEN_ROUTE_RATE_LIMIT="off")
    route = Route(command, environment)
    try:
        if not route.listening.wait(START_TIMEOUT) or route.port is None:
            print("the route did not start: %s" % route.log[-2000:].decode("utf-8", "replace").strip())
            return 2
        with tempfile.TemporaryDirectory() as scratch:
            status = run_schemathesis(spec, route.port, session, options, scratch)
    finally:
        route.stop()
        dwolla.stop()
    problems = log_problems(route.log, [])
    for problem in problems:
        print("FAIL log: %s" % problem)
    if status == 0 and problems:
        return 1
    return status


def run_schemathesis(spec, port, session, options, scratch):
    """schemathesis's global options come before `run`, the rest after it."""
    global_options = []
    if "--config-file" in options:
        at = options.index("--config-file")
        global_options = [options[at], os.path.abspath(options[at + 1])]
        options = options[:at] + options[at + 2:]
    command = ["schemathesis"] + global_options + [
        "run", os.path.abspath(spec), "--url", "http://127.0.0.1:%d" % port,
        "--header", "X-Test-Session: " + json.dumps(session, separators=(",", ":")),
    ] + options
    return subprocess.call(command, cwd=scratch)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
