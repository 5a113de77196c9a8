#!/usr/bin/env python3
"""Documents for the differential test of dropin's HTML check against html5lib.

    python3 html5_differential.py SEED COUNT [MORE.jsonl] > cases.jsonl
    python3 html5_differential.py SEED COUNT --corpus FOLDER

Writes the hand-written cases of the W3C "Polyglot Markup" note and of HTML's tree construction
(CASES), then COUNT random documents (seeded), half of them whole pages and half snippets: random
nestings over HTML's elements, most children ones their parent may hold, some not, with text,
character references, comments and attributes that XML and HTML read differently. Every one is
well-formed XML. MORE.jsonl adds cases of one's own, a {"kind", "text"} object a line. One JSON
object a line out:

    {"kind": "document" | "fragment", "text": "...", "html5lib": true | false, "why": "..."}

With --corpus, it writes the cases instead as seeds for the fuzzer (Tests/Fuzz/corpus): each
text after an "H", which the fuzz target takes for HTML, in a file tree-NNNN.html.

"html5lib" is true when html5lib parses the text without a parse error into the tree Python's
XML parser builds (a snippet as the content of a <div>); "why" names the first difference. Two
differences are not counted, as no browser shows them: whitespace-only text directly in <html>
(HTML drops it before <head>), and whitespace at the end of <body> (HTML moves the whitespace
after </body> and </html> into it).
"""

import json
import random
import sys
import xml.dom.minidom

import html5lib

XHTML = "http://www.w3.org/1999/xhtml"
PAGE = ('<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/>'
        "<title>t</title>%s</head><body>%s</body></html>\n")

