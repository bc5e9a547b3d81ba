"""Page checks shared by the site tests: a strict HTML5 structure checker and helpers."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import lxml.html

VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
KNOWN_ELEMENTS = VOID_ELEMENTS | frozenset(
    {
        "html",
        "head",
        "title",
        "body",
        "header",
        "nav",
        "main",
        "footer",
        "article",
        "section",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "a",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "span",
        "div",
        "strong",
        "em",
        "b",
        "i",
        "table",
        "thead",
        "tbody",
        "tr",
        "td",
        "th",
        "details",
        "summary",
        "caption",
        "code",
        "time",
        "form",
        "label",
        "button",
        "script",
        # the search page's (templates/search.html)
        "noscript",
        "fieldset",
        "legend",
        "select",
        "optgroup",
        "option",
    }
)
# Attributes whose value must be one of a few words; anything else is a template slip.
ENUMERATED_ATTRIBUTES = {
    "dir": {"ltr", "rtl", "auto"},
    "aria-current": {"page", "true", "step", "location", "date", "time"},
    "method": {"get", "post"},
}
LANGUAGE_ATTRIBUTE_VALUES = {"fi", "sv", "en"}


class StrictStructureChecker(HTMLParser):
    """HTML5 well-formedness as we write it: doctype first, every element known and closed
    explicitly in order, no duplicate attribute or id, enumerated attributes with allowed
    values, ``lang`` only with languages we publish. Stricter than browsers need, which is
    the point: it catches template slips that lenient parsers would quietly repair."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.open_elements: list[str] = []
        self.ids: set[str] = set()
        self.saw_doctype = False
        self.saw_content = False

    def handle_decl(self, decl):
        if decl.lower() != "doctype html" or self.saw_content:
            self.problems.append(f"bad or late doctype {decl!r}")
        self.saw_doctype = True

    def handle_starttag(self, tag, attrs):
        self._content_starts()
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            self.problems.append(f"duplicate attribute in <{tag}>")
        if tag not in KNOWN_ELEMENTS:
            self.problems.append(f"unknown element <{tag}>")
        for name, value in attrs:
            self._check_attribute(tag, name, value)
        if tag not in VOID_ELEMENTS:
            self.open_elements.append(tag)

    def _check_attribute(self, tag, name, value):
        if name == "id":
            if not value or any(char.isspace() for char in value):
                self.problems.append(f"bad id {value!r}")
            if value in self.ids:
                self.problems.append(f"duplicate id {value!r}")
            self.ids.add(value)
        if name in ENUMERATED_ATTRIBUTES and value not in ENUMERATED_ATTRIBUTES[name]:
            self.problems.append(f"<{tag} {name}={value!r}>")
        if name in ("lang", "hreflang") and value not in LANGUAGE_ATTRIBUTE_VALUES:
            self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_startendtag(self, tag, attrs):
        self.problems.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag):
        if not self.open_elements or self.open_elements[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open_elements[-1:]}")
        else:
            self.open_elements.pop()

    def handle_data(self, data):
        if data.strip():
            self._content_starts()

    def _content_starts(self):
        if not self.saw_doctype:
            self.problems.append("content before the doctype")
        self.saw_content = True


def structure_problems(html: str) -> list[str]:
    checker = StrictStructureChecker()
    checker.feed(html)
    checker.close()
    return checker.problems + [f"unclosed <{tag}>" for tag in checker.open_elements]


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def parse(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def text_of(element) -> str:
    return " ".join(element.text_content().split())
