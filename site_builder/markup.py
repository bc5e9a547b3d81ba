"""Small pieces of markup every page repeats, as Python functions for the templates.

They were jinja2 macros; a macro call costs a template frame, and these run dozens of
times on every page, so they are plain functions (``pass_context`` gives them the page's
UI language and the lookup tables).
"""

from __future__ import annotations

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from site_builder import i18n
from site_builder.filters import format_date, localized, localized_with_language, other_language
from transform.schema import Outcome


@pass_context
def lang_attr(context: Context, code: str | None) -> Markup:
    """`` lang="sv"`` for content in another language than the page's UI, else nothing."""
    other = other_language(code, context["ui_lang"])
    return Markup(f' lang="{other}"') if other else Markup("")


@pass_context
def in_language(context: Context, text, code: str | None) -> Markup:
    """Text wrapped in ``<span lang>`` when its language differs from the UI's."""
    other = other_language(code, context["ui_lang"])
    if other:
        return Markup(f'<span lang="{other}">') + escape(text) + Markup("</span>")
    return escape(text)


@pass_context
def organization_shown(context: Context, organization: dict) -> Markup:
    """An organ's name in the UI language when it has one; a plain name is in the
    municipality's main language."""
    owner = context["municipality_by_id"].get(organization["municipality"])
    main_language = (owner["languages"] or [None])[0] if owner else None
    text, code = localized_with_language(organization["name"], context["ui_lang"], main_language)
    return in_language(context, text, code)


@pass_context
def organization_name(context: Context, organization_id: str | None) -> Markup:
    # Remembered for the build (the renderer's shared "organization_names"): the same few
    # organs are named on every page of a municipality.
    remembered = context["organization_names"]
    key = (organization_id, context["ui_lang"])
    if key not in remembered:
        organization = context["organization_by_id"].get(organization_id)
        if not organization:  # not known (yet): not remembered either
            return Markup("")
        remembered[key] = organization_shown(context, organization)
    return remembered[key]


@pass_context
def plain_lead(context: Context, item: dict) -> Markup:
    """One plain sentence for young readers, made only from the item's facts: who decided,
    where, when and how ("Sivistyslautakunta (Riihimäki) teki päätöksen 12.11.2026:
    hyväksyttiin esityksen mukaisesti."). The page labels it as generated."""
    language = context["ui_lang"]
    _ = i18n.translator(language)
    town = context["municipality_by_id"].get(item["municipality"])
    values = {
        "organ": organization_name(context, item["organization"]) or _("The municipality"),
        "town": localized(town["name"], language) if town else item["municipality"],
        "date": format_date(item["date"], language),
    }
    phrase = i18n.enum_label(i18n.OUTCOME_PHRASES, item.get("outcome"))
    if phrase is None or item.get("outcome") in (Outcome.DECIDED, Outcome.UNKNOWN):
        return Markup(escape(_("%(organ)s (%(town)s) made this decision on %(date)s."))) % values
    return Markup(
        escape(_("%(organ)s (%(town)s) made this decision on %(date)s: %(outcome)s."))
    ) % {**values, "outcome": _(phrase)}


TEMPLATE_GLOBALS = {
    "lang_attr": lang_attr,
    "in_language": in_language,
    "organization_shown": organization_shown,
    "organization_name": organization_name,
    "plain_lead": plain_lead,
}