# (kind, head extra or None, body or the whole text)
CASES = [
    # The three examples.
    ("fragment", "<p>intro<div>block</div></p>"),
    ("fragment", "<table><tr><td>x</td></tr></table>"),
    ("fragment", '<a href="/a">one <a href="/b">two</a></a>'),
    # Elements that close an open <p>.
    *[("fragment", "<p>a<%s>b</%s></p>" % (name, name)) for name in
      "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header "
      "hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing form xmp".split()],
    ("fragment", "<p>a<table></table></p>"), ("fragment", "<p>a<hr/></p>"), ("fragment", "<p>a<li>b</li></p>"),
    ("fragment", "<p>a<button><div>b</div></button></p>"), ("fragment", "<p>a<span>b</span></p>"),
    # Tables.
    ("fragment", "<table><tbody><tr><td>x</td></tr></tbody></table>"),
    ("fragment", "<table><td>x</td></table>"), ("fragment", "<table><col/></table>"),
    ("fragment", "<table><colgroup><col/></colgroup><thead><tr><th>h</th></tr></thead></table>"),
    ("fragment", "<table><caption>c</caption><tbody><tr><td>x</td></tr></tbody></table>"),
    ("fragment", "<table>text<tbody><tr><td>x</td></tr></tbody></table>"),
    ("fragment", "<table><div>x</div></table>"), ("fragment", "<table><tbody><div>x</div></tbody></table>"),
    ("fragment", "<table><tbody><tr><div>x</div></tr></tbody></table>"),
    ("fragment", "<table><form></form></table>"), ("fragment", '<table><input type="hidden"/></table>'),
    ("fragment", "<table><tbody><tr><td><table><tbody><tr><td>x</td></tr></tbody></table></td></tr></tbody></table>"),
    ("fragment", "<table><caption><tr><td>x</td></tr></caption></table>"),
    ("fragment", "<table> <tbody> <tr> <td>x</td> </tr> </tbody> </table>"),
    ("fragment", "<table><script></script><tbody><tr><template></template><td>x</td></tr></tbody></table>"),
    ("fragment", "<td>x</td>"), ("fragment", "<tr><td>x</td></tr>"),
    # Select and options.
    ("fragment", "<select><option>a</option><optgroup><option>b</option></optgroup></select>"),
    ("fragment", "<select><hr/></select>"), ("fragment", "<select><div>a</div></select>"),
    ("fragment", "<select><option><span>a</span></option></select>"),
    ("fragment", "<select><option><option>a</option></option></select>"),
    ("fragment", "<select><optgroup><optgroup></optgroup></optgroup></select>"),
    ("fragment", "<select><select></select></select>"), ("fragment", "<select><input/></select>"),
    ("fragment", "<select><textarea></textarea></select>"), ("fragment", "<select>text</select>"),
    ("fragment", "<option><option>a</option></option>"), ("fragment", "<option><div>a</div></option>"),
    # Nesting that HTML undoes.
    ("fragment", "<ul><li>a<li>b</li></li></ul>"), ("fragment", "<ul><li>a<ul><li>b</li></ul></li></ul>"),
    ("fragment", "<ul><li><div><li>b</li></div></li></ul>"), ("fragment", "<ul><li><span><li>b</li></span></li></ul>"),
    ("fragment", "<dl><dt>a<dd>b</dd></dt></dl>"), ("fragment", "<dl><dd><dl><dt>a</dt></dl></dd></dl>"),
    ("fragment", "<h1>a<h2>b</h2></h1>"), ("fragment", "<h1><span><h2>b</h2></span></h1>"),
    ("fragment", "<button><button>b</button></button>"), ("fragment", "<form><form></form></form>"),
    ("fragment", "<form><template><form></form></template></form>"),
    ("fragment", "<nobr><nobr>a</nobr></nobr>"), ("fragment", "<a><table><tbody><tr><td><a>b</a></td></tr></tbody></table></a>"),
    ("fragment", "<a><div><a>b</a></div></a>"), ("fragment", "<a><object><a>b</a></object></a>"),
    ("fragment", "<ruby>a<rt>b</rt><rp>(</rp></ruby>"), ("fragment", "<ruby>a<span><rt>b</rt></span></ruby>"),
    ("fragment", "<ruby><rb>a</rb><rtc><rt>b</rt></rtc></ruby>"), ("fragment", "<ruby><rb><rb>a</rb></rb></ruby>"),
    ("fragment", "<ruby><rt><rtc>a</rtc></rt></ruby>"),
    ("fragment", "<b><b><b><b>x</b></b></b></b>"), ("fragment", "<b><p>x</p></b>"),
    # Raw text and escapable raw text.
    ("fragment", "<script>var a = 1;</script>"), ("fragment", "<script>if (a &amp;&amp; b) {}</script>"),
    ("fragment", "<script>a &lt; b</script>"), ("fragment", "<style>p { color: red }</style>"),
    ("fragment", "<style><!-- p {} --></style>"), ("fragment", "<script><b>x</b></script>"),
    ("fragment", "<textarea>a &amp; b</textarea>"), ("fragment", "<textarea><b>x</b></textarea>"),
    ("fragment", "<textarea><!--c--></textarea>"), ("fragment", "<title>a &amp; b</title>"),
    ("fragment", "<xmp>a &amp; b</xmp>"), ("fragment", "<iframe>x</iframe>"), ("fragment", "<iframe>a&amp;b</iframe>"),
    ("fragment", "<noembed>x</noembed>"), ("fragment", "<noframes>x</noframes>"),
    ("fragment", "<noscript>x</noscript>"), ("fragment", "<noscript><b>x</b></noscript>"),
    ("fragment", "<noscript>a &amp; b</noscript>"),
    # Line feeds HTML drops.
    ("fragment", "<pre>\nx</pre>"), ("fragment", "<pre>\n\nx</pre>"), ("fragment", "<pre>x\n</pre>"),
    ("fragment", "<pre>&#10;x</pre>"), ("fragment", "<textarea>\nx</textarea>"), ("fragment", "<listing>\nx</listing>"),
    ("fragment", "<pre><!--c-->\nx</pre>"), ("fragment", "<pre><b>\nx</b></pre>"),
    # Characters and attributes.
    ("fragment", "<p>&#128;</p>"), ("fragment", "<p>&#13;</p>"), ("fragment", "<p>&#x7f;</p>"),
    ("fragment", "<p>&#xfdd0;</p>"), ("fragment", "<p>&#x1fffe;</p>"), ("fragment", "<p>\u0085</p>"),
    ("fragment", '<p title="a\nb">x</p>'), ("fragment", '<p title="a&#10;b">x</p>'), ("fragment", '<p title="a\tb">x</p>'),
    ("fragment", '<p title="&#128;">x</p>'), ("fragment", '<p xml:lang="en" lang="en">x</p>'),
    ("fragment", '<p xmlns="http://www.w3.org/1999/xhtml">x</p>'),
    ("fragment", '<p xmlns:x="urn:x" x:y="1">x</p>'),
    # Comments.
    ("fragment", "<p><!--c--></p>"), ("fragment", "<p><!-->--></p>"), ("fragment", "<p><!--->x--></p>"),
    ("fragment", "<p><!--a<!-b--></p>"), ("fragment", "<p><!--a<!--></p>"),
    # Foreign content and obsolete elements.
    ("fragment", "<svg></svg>"), ("fragment", "<math></math>"), ("fragment", "<keygen></keygen>"),
    ("fragment", "<image></image>"), ("fragment", "<isindex></isindex>"), ("fragment", "<plaintext></plaintext>"),
    ("fragment", "<frameset></frameset>"), ("fragment", "<frame></frame>"), ("fragment", "<menuitem></menuitem>"),
    ("fragment", "<html></html>"), ("fragment", "<body></body>"), ("fragment", "<head></head>"),
    # Custom elements, as dropin writes them.
    ("fragment", '<dwolla-balance-display customerId="x"></dwolla-balance-display>'),
    ("fragment", '<dwolla-balance-display customerid="x"></dwolla-balance-display>'),
    ("fragment", "<p><dwolla-payin></dwolla-payin></p>"), ("fragment", "<ul><li><dwolla-x><li>b</li></dwolla-x></li></ul>"),
    # Found by an attack on the check: the Noah's Ark clause, comments' code points, tag names,
    # DOCTYPE spellings and subsets, a byte-order mark, html5lib's cells, namespaces, policy.
    ("fragment", '<b class="x"><b><b><b><b>y</b></b></b></b></b>'),
    ("fragment", '<i class="x"><i><i><i><i><span>y</span></i></i></i></i></i>'),
    ("fragment", '<b class="x"><object><b><b><b><b>y</b></b></b></b></object></b>'),
    ("fragment", "<!--\u0080-->"), ("fragment", "<!--\x7f-->"), ("fragment", "<!--\ufdd0-->"),
    ("fragment", "<_x></_x>"), ("fragment", "<\u00e9></\u00e9>"),
    ("fragment", "<table><tbody><tr><td><pre>\nx</pre></td></tr></tbody></table>"),
    ("fragment", "<table><caption><textarea>\nx</textarea></caption></table>"),
    ("fragment", '<p xmlns:x="urn:x">x</p>'), ("fragment", '<p xmlns="">x</p>'), ("fragment", '<p xmlns="urn:other">x</p>'),
    ("fragment", "<keygen/>"), ("fragment", "<basefont/>"), ("fragment", "<command/>"),
    ("fragment", '<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>'),
    ("fragment", '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>'),
    ("document", '<!DOCTYPE html []>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body></body></html>'),
    ("document", '<!DOCTYPE html [<!-- c -->]>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body></body></html>'),
    ("document", '<!DOCTYPE html SYSTEM "about:legacy-compat">\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body></body></html>'),
    ("document", '<!DOCTYPE HTML>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body></body></html>'),
    ("document", '\ufeff<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body></body></html>'),
    ("document", PAGE % ("", '<p xmlns="http://www.w3.org/1999/xhtml">x</p>')),
    # Found by a review: a declared encoding, nesting deeper than the check follows.
    ("document", '<?xml version="1.0" encoding="ISO-8859-1"?>\n' + PAGE % ("", "<p>" + "\u00e9" * 60 + "</p>")),
    ("fragment", "<div>" * 300 + "<p>a<div>b</div></p>" + "</div>" * 300),
    ("fragment", "<span>" * 301 + "</span>" * 301 + "<td>x</td>"),
    # Whole pages: head and body.
    ("document", PAGE % ("", "<p>x</p>")),
    ("document", PAGE % ('<link rel="stylesheet" href="a.css"/><script src="a.js"></script><style>p {}</style>', "x")),
    ("document", PAGE % ("<div>x</div>", "")), ("document", PAGE % ("text", "")),
    ("document", PAGE % ("<noscript></noscript>", "")), ("document", PAGE % ("<noscript>x</noscript>", "")),
    ("document", PAGE % ('<noscript><link rel="stylesheet" href="a.css"/></noscript>', "")),
    ("document", PAGE % ("<template><div>x</div></template>", "")),
    ("document", PAGE % ("", "<title>x</title><meta name=\"a\" content=\"b\"/>")),
    ("document", '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>'),
    ("document", '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head></html>'),
    ("document", '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>x<body></body></html>'),
    ("document", '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body></body><!--c--></html>'),
    ("document", '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">\n  <head>\n    <title>t</title>\n  </head>\n  <body>\n    <p>x</p>\n  </body>\n</html>\n'),
    ("document", '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body></body></html>'),
    ("document", '<!--c--><!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body></body></html>'),
]

