#!/usr/bin/env python3
"""Every page of a dropin site, in headless Chromium, against `dropin serve`.

usage: e2e.py --site URL --manifest dropin.yml --customer ID --screenshots DIR

The real dwolla-web.js cannot be fetched here: a test double (dwolla-web-double.js, beside this
file) is served over TLS on loopback, and Chromium resolves cdn.dwolla.com to it, so the pages
keep the real CDN URL and their Content-Security-Policy is tested as written. The expected
attributes come from the manifest and the expected actions from this file's own table of
Dwolla's API reference, not from dropin. Prints one line per check and "N passed, N failed".
"""
import argparse
import http.server
import json
import os
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

import yaml
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ACTIONS = {
    "dwolla-customer-create": ["customer.create"],
    "dwolla-customer-update": ["customer.read", "customer.update"],
    "dwolla-personal-vcr": ["customer.create", "customer.read", "customer.update", "customer.documents.create"],
    "dwolla-business-vcr": ["customer.create", "customer.read", "customer.update", "customer.documents.create",
                            "businessclassifications.read"],
    "dwolla-beneficial-owners": ["beneficialowners.create", "beneficialowners.read", "beneficialowners.update",
                                 "beneficialowners.delete", "beneficialownership.read", "beneficialownership.certify",
                                 "beneficialowner.documents.create", "customer.read", "customer.update"],
    "dwolla-document-upload": ["customer.read", "customer.documents.create", "customer.documents.read",
                               "beneficialowners.read", "beneficialowner.documents.create"],
    "dwolla-funding-source-create": ["customer.fundingsources.create"],
    "dwolla-micro-deposits-verify": ["customer.fundingsources.read", "customer.microdeposits.verify"],
    "dwolla-balance-display": ["customer.fundingsources.read"],
    "dwolla-payin": ["customer.fundingsources.read", "customer.transfers.send"],
}

results = []


def check(name, condition, detail=""):
    results.append(condition)
    print(("ok    " if condition else "FAIL  ") + name + ("" if condition else ": " + str(detail)))


def start_double():
    """Serves the double over TLS on loopback; returns the port."""
    folder = tempfile.mkdtemp(prefix="dropin-double-")
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=cdn.dwolla.com",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "dwolla-web-double.js"), "rb") as file:
        script = file.read()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            found = self.path.endswith("/dwolla-web.js")
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "text/javascript")
            self.end_headers()
            if found:
                self.wfile.write(script)

        def log_message(self, *arguments):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


def browser(double_port):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-proxy-server",
                     "--ignore-certificate-errors", "--window-size=1200,900",
                     f"--host-resolver-rules=MAP cdn.dwolla.com 127.0.0.1:{double_port}"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def visit(driver, url, expected_elements):
    """Loads a page and waits until every drop-in element the double saw is done."""
    driver.get(url)
    deadline = time.time() + 20
    state = None
    while time.time() < deadline:
        state = driver.execute_script("return window.__double || null")
        if state and len(state["elements"]) >= expected_elements and all(e["done"] for e in state["elements"]):
            return state
        time.sleep(0.1)
    return state


def console_problems(driver):
    entries = driver.get_log("browser")
    return [e["message"] for e in entries if e["level"] == "SEVERE" or "Content Security Policy" in e["message"]
            or "Content-Security-Policy" in e["message"]]


def expected_attributes(component, params):
    attributes = {}
    for name, value in (component.get("attributes") or {}).items():
        if isinstance(value, dict):
            attributes[name.lower()] = params[value["param"]]
        elif value is True:
            attributes[name.lower()] = "true"
        elif value is not False:
            attributes[name.lower()] = str(value)
    return attributes


