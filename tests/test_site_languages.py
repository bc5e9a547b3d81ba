"""The UI in three languages: gettext catalogues complete and consistent with the templates,
dates and numbers formatted per language, and the same page in each language."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import lxml.html
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from site_builder import i18n
from site_builder.filters import format_bytes, format_date, format_datetime, format_number
from tests.golden.build import build_golden_site
from tests.golden.checks import text_of
from transform.schema import Classification, ContentType, DocumentKind, Outcome

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# As in site_builder/locale/babel.cfg; each directory walked on its own (walking the
# project root would walk .venv and data/ too).
SOURCES = (
    ("site_builder", "**.py", "python", {}),
    ("templates", "**.html", "jinja2", {"trim_blocks": "True", "lstrip_blocks": "True"}),
)
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def _extracted_message_ids() -> set[str]:
    """What `pybabel extract -F site_builder/locale/babel.cfg` finds."""
    found = set()
    for directory, pattern, method, options in SOURCES:
        for _file, _line, message, _comments, _context in extract_from_dir(
            PROJECT_ROOT / directory,
            [(pattern, method)],
            options_map={pattern: options},
            keywords=KEYWORDS,
        ):
            found.add(message[0] if isinstance(message, tuple) else message)
    return found


@pytest.fixture(scope="module")
def extracted() -> set[str]:
    return _extracted_message_ids()


def _catalogue(language: str):
    with i18n.catalogue_path(language).open("rb") as stream:
        return read_po(stream, locale=i18n.BABEL_LOCALES[language])


@pytest.mark.parametrize("language", i18n.UI_LANGUAGES)
def test_catalogue_translates_exactly_what_the_code_says(extracted, language):
    catalogue = _catalogue(language)
    ids = {
        message.id[0] if isinstance(message.id, tuple) else message.id
        for message in catalogue
        if message.id
    }
    assert extracted - ids == set(), "untranslated: run pybabel extract + update (README)"
    assert ids - extracted == set(), "stale entries: run pybabel update (README)"
    untranslated = [
        message.id
        for message in catalogue
        if message.id
        and (
            message.fuzzy
            or not all(message.string if isinstance(message.string, tuple) else [message.string])
        )
    ]
    assert untranslated == []


@pytest.mark.parametrize("language", i18n.UI_LANGUAGES)
def test_translations_keep_their_placeholders(language):
    """Babel's own checks: every %(name)s of the id is in the translation, and no other."""
    problems = [
        (message.id, [str(error) for error in errors])
        for message, errors in _catalogue(language).check()
    ]
    assert problems == []


def test_the_template_of_the_catalogues_is_up_to_date(extracted):
    with (i18n.LOCALE_DIR / "messages.pot").open("rb") as stream:
        template = read_po(stream)
    ids = {m.id[0] if isinstance(m.id, tuple) else m.id for m in template if m.id}
    assert ids == extracted


def test_every_enum_value_has_a_label_in_every_catalogue():
    tables = (
        i18n.OUTCOME_LABELS,
        i18n.CONTENT_TYPE_LABELS,
        i18n.DOCUMENT_KIND_LABELS,
        i18n.CLASSIFICATION_LABELS,
    )
    for table, enum in zip(
        tables, (Outcome, ContentType, DocumentKind, Classification), strict=True
    ):
        assert set(table) == set(enum)
        for language in i18n.UI_LANGUAGES:
            for label in table.values():
                assert i18n.translator(language)(label)


def test_translator_fails_loudly_on_a_missing_string():
    with pytest.raises(i18n.MissingMessageError):
        i18n.translator("fi")("No such message")


def test_plurals_follow_the_language():
    catalogue = i18n.catalogue("fi")
    assert catalogue.ngettext("%(num)s meeting", "%(num)s meetings", 1) == "1 kokous"
    assert catalogue.ngettext("%(num)s meeting", "%(num)s meetings", 3) == "3 kokousta"
    assert i18n.catalogue("sv").ngettext("%(num)s meeting", "%(num)s meetings", 2) == (
        "2 sammanträden"
    )


@pytest.mark.parametrize(
    "language, day, moment",
    [
        ("fi", "20.3.2017", "20.3.2017 klo 16.00"),
        ("sv", "20 mars 2017", "20 mars 2017 kl. 16.00"),
        ("en", "20 Mar 2017", "20 Mar 2017 at 16:00"),
    ],
)
def test_dates_are_formatted_the_languages_way(language, day, moment):
    assert format_date("2017-03-20", language) == day
    assert format_date(date(2017, 3, 20), language) == day
    assert format_datetime("2017-03-20T16:00:00+02:00", language) == moment
    # Timestamps are shown in Helsinki time: midnight has passed there.
    assert format_date("2017-03-19T22:30:00+00:00", language) == day