# Element -> the children its content model allows, for the "plausible" draws.
FLOW = ("div p span a b i em strong code small ul ol dl h1 h2 h3 section article nav header footer main aside "
        "blockquote pre form button label input select textarea table img br hr script template noscript "
        "ruby details figure address fieldset nobr dwolla-balance-display dwolla-payin iframe object "
        "center menu dialog search xmp listing title style marquee").split()
PHRASING = "span a b i em strong code small button label input select textarea img br script ruby nobr dwolla-payin".split()
CHILDREN = {
    "p": PHRASING, "span": PHRASING, "a": PHRASING + ["div"], "b": PHRASING + ["p"], "i": PHRASING, "em": PHRASING,
    "strong": PHRASING, "code": PHRASING, "small": PHRASING, "label": PHRASING, "button": PHRASING,
    "h1": PHRASING, "h2": PHRASING, "h3": PHRASING, "pre": PHRASING, "nobr": PHRASING,
    "ul": ["li"], "ol": ["li"], "menu": ["li"], "li": FLOW + ["li"], "dl": ["dt", "dd", "div"], "dt": PHRASING + ["dd"],
    "dd": FLOW + ["dt"], "table": ["caption", "colgroup", "thead", "tbody", "tfoot", "tr", "script", "template"],
    "caption": PHRASING, "colgroup": ["col", "template"], "thead": ["tr"], "tbody": ["tr", "script"], "tfoot": ["tr"],
    "tr": ["td", "th", "template"], "td": FLOW, "th": PHRASING, "select": ["option", "optgroup", "hr", "script"],
    "optgroup": ["option"], "option": [], "textarea": [], "title": [], "script": [], "style": [], "xmp": [],
    "iframe": [], "noscript": PHRASING, "template": FLOW + ["tr", "td"], "ruby": ["rb", "rt", "rp", "rtc", "span"],
    "rtc": ["rt", "rp"], "rb": PHRASING, "rt": PHRASING + ["rb"], "rp": [], "details": ["summary"] + FLOW,
    "summary": PHRASING, "figure": ["figcaption"] + FLOW, "figcaption": PHRASING, "fieldset": ["legend"] + FLOW,
    "legend": PHRASING, "form": FLOW, "object": FLOW, "marquee": PHRASING, "dialog": FLOW, "search": FLOW,
}
VOID = set("area base br col embed hr img input link meta param source track wbr".split())
EVERY = sorted(set(FLOW) | set(CHILDREN) | {"li", "dt", "dd", "tr", "td", "th", "caption", "colgroup", "col", "thead",
                                             "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rp", "rtc", "legend",
                                             "keygen", "svg", "body", "meta", "link"})
