#!/usr/bin/env python3
"""dropin serve's reload, in headless Chromium: an open page reloads itself after the manifest
changes, shows the build's errors while the manifest is broken, and comes back once it is fixed,
with the pages' Content-Security-Policy as written (the reload script is a file, not inline).

usage: reload.py --site URL --manifest dropin.yml --page onboarding/unverified.html --title "Create your account"

serve must watch (its default) the manifest given. Prints one line per check and "N passed, N failed".
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e  # noqa: E402 - the browser, the double and the checks are e2e.py's


def heading(driver):
    return driver.execute_script("var h = document.querySelector('h1'); return h ? h.textContent : null")


def wait_for(driver, condition, seconds=15):
    """Polls the open page, without navigating: only the page's own script may reload it."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if condition():
                return True
        except Exception:  # noqa: BLE001 - the page may be between documents
            pass
        time.sleep(0.1)
    return False


def rewrite(path, old, new):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    if old not in text:
        raise SystemExit(f"{old!r} is not in {path}")
    with open(path, "w", encoding="utf-8") as file:
        file.write(text.replace(old, new, 1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True)
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--page", required=True)
    parser.add_argument("--title", required=True, help="the page's title in the manifest")
    arguments = parser.parse_args()
    changed = arguments.title + " (changed)"

    driver = e2e.browser(e2e.start_double())
    try:
        driver.get(f"{arguments.site}/{arguments.page}")
        e2e.check("the page shows its title", heading(driver) == arguments.title, heading(driver))
        driver.execute_script("window.__notReloaded = true")

        rewrite(arguments.manifest, f"title: {arguments.title}\n", f"title: {changed}\n")
        reloaded = wait_for(driver, lambda: heading(driver) == changed)
        e2e.check("after a manifest edit the open page reloads with the new title", reloaded, heading(driver))
        e2e.check("it was the page's own reload", driver.execute_script("return window.__notReloaded === undefined"))

        rewrite(arguments.manifest, f"title: {changed}\n", f"titel: {changed}\n")
        failed = wait_for(driver, lambda: heading(driver) == "The build failed")
        report = driver.execute_script("var pre = document.querySelector('pre'); return pre ? pre.textContent : ''")
        e2e.check("a broken manifest: the page shows the build's error in place of the stale page", failed, heading(driver))
        e2e.check("the error names the file, line and key, with the fix", "dropin.yml:" in report and "did you mean 'title'" in report,
                  report)

        rewrite(arguments.manifest, f"titel: {changed}\n", f"title: {changed}\n")
        e2e.check("fixed: the page comes back", wait_for(driver, lambda: heading(driver) == changed), heading(driver))

        violations = [message for message in (entry["message"] for entry in driver.get_log("browser"))
                      if "Content Security Policy" in message or "Content-Security-Policy" in message]
        e2e.check("no Content-Security-Policy violation", violations == [], violations)
    finally:
        driver.quit()
    return e2e.summary()


if __name__ == "__main__":
    sys.exit(main())
