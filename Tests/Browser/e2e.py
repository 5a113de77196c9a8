#!/usr/bin/env python3
"""Every page of a dropin site, in headless Chromium, against `dropin serve`.

usage: e2e.py --site URL --manifest dropin.yml --customer ID --payin-destination URL --screenshots DIR

serve must run with that customer (--customer-id) and that pending pay-in (--payin-destination,
--payin-amount 25.00): it puts the customer in every page whose elements take a customerId
parameter, and a pay-in's token and blob, minted for the pending pay-in, in the pay page, as
<meta name="dropin-param-NAME" content="...">. The pages' addresses carry other values for
these, which must lose: a value from the server wins, and a token or blob never comes from the
address.

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
import socket
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

# Parameters that only the server may give (docs/token-route.md: a pay-in's token and blob).
SERVER_ONLY = {"token", "blob"}

# What the page's address carries. customerId is another uuid than serve's, and token and blob are
# values no server minted: serve's meta must win over the first and the others must never be used.
ADDRESS = {
    "customerId": "11111111-2222-4333-8444-555555555555", "fundingSourceId": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
    "blob": "blob-from-the-address", "token": "token-from-the-address", "firstName": "Ada", "lastName": "Lovelace",
    "email": "ada@example.com", "correlationId": "correlation-1", "termsUrl": "https://www.example.com/terms",
}

# Records every dropin event the document sees from the very start of each page, before any of the
# page's scripts runs (params.js fires dropin:error while the page loads). Injected over CDP, it is
# not subject to the page's CSP, which forbids inline script.
RECORD_EVENTS = """
window.__events = [];
["dropin:success", "dropin:api-error", "dropin:error"].forEach(function (name) {
  document.addEventListener(name, function (event) {
    var detail = null;
    try { detail = JSON.parse(JSON.stringify(event.detail)); } catch (error) { detail = String(error); }
    var target = event.composedPath()[0];
    window.__events.push({ name: name, target: target && target.tagName ? target.tagName.toLowerCase() : "document",
                           detail: detail });
  });
});
"""

MISSING_MESSAGE = "This page needs fundingSourceId in its address (for example ?fundingSourceId=...)."

results = []


def check(name, condition, detail=""):
    results.append(condition)
    print(("ok    " if condition else "FAIL  ") + name + ("" if condition else ": " + str(detail)))


def summary():
    """Prints the tally of the checks; the exit status."""
    passed, failed = results.count(True), results.count(False)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


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
    """What the element must carry; a parameter missing from params must be missing from it."""
    attributes = {}
    for name, value in (component.get("attributes") or {}).items():
        if isinstance(value, dict):
            if params.get(value["param"]) is not None:
                attributes[name.lower()] = params[value["param"]]
        elif value is True:
            attributes[name.lower()] = "true"
        elif value is not False:
            attributes[name.lower()] = str(value)
    return attributes


def takes_parameter(page, attribute):
    return any(isinstance(value, dict) and name.lower() == attribute.lower()
               for component in page["components"] for name, value in (component.get("attributes") or {}).items())


def served_parameters(driver):
    """The values serve put in the page: {NAME: content} of each <meta name="dropin-param-NAME">."""
    return driver.execute_script(
        "var found = {};"
        "document.querySelectorAll('meta[name^=\"dropin-param-\"]').forEach(function (meta) {"
        "  found[meta.getAttribute('name').slice('dropin-param-'.length)] = meta.getAttribute('content'); });"
        "return found;")


def missing_message(driver):
    return driver.execute_script("var m = document.querySelector('.dropin-missing-parameter'); return m ? m.textContent : null")


def dropin_errors(driver):
    return [event for event in driver.execute_script("return window.__events || []") if event["name"] == "dropin:error"]


def closed_port():
    """A loopback port nothing listens on: the CDN, unreachable."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def check_unreachable_cdn(arguments):
    """With dwolla-web.js out of reach, each component's place says so, the app hears of it
    through dropin:error, and no script throws."""
    driver = browser(closed_port())
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_EVENTS})
        for page, tag in [("banking/balance.html", "dwolla-balance-display"), ("onboarding/business.html", "dwolla-business-vcr")]:
            driver.get(f"{arguments.site}/{page}")
            time.sleep(1)
            shown = driver.execute_script(
                "return Array.prototype.map.call(document.querySelectorAll('.dropin-unavailable'), function (m) { return m.textContent; })")
            check(f"CDN unreachable, {page}: a message where each component would be",
                  len(shown) >= 1 and all("could not load" in text for text in shown)
                  and driver.execute_script(f"return document.querySelector('{tag}')") is None, shown)
            errors = dropin_errors(driver)
            check(f"CDN unreachable, {page}: dropin:error says why",
                  any((e["detail"] or {}).get("reason") == "unavailable" for e in errors), errors)
            thrown = [e["message"] for e in driver.get_log("browser") if "Uncaught" in e["message"]]
            check(f"CDN unreachable, {page}: no script throws", thrown == [], thrown)
    finally:
        driver.quit()