TEXTS = ["x", "one two", " ", "\n", "a &amp; b", "1 &lt; 2", "&#10;x", "\nx", "\u00e9", "&#xa0;",
         "if (a &amp;&amp; b) {}", "\n\nx"]
# Characters HTML reports; rarer, so that they do not hide the other rules.
RARE_TEXTS = ["&#128;", "&#13;", "\u0085", "&#x7f;", "&#xfdd0;"]
COMMENTS = ["<!--c-->", "<!-- c -->", "<!--c-->", "<!-->-->", "<!--->x-->", "<!--a<!-b-->"]
ATTRIBUTES = ['class="c"', 'id="i"', 'title="a b"', 'title="a\nb"', 'title="a&#10;b"', 'lang="en"', 'xml:lang="en"',
              'data-x="&amp;"', 'hidden=""', 'type="hidden"', 'title="\t"', 'class="a b"', 'href="/x?a=1&amp;b=2"']


def element(rng, name, depth):
    chosen = {}
    for attribute in rng.sample(ATTRIBUTES, rng.choice([0, 0, 0, 1, 1, 2])):
        chosen.setdefault(attribute.split("=")[0], attribute)
    attributes = "".join(" " + attribute for attribute in chosen.values())
    if name in VOID:
        return "<%s%s/>" % (name, attributes)
    return "<%s%s>%s</%s>" % (name, attributes, content(rng, name, depth + 1), name)


