"""transform/analysis.py: base forms and compound parts, the same for both searches."""

from __future__ import annotations

import os

import pytest

from site_builder.search_text import analysed_block, search_keys, search_weights
from transform import analysis
from transform.analysis import index_forms, query_forms, whoosh_analyzer
from transform.search import is_search_result


def require_analysers() -> None:
    """Voikko and the Swedish dictionary; in CI their absence is a failure, not a skip."""
    missing = analysis.analysers_missing()
    if not missing:
        return
    message = "; ".join(missing) + " (apt-get install libvoikko1 voikko-fi hunspell-sv)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"search analysis cannot be tested in CI: {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture
def analysers():
    require_analysers()


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        (
            "tuloveroprosentiksi",
            {"tuloveroprosentti", "veroprosentti", "prosentti", "vero", "tulo"},
        ),
        ("asemakaavan", {"asemakaava", "asema", "kaava"}),
        ("talvikunnossapidon", {"talvikunnossapito", "kunnossapito"}),  # gradation d -> t
        ("kaupunginhallituksen", {"kaupunginhallitus", "hallitus", "kaupunki"}),
    ],
)
def test_finnish_word_is_indexed_with_base_form_and_compound_parts(analysers, word, expected):
    forms = index_forms(word, "fi")
    assert forms[0] == word
    assert expected <= set(forms)


def test_a_wrong_reading_with_derivations_is_left_out(analysers):
    # Voikko also reads asemakaava as ase + makaa + v + a.
    assert not {"ase", "makaava"} & set(index_forms("asemakaava", "fi"))


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("detaljplaneändringen", {"detaljplaneändring", "detaljplan", "ändring"}),
        ("inkomstskattesatsen", {"inkomstskattesats", "skattesats", "skatt", "inkomstskatt"}),
        ("simhallsbesök", {"simhall", "besök"}),
        ("skolnätsutredning", {"skolnät", "utredning"}),  # beyond Hunspell's compound rules
    ],
)
def test_swedish_word_is_indexed_with_base_form_and_compound_parts(analysers, word, expected):
    assert expected <= set(index_forms(word, "sv"))


def test_a_query_word_is_not_split_into_parts(analysers):
    """A query for päiväkoti must not find every record with päivä and koti."""
    assert query_forms("päiväkoti", "fi") == ["päiväkoti"]
    assert set(query_forms("tuloveroprosentiksi", "fi")) == {
        "tuloveroprosentiksi",
        "tuloveroprosentti",
    }
    assert "detaljplan" not in query_forms("detaljplaneändringen", "sv")


def test_identifiers_and_unknown_words_are_kept_as_written(analysers):
    assert index_forms("HML/903/10.02.03/2025", "fi") == ["hml/903/10.02.03/2025"]
    assert index_forms("2027", "sv") == ["2027"]
    assert index_forms("Xqzzv", "fi")[0] == "xqzzv"


def test_without_an_analyser_words_are_stemmed_and_the_build_says_so(monkeypatch, capsys):
    monkeypatch.setattr(analysis.FINNISH_ANALYSER, "_tool", None)
    monkeypatch.setattr(analysis.FINNISH_ANALYSER, "_problem", "Voikko (Finnish) is missing")
    analysis._analyse.cache_clear()
    try:
        assert index_forms("asemakaavan", "fi") == ["asemakaavan", "asemakaav"]
        assert analysis.warn_if_degraded() == ["Voikko (Finnish) is missing"]
        assert "WARNING: Voikko (Finnish) is missing" in capsys.readouterr().err
    finally:
        analysis._analyse.cache_clear()


def test_whoosh_analyzer_puts_forms_at_the_word_position(analysers):
    tokens = [
        (token.text, token.pos)
        for token in whoosh_analyzer("fi")("Asemakaavan muutos", positions=True)
    ]
    assert ("asemakaavan", 0) in tokens and ("kaava", 0) in tokens and ("muutos", 1) in tokens
    query = [token.text for token in whoosh_analyzer("fi")("asemakaavoja", mode="query")]
    assert query == ["asemakaavoja", "asemakaava"]


def test_browser_index_gets_word_groups_after_a_mark(analysers):
    block = analysed_block("Tuloveroprosentiksi vahvistetaan 8,80.", "fi")
    assert block.startswith("⁂ tuloveroprosentiksi tuloveroprosentti ")
    assert block.count("|") == len(block.split("|")) - 1  # every group closed
    assert analysed_block("", "fi") == ""


def test_keys_and_weights_rank_decisions_above_agenda_copies():
    action = {"register_id": "HML/903/10.02.03/2025", "article_number": "406"}
    assert search_keys(action, "Kaupunginhallitus") == (
        "HML/903/10.02.03/2025 § 406 Kaupunginhallitus 406 § Kaupunginhallitus"
    )
    minutes, agenda = search_weights(action, "minutes"), search_weights(action, "agenda")
    assert float(minutes["title"]) > float(agenda["title"]) > float(agenda["body"])
    organising = search_weights({"article_number": "1"}, "minutes")
    assert float(organising["title"]) < float(minutes["title"])


@pytest.mark.parametrize(
    ("action", "is_result"),
    [
        ({"meeting": "m", "article_number": "12"}, True),
        ({"meeting": "m", "article_number": None}, False),  # cover, signatures, appeal page
        ({"meeting": None, "article_number": None}, True),  # an officeholder decision
    ],
)
def test_unnumbered_meeting_pages_are_not_results(action, is_result):
    assert is_search_result(action) is is_result


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("kaava", {"kaavan", "kaavoja", "kaavoissa"}),
        ("lautakunta", {"lautakunnan", "lautakuntia", "lautakunnissa"}),  # gradation nt/nn
        ("urakka", {"urakan", "urakoita", "urakoissa"}),
    ],
)
def test_browser_index_gets_forms_in_the_other_stems(analysers, base, expected):
    """Pagefind only stems a query: kaavoja must meet a form stemmed like it."""
    assert expected <= set(analysis.finnish_inflections(base))
    assert analysis.finnish_inflections("xqzzva") == []  # nothing Voikko does not confirm


def test_browser_block_carries_the_inflected_forms(analysers):
    assert "kaavoja" in analysed_block("Asemakaavan muutos", "fi")
    assert "kaavoja" not in analysed_block("Detaljplanen", "sv")