def expected_actions(component):
    actions = list(ACTIONS[component["component"]])
    if component["component"] == "dwolla-funding-source-create" and (component.get("attributes") or {}).get("initiateMicroDeposits"):
        actions.append("customer.microdeposits.create")
    return sorted(actions)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True)
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--customer", required=True, help="the customer serve was given (--customer-id)")
    parser.add_argument("--payin-destination", required=True,
                        help="the pending pay-in's funding source serve was given; the pay page's token and blob are minted for it")
    parser.add_argument("--screenshots", required=True)
    arguments = parser.parse_args()
    with open(arguments.manifest, encoding="utf-8") as file:
        manifest = yaml.safe_load(file)
    os.makedirs(arguments.screenshots, exist_ok=True)
    driver = browser(start_double())
    try:
        driver.execute_cdp_cmd("Page.enable", {})
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_EVENTS})
        driver.get(arguments.site + "/index.html")
        check("index.html has no console error", console_problems(driver) == [], console_problems(driver))
        driver.save_screenshot(os.path.join(arguments.screenshots, "index.png"))

        for page in manifest["pages"]:
            components = page["components"]
            query = urllib.parse.urlencode(ADDRESS)
            state = visit(driver, f"{arguments.site}/{page['path']}?{query}", len(components))
            name = page["path"]
            problems = console_problems(driver)
            check(f"{name}: no console error and no CSP violation", problems == [], problems)
            if state is None:
                check(f"{name}: the double loaded", False, "window.__double is missing")
                continue
            served = served_parameters(driver)
            # The address's values, but serve's customer, and a token and blob only from serve.
            params = {key: value for key, value in ADDRESS.items() if key not in SERVER_ONLY}
            params.update({"customerId": arguments.customer, "token": served.get("token"), "blob": served.get("blob")})
            if takes_parameter(page, "customerId"):
                check(f"{name}: serve put its customer in the page", served.get("customerId") == arguments.customer, served)
            if any(c["component"] == "dwolla-payin" for c in components):
                check(f"{name}: serve put a token minted by Dwolla in the page",
                      (served.get("token") or "").startswith("client-token-"), served)
                check(f"{name}: serve put a blob minted by Dwolla in the page",
                      (served.get("blob") or "").startswith("blob-"), served)
                given = [value for element in state["elements"] for value in element["attributes"].values()]
                check(f"{name}: the address's token and blob reach no element",
                      ADDRESS["token"] not in given and ADDRESS["blob"] not in given, given)
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

        driver.get_log("browser")
        state = visit(driver, f"{arguments.site}/{single}", 1)
        elements = (state or {}).get("elements") or []
        check("a page without parameters in its address gets serve's customer",
              [e["attributes"].get("customerid") for e in elements] == [arguments.customer], elements)
        check("a page without parameters in its address shows no message", missing_message(driver) is None,
              missing_message(driver))
        check("a page without parameters in its address gets its tokens",
              [sorted(e["tokens"]) for e in elements] == [["customer.fundingsources.read"]]
              and not any(e["failures"] for e in elements), elements)

        personal = "onboarding/personal.html"
        driver.get_log("browser")
        state = visit(driver, f"{arguments.site}/{personal}?" + urllib.parse.urlencode({"termsUrl": "javascript:alert(1)"}), 1)
        elements = (state or {}).get("elements") or []
        check("an optional link that is no http(s) link is left out",
              [e["attributes"] for e in elements] == [{"privacy": "https://www.example.com/privacy"}], elements)
        check("an optional link that is no http(s) link shows no message", missing_message(driver) is None,
              missing_message(driver))
        check("an optional link that is no http(s) link fires no dropin:error", dropin_errors(driver) == [],
              dropin_errors(driver))
        problems = console_problems(driver)
        check("an optional link that is no http(s) link causes no console error", problems == [], problems)

        verify = "banking/verify-bank.html"
        for label, query in [("a missing required parameter", ""),
                             ("a required parameter that is no uuid", "?fundingSourceId=not-a-uuid")]:
            driver.get(f"{arguments.site}/{verify}{query}")
            time.sleep(0.5)
            message = missing_message(driver)
            check(f"{label} shows a message instead of the component",
                  message == MISSING_MESSAGE
                  and driver.execute_script("return document.querySelector('dwolla-micro-deposits-verify')") is None, message)
            errors = dropin_errors(driver)
            check(f"{label} fires dropin:error naming it",
                  [(e["target"], (e["detail"] or {}).get("missing"), (e["detail"] or {}).get("message")) for e in errors]
                  == [("p", ["fundingSourceId"], MISSING_MESSAGE)], errors)
    finally:
        driver.quit()
    check_unreachable_cdn(arguments)
    return summary()


if __name__ == "__main__":
    sys.exit(main())