def content(rng, parent, depth):
    allowed = CHILDREN.get(parent, FLOW)
    parts = []
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3]) if depth < 5 else rng.choice([0, 1])):
        draw = rng.random()
        if draw < 0.25 or depth >= 5:
            parts.append(rng.choice(RARE_TEXTS if rng.random() < 0.05 else TEXTS))
        elif draw < 0.3:
            parts.append(rng.choice(COMMENTS))
        elif draw < 0.85 and allowed:
            parts.append(element(rng, rng.choice(allowed), depth))
        else:
            parts.append(element(rng, rng.choice(EVERY), depth))
    return "".join(parts)


def random_case(rng):
    if rng.random() < 0.5:
        return "fragment", content(rng, "div", 0)
    head = "".join(rng.choice(['<meta name="a" content="b"/>', '<link rel="stylesheet" href="a.css"/>',
                               "<script src=\"a.js\"></script>", "<style>p {}</style>", "<noscript></noscript>",
                               "<div>x</div>", " ", "\n"]) for _ in range(rng.choice([0, 0, 1, 2])))
    return "document", PAGE % (head, content(rng, "body", 0))


# ---- The trees -------------------------------------------------------------------------------

def attribute_key(attribute):
    """An attribute's name, value and namespace; a namespace declaration is a plain attribute
    to HTML and a declaration to XML, which names its value the element's namespace."""
    namespace = attribute.namespaceURI
    if namespace == "http://www.w3.org/2000/xmlns/":
        namespace = None
    return (attribute.name, attribute.value or "", namespace or "")


def tree(node, expected_namespace):
    """A DOM node as nested tuples: elements with their namespace (when not the expected one),
    sorted attributes and children; texts merged; comments."""
    children = []
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            if children and children[-1][0] == "text":
                children[-1] = ("text", children[-1][1] + child.data)
            else:
                children.append(("text", child.data))
        elif child.nodeType == child.COMMENT_NODE:
            children.append(("comment", child.data))
        elif child.nodeType == child.ELEMENT_NODE:
            name = child.localName or child.tagName
            if child.namespaceURI != expected_namespace:
                name = "{%s}%s" % (child.namespaceURI, name)
            attributes = sorted(attribute_key(child.attributes.item(i)) for i in range(child.attributes.length))
            children.append(("element", name, tuple(attributes), tuple(tree(child, expected_namespace))))
    return children


