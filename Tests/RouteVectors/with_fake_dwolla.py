#!/usr/bin/env python3
"""Runs a command beside run.py's fake Dwolla:

    python3 Tests/RouteVectors/with_fake_dwolla.py -- COMMAND [ARGS...]

COMMAND runs with DWOLLA_API (where the fake listens), DWOLLA_KEY and DWOLLA_SECRET set, and
this exits with its status.
"""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import FakeDwolla, unblock_signals, KEY, SECRET  # noqa: E402


def main(argv):
    unblock_signals()
    if len(argv) < 3 or argv[1] != "--":
        print("usage: " + __doc__.split("\n\n")[1].strip(), file=sys.stderr)
        return 2
    dwolla = FakeDwolla("https://api-sandbox.dwolla.com", {})
    try:
        return subprocess.call(argv[2:], env=dict(os.environ, DWOLLA_API=dwolla.url, DWOLLA_KEY=KEY, DWOLLA_SECRET=SECRET))
    finally:
        dwolla.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
