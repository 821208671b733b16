"""What "inert" means for a page or a feed: nothing in it can run script in a browser.

`html_problems()` parses HTML the way a browser tokenises it (html.parser enters the same raw-text
mode inside <script>), so a `</script>` that broke out of the JSON-LD block shows up as a second,
inline script. Allowed scripts: external ones (`src`, empty body) and data blocks
(`application/ld+json`, `application/json`) whose body is valid JSON.

`feed_problems()` checks what feed readers render as HTML: RSS descriptions and Atom elements
typed "html", once the XML has been decoded.
"""

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "</script><script>alert(1)</script>",
]
# Payloads that are markup: found as they are in a page's source, they are live.
MARKUP_PAYLOADS = [payload for payload in PAYLOADS if payload.startswith("<")]

DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "xlink:href", "srcset"}
ACTIVE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
# Browsers ignore ASCII whitespace and control characters in a URL's scheme ("java\tscript:").
IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]+")

ATOM = "{http://www.w3.org/2005/Atom}"


def is_active_url(value):
    return IGNORED_IN_SCHEME.sub("", value or "").lower().startswith(ACTIVE_SCHEMES)


class Inspector(HTMLParser):
    """Collects every construct of a document that a browser would run."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.script = None
        self.script_text = []
        self.data_blocks = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag}> has an event handler: {name}={value!r}")
            if name in URL_ATTRIBUTES and is_active_url(value):
                self.problems.append(f"<{tag}> has an active URL: {name}={value!r}")
        refresh = (attributes.get("http-equiv") or "").lower() == "refresh"
        if tag == "meta" and refresh and "javascript" in (attributes.get("content") or "").lower():
            self.problems.append(f"<meta> refreshes to script: {attributes['content']!r}")
        if tag in {"iframe", "object", "embed", "base"}:
            self.problems.append(f"<{tag}> element: {attributes!r}")
        if tag == "script":
            self.script, self.script_text = attributes, []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self.script is not None:
            self.script_text.append(data)

    def handle_endtag(self, tag):
        if tag != "script" or self.script is None:
            return
        attributes, text = self.script, "".join(self.script_text)
        self.script = None
        kind = (attributes.get("type") or "").lower()
        if kind in DATA_SCRIPT_TYPES:
            try:
                self.data_blocks.append(json.loads(text))
            except ValueError:
                self.problems.append(f"data block is not valid JSON: {text[:120]!r}")
        elif text.strip():
            self.problems.append(f"inline script: {text[:120]!r}")
        elif not attributes.get("src"):
            self.problems.append(f"script without source: {attributes!r}")

    def close(self):
        super().close()
        if self.script is not None:
            self.problems.append("unclosed <script>: the rest of the page is script")


def inspect_html(text):
    inspector = Inspector()
    inspector.feed(text)
    inspector.close()
    return inspector


def html_problems(text):
    """Every construct of `text` (an HTML page or fragment) that could run script."""
    problems = inspect_html(text).problems
    problems += [f"unescaped {payload!r}" for payload in MARKUP_PAYLOADS if payload in text]
    return problems


def json_ld_blocks(text):
    """The JSON-LD blocks of a page, decoded."""
    return inspect_html(text).data_blocks


def feed_problems(text):
    """What a feed reader would run: HTML fields of RSS and Atom, and links."""
    root = ET.fromstring(text.encode() if isinstance(text, str) else text)
    problems = []
    for element in root.iter():
        name = element.tag.removeprefix(ATOM)
        html = (name == "description" and not element.tag.startswith(ATOM)) or (
            element.tag.startswith(ATOM) and element.get("type") == "html"
        )
        if html:
            problems += [f"<{name}>: {p}" for p in html_problems(element.text or "")]
        for attribute in ("href", "src"):
            if is_active_url(element.get(attribute)):
                problems.append(f"<{name}> has an active URL: {element.get(attribute)!r}")
        if name == "link" and is_active_url(element.text):
            problems.append(f"<link> is an active URL: {element.text!r}")
    return problems