def without_insignificant(nodes, parent=None):
    """Drops what no browser shows differently (see the module's docstring)."""
    result = []
    for node in nodes:
        if node[0] == "element":
            children = list(without_insignificant(node[3], node[1]))
            if node[1] == "body":
                while children and children[-1][0] == "text" and not children[-1][1].strip(" \t\n\f\r"):
                    children.pop()
                if children and children[-1][0] == "text":
                    children[-1] = ("text", children[-1][1].rstrip(" \t\n\f\r"))
            node = (node[0], node[1], node[2], tuple(children))
        elif node[0] == "text" and parent == "html" and not node[1].strip(" \t\n\f\r"):
            continue
        result.append(node)
    return result


def xml_bytes(kind, text):
    """What the XML parser reads: a snippet inside a root of its own, as the check reads it."""
    return (("<dropin-fragment>%s</dropin-fragment>" % text) if kind == "fragment" else text).encode()


def xml_tree(kind, text):
    document = xml.dom.minidom.parseString(xml_bytes(kind, text))
    if kind == "fragment":
        return without_insignificant(tree(document.documentElement, None))
    return without_insignificant([n for n in tree(document, XHTML) if n[0] != "comment"])


def html_tree(kind, text):
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("dom"), namespaceHTMLElements=False)
    if kind == "fragment":
        fragment = parser.parseFragment(text, container="div")
        return parser.errors, without_insignificant(tree(fragment, None))
    # A browser decodes a page's bytes, which drops a byte-order mark; html5lib, given text, keeps it.
    document = parser.parse(text[1:] if text.startswith("\ufeff") else text)
    return parser.errors, without_insignificant([n for n in tree(document, None) if n[0] != "comment"])


def first_difference(left, right, path="/"):
    for index, (a, b) in enumerate(zip(left, right)):
        if a == b:
            continue
        if a[0] == b[0] == "element" and a[1] == b[1]:
            if a[2] != b[2]:
                return "%s%s: attributes %r in XML, %r in HTML" % (path, a[1], a[2], b[2])
            return first_difference(a[3], b[3], "%s%s/" % (path, a[1]))
        return "%s[%d]: %r in XML, %r in HTML" % (path, index, a[:2], b[:2])
    if len(left) != len(right):
        return "%s: %d nodes in XML, %d in HTML" % (path, len(left), len(right))
    return None


def verdict(kind, text):
    expected = xml_tree(kind, text)
    errors, built = html_tree(kind, text)
    if errors:
        return False, "html5lib: " + ", ".join(error[1] for error in errors[:3])
    difference = first_difference(expected, built)
    if difference:
        return False, "another tree: " + difference
    return True, ""


def well_formed(kind, text):
    try:
        xml.dom.minidom.parseString(xml_bytes(kind, text))
        return True
    except Exception:
        return False


def main(argv):
    seed, count = int(argv[1]), int(argv[2])
    rng = random.Random(seed)
    given = list(CASES)
    if len(argv) > 3 and argv[3] != "--corpus":
        with open(argv[3], encoding="utf-8") as file:
            given += [(case["kind"], case["text"]) for case in map(json.loads, file) if case]
    cases = [case for case in given if well_formed(*case)]
    if len(cases) != len(given):
        print("a given case is not well-formed XML: %r" % [case for case in given if not well_formed(*case)][:3], file=sys.stderr)
        return 1
    while len(cases) < len(given) + count:
        case = random_case(rng)
        if well_formed(*case):  # the rest is libxml2's part of the check, judged elsewhere
            cases.append(case)
    if len(argv) > 3 and argv[3] == "--corpus":
        for index, (kind, text) in enumerate(cases):
            with open("%s/tree-%04d.html" % (argv[4], index), "w", encoding="utf-8") as file:
                file.write("H" + text)
        return 0
    for kind, text in cases:
        accepted, why = verdict(kind, text)
        print(json.dumps({"kind": kind, "text": text, "html5lib": accepted, "why": why}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