@pytest.mark.parametrize(
    "language, number, size",
    [
        ("fi", "12\xa0345", "1,5 Mt"),
        ("sv", "12\xa0345", "1,5 MB"),
        ("en", "12,345", "1.5 MB"),
    ],
)
def test_numbers_and_sizes_are_formatted_the_languages_way(language, number, size):
    assert format_number(12345, language) == number
    assert format_bytes(1_534_567, language) == size


def test_language_names_are_autonyms():
    assert [i18n.language_name(code) for code in i18n.UI_LANGUAGES] == [
        "suomi",
        "svenska",
        "English",
    ]


@pytest.fixture(scope="module")
def golden(tmp_path_factory) -> Path:
    out_dir = tmp_path_factory.mktemp("golden")
    build_golden_site(out_dir)
    return out_dir


def _page(golden: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((golden / path).read_bytes())


@pytest.mark.parametrize(
    "language, home, title",
    [
        ("fi", "Etusivu", "Kuntien päätökset yhdessä avoimessa arkistossa – Avoin"),
        ("sv", "Startsida", "Kommunernas beslut i ett öppet arkiv – Avoin"),
        ("en", "Home", "Municipal decisions in one open archive – Avoin"),
    ],
)
def test_each_language_tree_speaks_its_language(golden, language, home, title):
    page = _page(golden, f"{language}/index.html")
    assert page.get("lang") == language
    assert page.findtext(".//title") == title
    assert text_of(page.cssselect(".site-nav a")[0]) == home
    current = page.cssselect(".language-switch [aria-current]")
    assert text_of(current[0]) == i18n.language_name(language)


def test_content_stays_in_its_own_language_whatever_the_ui(golden):
    for language in i18n.UI_LANGUAGES:
        page = _page(golden, f"{language}/kristinestad/action/900/index.html")
        headings = [text_of(h) for h in page.cssselect("section.content h2")]
        assert headings == ["Beslutsförslag", "Beslut"]
        expected_lang = None if language == "sv" else "sv"
        assert page.cssselect("h1")[0].get("lang") == expected_lang


def test_municipality_names_follow_the_ui_language(golden):
    names = {
        language: text_of(
            _page(golden, f"{language}/kristinestad/index.html").cssselect(
                "nav.breadcrumbs [aria-current]"
            )[0]
        )
        for language in i18n.UI_LANGUAGES
    }
    # English uses the municipality's main language, as English texts about Finland do.
    assert names == {"fi": "Kristiinankaupunki", "sv": "Kristinestad", "en": "Kristinestad"}


def test_dates_on_pages_follow_the_ui_language(golden):
    dates = {
        language: text_of(
            _page(golden, f"{language}/vaasa/action/123/index.html").cssselect("time")[0]
        )
        for language in i18n.UI_LANGUAGES
    }
    assert dates == {"fi": "20.3.2017", "sv": "20 mars 2017", "en": "20 Mar 2017"}


def test_no_page_mixes_in_another_ui_language(golden):
    """A Swedish page says none of the Finnish UI strings (content aside)."""
    finnish_only = {
        i18n.translator("fi")(message)
        for message in ("Home", "Latest decisions", "Skip to content", "Main menu", "Breadcrumbs")
    }
    for path in (golden / "sv").rglob("*.html"):
        text = re.sub(r"\s+", " ", lxml.html.fromstring(path.read_bytes()).text_content())
        assert not [word for word in finnish_only if word in text], path


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:2])


def test_babel_is_the_one_on_the_path():
    """scripts/test.sh builds the golden site again under the oldest Babel that setup.cfg
    allows, with AVOIN_EXPECTED_BABEL set: this proves that run really used it."""
    import os
    import re

    import babel

    setup_cfg = (PROJECT_ROOT / "setup.cfg").read_text(encoding="utf-8")
    lowest, below = re.search(r"Babel>=([\d.]+),<([\d.]+)", setup_cfg).groups()
    assert _version(lowest) <= _version(babel.__version__) < _version(below)
    expected = os.environ.get("AVOIN_EXPECTED_BABEL")
    if expected:
        assert _version(babel.__version__) == _version(expected)