def expected_actions(component):
    actions = list(ACTIONS[component["component"]])
    if component["component"] == "dwolla-funding-source-create" and (component.get("attributes") or {}).get("initiateMicroDeposits"):
        actions.append("customer.microdeposits.create")
    return sorted(actions)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True)
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--customer", required=True)
    parser.add_argument("--screenshots", required=True)
    arguments = parser.parse_args()
    with open(arguments.manifest, encoding="utf-8") as file:
        manifest = yaml.safe_load(file)
    params = {
        "customerId": arguments.customer, "fundingSourceId": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        "blob": "blob-from-the-server", "token": "token-from-the-server", "firstName": "Ada", "lastName": "Lovelace",
        "email": "ada@example.com", "correlationId": "correlation-1",
    }
    os.makedirs(arguments.screenshots, exist_ok=True)
    driver = browser(start_double())
    try:
        driver.get(arguments.site + "/index.html")
        check("index.html has no console error", console_problems(driver) == [], console_problems(driver))
        driver.save_screenshot(os.path.join(arguments.screenshots, "index.png"))

        for page in manifest["pages"]:
            components = page["components"]
            query = urllib.parse.urlencode(params)
            state = visit(driver, f"{arguments.site}/{page['path']}?{query}", len(components))
            name = page["path"]
            problems = console_problems(driver)
            check(f"{name}: no console error and no CSP violation", problems == [], problems)
            if state is None:
                check(f"{name}: the double loaded", False, "window.__double is missing")
                continue
            configured = state["configured"] or {}
            check(f"{name}: dwolla.configure got the environment", configured.get("environment") == manifest["environment"], configured)
            check(f"{name}: dwolla.configure got the token route", configured.get("tokenUrl") == manifest["token"]["url"]
                  or configured.get("tokenFunction"), configured)
            check(f"{name}: success and error handlers", configured.get("success") and configured.get("error"), configured)
            elements = state["elements"]
            check(f"{name}: every component reached the page", [e["tag"] for e in elements] == [c["component"] for c in components],
                  [e["tag"] for e in elements])
            for element, component in zip(elements, components):
                tag = component["component"]
                check(f"{name}: {tag} got the manifest's attributes", element["attributes"] == expected_attributes(component, params),
                      element["attributes"])
                check(f"{name}: {tag} got a token from serve for each of its actions",
                      sorted(element["tokens"]) == expected_actions(component) and not element["failures"],
                      {"tokens": sorted(element["tokens"]), "failures": element["failures"]})
            if name == "onboarding/business.html":
                driver.save_screenshot(os.path.join(arguments.screenshots, "business.png"))

        single = "banking/balance.html"
        query = urllib.parse.urlencode({"customerId": arguments.customer})
        state = visit(driver, f"{arguments.site}/{single}?{query}&double-outcome=success", 1)
        check("a success fires dropin:success on the element",
              {"name": "dropin:success", "target": "dwolla-balance-display"} in state["events"], state["events"])
        driver.get_log("browser")
        state = visit(driver, f"{arguments.site}/{single}?{query}&double-outcome=api-error", 1)
        check("an API error delivered through success fires dropin:api-error",
              {"name": "dropin:api-error", "target": "dwolla-balance-display"} in state["events"]
              and not any(e["name"] == "dropin:success" for e in state["events"]), state["events"])
        check("an API error is logged to the console", any("ValidationError" in m for m in console_problems(driver)))
        state = visit(driver, f"{arguments.site}/{single}?{query}&double-extra-action=customer.delete", 1)
        failures = state["elements"][0]["failures"]
        check("a tampered page asking a disallowed action is refused", "403" in failures.get("customer.delete", ""), failures)
        check("the token failure fires dropin:error", {"name": "dropin:error", "target": "dwolla-balance-display"} in state["events"],
              state["events"])
        check("the allowed action still got its token", "customer.fundingsources.read" in state["elements"][0]["tokens"],
              state["elements"][0])

        driver.get(f"{arguments.site}/{single}")
        time.sleep(0.5)
        message = driver.execute_script(
            "var m = document.querySelector('.dropin-missing-parameter'); return m ? m.textContent : null")
        check("a missing parameter shows a message instead of the component",
              message == "This page needs customerId in its address, for example ?customerId=...."
              and driver.execute_script("return document.querySelector('dwolla-balance-display')") is None, message)
    finally:
        driver.quit()
    passed, failed = results.count(True), results.count(False)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
