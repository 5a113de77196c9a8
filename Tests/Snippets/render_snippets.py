#!/usr/bin/env python3
"""dropin's snippets rendered by the real template engines an app would use.

usage: render_snippets.py MANIFEST OUTPUT_FOLDER

OUTPUT_FOLDER is what `dropin build` wrote from MANIFEST (Tests/Snippets/dropin.yml: literal
attribute values that are template and HTML syntax). Every snippet under
OUTPUT_FOLDER/dropin/partials/LANG/, under the name its engine expects, is rendered by that
engine: Jinja2 (autoescape on), Mustache (chevron, else pystache) and Ruby's ERB, with each
parameter given a hostile value. html5lib then parses the result. A page's snippet must hold
exactly the manifest's components, each carrying exactly the manifest's literal values,
character for character (`{{7*7}}` stays `{{7*7}}`), and each parameter attribute exactly the
app's value as text, with no script, element or text beyond them. The head snippet must hold the
two scripts and, in `token.mode: function`, the CSRF meta tag with the app's token as text. EJS has no engine here (npm cannot be reached): its snippets are skipped with a note
and not counted.

Prints one line per check and "snippets: N passed, N failed"; exits 1 when a check failed and 2
when it cannot run (bad arguments, a missing engine: CI must not skip silently).
"""
import json
import os
import subprocess
import sys

try:
    import html5lib
    import yaml
except ImportError as missing:
    print(f"render_snippets.py: {missing.name} is missing: pip install html5lib pyyaml", file=sys.stderr)
    sys.exit(2)

ENGINES = ["mustache", "jinja", "erb"]
SKIPPED = {"ejs": "no EJS engine is installable here (the npm registry is unreachable)"}

results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    detail = " / ".join(str(detail).splitlines())
    print(("ok    " if condition else "FAIL  ") + name + ("" if condition else ": " + detail))


def fail_to_run(message):
    print(f"render_snippets.py: {message}", file=sys.stderr)
    sys.exit(2)


def hostile(name):
    """What the app gives parameter `name`: markup that breaks out of an attribute, and template syntax."""
    return f'"><script>x</script><img src=x onerror=alert(1)> {name} & \' {{{{7*7}}}} <%= 7*7 %> {{% if 1 %}}'


# --- The engines, each as an app would call it. ---

def mustache_renderer():
    try:
        import chevron

        return lambda text, context: chevron.render(text, context)
    except ImportError:
        pass
    try:
        import pystache

        return lambda text, context: pystache.render(text, context)
    except ImportError:
        fail_to_run("no Mustache engine: install chevron (or pystache), e.g. pip install chevron")


def jinja_renderer():
    try:
        import jinja2
    except ImportError:
        fail_to_run("no Jinja2: pip install Jinja2")
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return lambda text, context: environment.from_string(text).render(context)


# Plain ERB, as outside Rails: no `h`, no helpers; the snippets must work with ERB alone.
RUBY = """
require "erb"
require "json"
context = binding
JSON.parse(ENV.fetch("SNIPPET_PARAMS")).each { |name, value| context.local_variable_set(name, value) }
print ERB.new(File.read(ARGV[0], encoding: "UTF-8")).result(context)
"""


def erb_renderer():
    try:
        probe = subprocess.run(["ruby", "-rerb", "-e", "print ERB.new('<%= 6*7 %>').result"], capture_output=True, text=True)
    except FileNotFoundError:
        fail_to_run("no Ruby: apt-get install ruby")
    if probe.stdout != "42":
        fail_to_run(f"Ruby's ERB does not work: {probe.stderr.strip()}")

    def render(path, context):
        run = subprocess.run(["ruby", "-e", RUBY, path], capture_output=True, encoding="utf-8",
                             env={**os.environ, "SNIPPET_PARAMS": json.dumps(context)})
        if run.returncode != 0:
            raise RuntimeError(run.stderr.strip())
        return run.stdout

    return render


# --- What the manifest promises. ---

def literal_attributes(component):
    attributes = {}
    for name, value in (component.get("attributes") or {}).items():
        if isinstance(value, dict):
            continue
        if value is True:
            attributes[name.lower()] = "true"
        elif value is not False:
            attributes[name.lower()] = str(value)
    return attributes


def parameter_attributes(component):
    return {name.lower(): hostile(value["param"])
            for name, value in (component.get("attributes") or {}).items() if isinstance(value, dict)}


def parameters(manifest):
    return sorted({value["param"] for page in manifest["pages"] for component in page["components"]
                   for value in (component.get("attributes") or {}).values() if isinstance(value, dict)})


# --- What the engine made. ---

def parse(text):
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    root = parser.parseFragment(text)
    return root, [f"line {line} column {column}: {code} {data}" for (line, column), code, data in parser.errors]


def stray_text(root):
    """Non-blank text outside comments, anywhere in the fragment."""
    found = []
    if (root.text or "").strip():
        found.append(root.text.strip())
    for node in root.iter():
        if node is not root and (node.tail or "").strip():
            found.append(node.tail.strip())
        if node is not root and isinstance(node.tag, str) and (node.text or "").strip():
            found.append(node.text.strip())
    return found


def snippet_path(partials, language, name):
    """Where dropin writes the snippet `name` (a page's path without .html, or head)."""
    folder, _, file = name.rpartition("/")
    base = os.path.join(partials, language, folder)
    return os.path.join(base, {"mustache": f"{file}.mustache", "jinja": f"{file}.html.j2",
                               "erb": f"_{file}.html.erb", "ejs": f"{file}.ejs"}[language])


