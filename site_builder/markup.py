"""Small pieces of markup every page repeats, as Python functions for the templates.

They were jinja2 macros; a macro call costs a template frame, and these run dozens of
times on every page, so they are plain functions. Every UI language has an environment of
its own (site_builder/renderer.py), so ``language_globals`` binds them to the language and
to the renderer's lookup tables when the environment is made: a ``pass_context`` function
called in a block or loop costs jinja2 a derived context on every call.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from site_builder import i18n
from site_builder.filters import (
    content_body,
    format_date,
    localized,
    localized_with_language,
    other_language,
    section_layout,
)
from transform.schema import Outcome


def lang_attr(code: str | None, language: str) -> Markup:
    """`` lang="sv"`` for content in another language than the page's UI, else nothing."""
    other = other_language(code, language)
    return Markup(f' lang="{other}"') if other else Markup("")


def in_language(text, code: str | None, language: str) -> Markup:
    """Text wrapped in ``<span lang>`` when its language differs from the UI's."""
    other = other_language(code, language)
    if other:
        return Markup(f'<span lang="{other}">') + escape(text) + Markup("</span>")
    return escape(text)


class LanguageMarkup:
    """The functions for one UI language; ``tables`` is the renderer's shared context
    (``municipality_by_id``, ``organization_by_id``, ``organization_names``), filled as
    municipalities are built."""

    def __init__(self, language: str, tables: dict):
        self.language = language
        self.tables = tables

    def lang_attr(self, code: str | None) -> Markup:
        return lang_attr(code, self.language)

    def in_language(self, text, code: str | None) -> Markup:
        return in_language(text, code, self.language)

    def organization_shown(self, organization: dict) -> Markup:
        """An organ's name in the UI language when it has one; a plain name is in the
        municipality's main language."""
        owner = self.tables["municipality_by_id"].get(organization["municipality"])
        main_language = (owner["languages"] or [None])[0] if owner else None
        text, code = localized_with_language(organization["name"], self.language, main_language)
        return in_language(text, code, self.language)

    def organization_name(self, organization_id: str | None) -> Markup:
        # Remembered for the build (the renderer's shared "organization_names"): the same
        # few organs are named on every page of a municipality.
        remembered = self.tables["organization_names"]
        key = (organization_id, self.language)
        if key not in remembered:
            organization = self.tables["organization_by_id"].get(organization_id)
            if not organization:  # not known (yet): not remembered either
                return Markup("")
            remembered[key] = self.organization_shown(organization)
        return remembered[key]

    # Were macros of _partials.html, called a dozen times per page; the same markup.
    def action_title(self, action: dict) -> Markup:
        if action["title"]:
            return escape(action["title"])
        _ = i18n.translator(self.language)
        return Markup(_("Untitled item"))

    def section_number(self, action: dict) -> Markup:
        number = action["article_number"]
        return Markup("§ ") + escape(number) if number else Markup("")

    def meeting_label(self, meeting: dict) -> Markup:
        when = meeting["number"] or format_date(meeting["start"], self.language)
        return self.organization_name(meeting["organization"]) + Markup(" ") + escape(when)

    def outcome(self, action: dict) -> Markup:
        outcome = action["outcome"]
        if not outcome or outcome == Outcome.UNKNOWN:
            return Markup("")
        label = i18n.enum_label(i18n.OUTCOME_LABELS, outcome)
        return Markup('<span class="outcome outcome-{}">{}</span>').format(
            outcome, i18n.translator(self.language)(label) if label else ""
        )

    def withdrawn_mark(self, record: dict) -> Markup:
        if not record["withdrawn_at"]:
            return Markup("")
        _ = i18n.translator(self.language)
        removed = _("removed by the source")
        return Markup(f' <span class="withdrawn">({removed})</span>')

    def content_sections(self, contents: list[dict], language, heading_level: int = 2) -> Markup:
        """The sections in the order written, except that the proposal is moved next to
        the decision it led to, side by side on wide screens (filters.section_layout)."""
        parts = []
        for group in section_layout(contents):
            sections = [self.content_section(content, language, heading_level) for content in group]
            if len(sections) == 2:
                parts.append(f'<div class="compare">\n{sections[0]}\n{sections[1]}\n</div>\n')
            else:
                parts.append(f"{sections[0]}\n")
        return Markup("".join(parts))

    def content_section(self, content: dict, language, heading_level: int = 2) -> Markup:
        """One labelled section of an action. Labels are the source's own; the appeal
        instructions, long and the same on every item, are folded (still found by the
        browser's find)."""
        kind, label = content["type"], content["label"]
        kind_label = self._content_type_label(kind)
        body_lang = self.lang_attr(language)
        body = f'<div class="content-body"{body_lang}>\n{content_body(content)}\n</div>'
        if kind == "appeal":
            heading = escape(label or kind_label)
            label_lang = self.lang_attr(language if label else None)
            return Markup(
                f'<details class="content content-appeal">\n<summary><h{heading_level}'
                f"{label_lang}>{heading}</h{heading_level}></summary>\n{body}\n</details>\n"
            )
        if label:
            heading = f"<h{heading_level}{body_lang}>{escape(label)}</h{heading_level}>"
        else:
            _ = i18n.translator(self.language)
            shown = escape(kind_label) if kind_label else _("Other")  # our own text: as is
            heading = f"<h{heading_level}>{shown}</h{heading_level}>"
        kind_line = ""
        if kind in ("proposal", "decision") and label and label.lower() != kind_label.lower():
            kind_line = f'<p class="content-kind">{escape(kind_label)}</p>\n'
        return Markup(
            f'<section class="content content-{escape(kind or "other")}">\n{heading}\n'
            f"{kind_line}{body}\n</section>\n"
        )

    def _content_type_label(self, kind: str | None) -> str:
        message_id = i18n.enum_label(i18n.CONTENT_TYPE_LABELS, kind)
        return i18n.translator(self.language)(message_id) if message_id else ""

    def plain_lead(self, item: dict) -> Markup:
        """One plain sentence for young readers, made only from the item's facts: who
        decided, where, when and how ("Sivistyslautakunta (Riihimäki) teki päätöksen
        12.11.2026: hyväksyttiin esityksen mukaisesti."). The page labels it as generated."""
        language = self.language
        _ = i18n.translator(language)
        town = self.tables["municipality_by_id"].get(item["municipality"])
        values = {
            "organ": self.organization_name(item["organization"]) or _("The municipality"),
            "town": localized(town["name"], language) if town else item["municipality"],
            "date": format_date(item["date"], language),
        }
        phrase = i18n.enum_label(i18n.OUTCOME_PHRASES, item.get("outcome"))
        if phrase is None or item.get("outcome") in (Outcome.DECIDED, Outcome.UNKNOWN):
            return (
                Markup(escape(_("%(organ)s (%(town)s) made this decision on %(date)s."))) % values
            )
        return Markup(
            escape(_("%(organ)s (%(town)s) made this decision on %(date)s: %(outcome)s."))
        ) % {**values, "outcome": _(phrase)}


def language_globals(language: str, tables: dict) -> dict:
    """The template globals of this module for one UI language's environment."""
    functions = LanguageMarkup(language, tables)
    return {
        "lang_attr": functions.lang_attr,
        "in_language": functions.in_language,
        "organization_shown": functions.organization_shown,
        "organization_name": functions.organization_name,
        "plain_lead": functions.plain_lead,
        "action_title": functions.action_title,
        "section_number": functions.section_number,
        "meeting_label": functions.meeting_label,
        "outcome": functions.outcome,
        "withdrawn_mark": functions.withdrawn_mark,
        "content_sections": functions.content_sections,
        "content_section": functions.content_section,
    }
