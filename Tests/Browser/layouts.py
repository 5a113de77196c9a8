#!/usr/bin/env python3
"""dropin's snippets composed into an app's layout by each real engine, in headless Chromium.

usage: layouts.py --site URL --public DIR --private DIR --customer ID

The public DIR is the folder `dropin serve` serves at URL, built from the repository's dropin.yml;
the private DIR holds the snippets the engines include.
One dashboard layout, holding the head snippet once and two page snippets (the balance and the
micro-deposit check), is rendered by a small Flask app (Jinja2), by chevron (Mustache partials
looked up by name) and by Ruby's ERB (partials found as Rails finds them, `_name.html.erb`),
with the app's values for the parameters, and written to layouts/ in the public folder. Each is then loaded
from serve in Chromium, with the dwolla-web.js double of e2e.py: dwolla-web.js must load once,
both elements must reach the page with the app's values, and each must get a token from
serve's route for every one of its actions, with no console error. Prints one line per check
and "N passed, N failed"; exits 1 when a check failed and 2 when it cannot run.
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import e2e  # noqa: E402 - the browser, the double and the checks are e2e.py's

FUNDING_SOURCE = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
PAGES = ["banking/balance", "banking/verify-bank"]
COMPONENTS = [
    {"component": "dwolla-balance-display", "attributes": {"customerId": {"param": "customerId"}, "hideZeroBalance": True}},
    {"component": "dwolla-micro-deposits-verify",
     "attributes": {"customerId": {"param": "customerId"}, "fundingSourceId": {"param": "fundingSourceId"}}},
]

JINJA_LAYOUT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Dashboard</title>
{% include "dropin/partials/jinja/head.html.j2" %}
</head><body><h1>Dashboard</h1>
{% include "dropin/partials/jinja/banking/balance.html.j2" %}
{% include "dropin/partials/jinja/banking/verify-bank.html.j2" %}
</body></html>
"""

MUSTACHE_LAYOUT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Dashboard</title>
{{> dropin/partials/mustache/head}}
</head><body><h1>Dashboard</h1>
{{> dropin/partials/mustache/banking/balance}}
{{> dropin/partials/mustache/banking/verify-bank}}
</body></html>
"""

# `render` finds a partial by name as Rails does (dropin/partials/erb/banking/_balance.html.erb);
# the partials see the layout's variables, as Rails' locals.
ERB_LAYOUT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Dashboard</title>
<%= render "dropin/partials/erb/head" %>
</head><body><h1>Dashboard</h1>
<%= render "dropin/partials/erb/banking/balance" %>
<%= render "dropin/partials/erb/banking/verify-bank" %>
</body></html>
"""

RUBY = """
require "erb"
require "json"
$root = ARGV[0]
$context = binding
JSON.parse(ENV.fetch("LAYOUT_VALUES")).each { |name, value| $context.local_variable_set(name, value) }
# Each partial writes to a buffer of its own, as in Rails: sharing the layout's would clear it.
def render(name)
  folder, _, file = name.rpartition("/")
  $partials = ($partials || 0) + 1
  text = File.read(File.join($root, folder, "_#{file}.html.erb"), encoding: "UTF-8")
  ERB.new(text, eoutvar: "_partial#{$partials}").result($context)
end
print ERB.new(STDIN.read).result($context)
"""


def fail_to_run(message):
    print(f"layouts.py: {message}", file=sys.stderr)
    sys.exit(2)


def render_jinja(snippets, values):
    try:
        import flask
        import jinja2
    except ImportError as missing:
        fail_to_run(f"{missing.name} is missing: pip install Flask")
    app = flask.Flask(__name__, template_folder=snippets)
    app.jinja_loader = jinja2.ChoiceLoader([jinja2.DictLoader({"dashboard.html": JINJA_LAYOUT}),
                                            jinja2.FileSystemLoader(snippets)])
    app.add_url_rule("/dashboard", "dashboard", lambda: flask.render_template("dashboard.html", **values))
    response = app.test_client().get("/dashboard")
    if response.status_code != 200:
        raise RuntimeError(f"Flask answered {response.status_code}")
    return response.get_data(as_text=True)


def render_mustache(snippets, values):
    try:
        import chevron
    except ImportError:
        fail_to_run("chevron is missing: pip install chevron")
    return chevron.render(MUSTACHE_LAYOUT, values, partials_path=snippets, partials_ext="mustache")


def render_erb(snippets, values):
    run = subprocess.run(["ruby", "-e", RUBY, snippets], input=ERB_LAYOUT, capture_output=True, encoding="utf-8",
                         env={**os.environ, "LAYOUT_VALUES": json.dumps(values)})
    if run.returncode != 0:
        raise RuntimeError(run.stderr.strip())
    return run.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True)
    parser.add_argument("--public", required=True)
    parser.add_argument("--private", required=True)
    parser.add_argument("--customer", required=True, help="the customer serve was given (--customer-id)")
    arguments = parser.parse_args()
    values = {"customerId": arguments.customer, "fundingSourceId": FUNDING_SOURCE}
    folder = os.path.join(arguments.public, "layouts")
    os.makedirs(folder, exist_ok=True)
    layouts = []
    for engine, render in [("jinja", render_jinja), ("mustache", render_mustache), ("erb", render_erb)]:
        try:
            text = render(arguments.private, values)
        except Exception as error:  # noqa: BLE001 - any engine failure is a failed check
            e2e.check(f"{engine}: the layout renders", False, f"{type(error).__name__}: {error}")
            continue
        e2e.check(f"{engine}: the layout renders", True)
        with open(os.path.join(folder, f"{engine}.html"), "w", encoding="utf-8") as file:
            file.write(text)
        layouts.append(engine)

    driver = e2e.browser(e2e.start_double())
    try:
        for engine in layouts:
            driver.get_log("browser")
            state = e2e.visit(driver, f"{arguments.site}/layouts/{engine}.html", len(COMPONENTS))
            problems = e2e.console_problems(driver)
            e2e.check(f"{engine}: no console error and no CSP violation", problems == [], problems)
            loads = driver.execute_script(
                "return performance.getEntriesByType('resource').filter(function (entry) {"
                "  return /\\/dwolla-web\\.js$/.test(entry.name); }).length")
            tags = driver.execute_script("return document.querySelectorAll('script[src$=\"/dwolla-web.js\"]').length")
            e2e.check(f"{engine}: dwolla-web.js is loaded once", loads == 1 and tags == 1, {"loads": loads, "tags": tags})
            if state is None:
                e2e.check(f"{engine}: the double loaded", False, "window.__double is missing")
                continue
            elements = state["elements"]
            e2e.check(f"{engine}: both components reached the page",
                      [element["tag"] for element in elements] == [c["component"] for c in COMPONENTS],
                      [element["tag"] for element in elements])
            for element, component in zip(elements, COMPONENTS):
                tag = component["component"]
                e2e.check(f"{engine}: {tag} got the app's values",
                          element["attributes"] == e2e.expected_attributes(component, values), element["attributes"])
                e2e.check(f"{engine}: {tag} got a token from serve for each of its actions",
                          sorted(element["tokens"]) == e2e.expected_actions(component) and not element["failures"],
                          {"tokens": sorted(element["tokens"]), "failures": element["failures"]})
    finally:
        driver.quit()
    return e2e.summary()


if __name__ == "__main__":
    sys.exit(main())