def check_head(label, text, manifest, csrf_token):
    root, errors = parse(text)
    check(f"{label}: html5lib finds no parse error", errors == [], errors)
    elements = [node for node in root.iter() if node is not root and isinstance(node.tag, str)]
    public = manifest.get("publicPath") or "/"
    wanted_scripts = [f"https://cdn.dwolla.com/v{manifest['dwollaWeb']}/dwolla-web.js",
                      public + ("" if public.endswith("/") else "/") + "dropin/configure.js"]
    scripts = [node for node in elements if node.tag == "script"]
    check(f"{label}: dwolla-web.js and configure.js, once each",
          [(node.get("src"), node.text or "") for node in scripts] == [(src, "") for src in wanted_scripts],
          [(node.get("src"), node.text) for node in scripts])
    token = manifest.get("token") or {}
    function_mode = token.get("mode") == "function"
    meta_name = ((token.get("csrf") or {}).get("meta")) or "csrf-token"
    metas = [node for node in elements if node.tag == "meta"]
    wanted_metas = [{"name": meta_name, "content": csrf_token}] if function_mode else []
    check(f"{label}: the CSRF meta tag carries the app's token as text" if function_mode else f"{label}: no meta tag",
          [dict(node.attrib) for node in metas] == wanted_metas, [dict(node.attrib) for node in metas])
    check(f"{label}: no element but the meta tag and the scripts",
          [node.tag for node in elements] == ["meta"] * len(wanted_metas) + ["script", "script"],
          [node.tag for node in elements])
    check(f"{label}: no stray text", stray_text(root) == [], stray_text(root))


def check_snippet(label, text, page):
    root, errors = parse(text)
    check(f"{label}: html5lib finds no parse error", errors == [], errors)
    elements = [node for node in root.iter() if node is not root and isinstance(node.tag, str)]
    components = page["components"]
    check(f"{label}: no element but the manifest's components (the head snippet brings the scripts)",
          [node.tag for node in elements] == [c["component"] for c in components],
          [node.tag for node in elements])
    check(f"{label}: no stray text", stray_text(root) == [], stray_text(root))
    placed = elements
    for index, component in enumerate(components):
        tag = component["component"]
        element = placed[index] if index < len(placed) and placed[index].tag == tag else None
        if element is None:
            check(f"{label}: {tag} is there", False, [node.tag for node in placed])
            continue
        given = dict(element.attrib)
        literals, params = literal_attributes(component), parameter_attributes(component)
        check(f"{label}: {tag} has exactly the manifest's literal values",
              {name: value for name, value in given.items() if name not in params} == literals,
              {name: (value, literals.get(name)) for name, value in given.items()
               if name not in params and literals.get(name) != value} or {"missing": sorted(set(literals) - set(given))})
        check(f"{label}: {tag}'s parameters are the app's values, as text",
              {name: value for name, value in given.items() if name in params} == params,
              {name: given.get(name) for name in params if given.get(name) != params[name]})


def main(arguments):
    if len(arguments) != 2:
        fail_to_run("usage: render_snippets.py MANIFEST OUTPUT_FOLDER")
    manifest_path, output = arguments  # output: the private folder, which holds the snippets
    try:
        with open(manifest_path, encoding="utf-8") as file:
            manifest = yaml.safe_load(file)
    except (OSError, yaml.YAMLError) as error:
        fail_to_run(f"cannot read {manifest_path}: {error}")
    partials = os.path.join(output, "dropin", "partials")
    if not os.path.isdir(partials):
        fail_to_run(f"no snippets in {output}: run dropin build --manifest {manifest_path} first")
    languages = manifest.get("partials") or ["mustache"]
    unknown = [language for language in languages if language not in ENGINES and language not in SKIPPED]
    if unknown:
        fail_to_run(f"no engine known for {', '.join(unknown)}")
    # Every engine the manifest needs, before anything runs: a missing one stops the run (exit 2).
    renderers = {}
    if "mustache" in languages:
        render = mustache_renderer()
        renderers["mustache"] = lambda path, context: render(read(path), context)
    if "jinja" in languages:
        render_jinja = jinja_renderer()
        renderers["jinja"] = lambda path, context: render_jinja(read(path), context)
    if "erb" in languages:
        renderers["erb"] = erb_renderer()

    context = {name: hostile(name) for name in parameters(manifest) + ["csrfToken"]}
    for language in languages:
        if language in SKIPPED:
            count = sum(len(files) for _, _, files in os.walk(os.path.join(partials, language)))
            print(f"skip  {language}: {SKIPPED[language]}; {count} snippets not rendered, not counted")
            continue
        text = rendered(renderers[language], snippet_path(partials, language, "head"), f"{language} head", context)
        if text is not None:
            check_head(f"{language} head", text, manifest, context["csrfToken"])
        for page in manifest["pages"]:
            label = f"{language} {page['path']}"
            text = rendered(renderers[language], snippet_path(partials, language, page["path"][:-len(".html")]), label,
                            context)
            if text is not None:
                check_snippet(label, text, page)
    passed, failed = results.count(True), results.count(False)
    print(f"snippets: {passed} passed, {failed} failed")
    return 1 if failed else 0


def rendered(render, path, label, context):
    """The snippet at `path` as the engine renders it; None (a failed check) when it cannot."""
    if not os.path.isfile(path):
        check(f"{label}: dropin wrote the snippet", False, f"no {path}")
        return None
    try:
        text = render(path, context)
    except Exception as error:  # noqa: BLE001 - any engine failure is a failed check
        check(f"{label}: the engine renders it", False, f"{type(error).__name__}: {error}")
        return None
    check(f"{label}: the engine renders it", True)
    return text


def read(path):
    with open(path, encoding="utf-8") as file:
        return file.read()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
