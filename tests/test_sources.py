"""data/sources.toml: the five municipalities, and clear errors for a bad file."""

import re

import pytest

from harvest.sources import DEFAULT_SOURCES, SourcesError, load_sources

EXPECTED = {
    "hameenlinna": ("109", "ktweb"),
    "vaasa": ("905", "ktweb"),
    "kristinestad": ("287", "ktweb"),
    "riihimaki": ("694", "dynasty"),
    "pedersore": ("599", "dynasty"),
}


def test_the_five_municipalities_are_configured():
    sources = load_sources(DEFAULT_SOURCES)
    assert {s.id: (s.code, s.platform) for s in sources.municipalities} == EXPECTED


@pytest.mark.parametrize("municipality", ["kristinestad", "riihimaki", "pedersore"])
def test_unconfirmed_values_are_marked(municipality):
    source = load_sources().get(municipality)
    assert "base_url" in source.unconfirmed
    assert source.base_url == ""  # never an invented URL
    assert not source.harvestable


def test_user_agent_carries_the_contact_address():
    sources = load_sources()
    assert sources.contact in sources.user_agent


def test_swedish_majority_towns_list_swedish_first():
    sources = load_sources()
    assert sources.get("kristinestad").languages[0] == "sv"
    assert sources.get("pedersore").languages[0] == "sv"
    assert sources.get("vaasa").languages == ("fi", "sv")


def _broken(tmp_path, old, new):
    text = DEFAULT_SOURCES.read_text(encoding="utf-8").replace(old, new, 1)
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(path, needle):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_bad_platform_names_line_and_field(tmp_path):
    path = _broken(tmp_path, 'platform = "ktweb"', 'platform = "sharepoint"')
    with pytest.raises(SourcesError) as error:
        load_sources(path)
    message = str(error.value)
    assert f"line {_line_of(path, 'sharepoint')}" in message
    assert "'platform'" in message


def test_missing_field_names_the_block(tmp_path):
    path = _broken(tmp_path, 'code = "905"\n', "")
    with pytest.raises(SourcesError, match=r"municipality #2.*'code'.*missing"):
        load_sources(path)


def test_toml_syntax_error_names_the_line(tmp_path):
    path = _broken(tmp_path, 'id = "vaasa"', 'id = "vaasa')
    with pytest.raises(SourcesError, match=re.escape(str(path)) + r".*line \d+"):
        load_sources(path)


def test_invented_relative_url_is_refused(tmp_path):
    path = _broken(tmp_path, 'base_url = "https://tweb.vaasa.fi/ktwebscr/"',
                   'base_url = "tweb.vaasa.fi"')
    with pytest.raises(SourcesError, match="'base_url'"):
        load_sources(path)


def test_duplicate_ids_are_refused(tmp_path):
    path = _broken(tmp_path, 'id = "vaasa"', 'id = "hameenlinna"')
    with pytest.raises(SourcesError, match="duplicate id"):
        load_sources(path)
