"""data/sources.toml: the five municipalities and two welfare regions as they really
publish, and clear errors for a bad file."""

import re

import pytest

from harvest.sources import DEFAULT_SOURCES, SourcesError, load_sources

EXPECTED = {
    "hameenlinna": ("109", "ktweb"),
    "vaasa": ("905", "ktweb"),
    "kristinestad": ("287", "ktweb"),
    "riihimaki": ("694", "ktweb"),
    "pedersore": ("599", "unknown"),
    "omahame": ("05", "dynasty"),
    "pohjanmaa": ("15", "dynasty"),
}


def test_the_five_municipalities_and_two_welfare_regions_are_configured():
    sources = load_sources(DEFAULT_SOURCES)
    assert {s.id: (s.code, s.platform) for s in sources.municipalities} == EXPECTED
    regions = {s.id: set(s.serves) for s in sources.municipalities if s.kind == "welfare_region"}
    assert regions == {
        "omahame": {"riihimaki", "hameenlinna"},
        "pohjanmaa": {"vaasa", "pedersore", "kristinestad"},
    }


def test_what_is_not_confirmed_is_marked_and_has_addresses_to_probe():
    sources = load_sources()
    assert "platform" in sources.get("riihimaki").unconfirmed
    assert "platform" in sources.get("pedersore").unconfirmed
    for town in ("riihimaki", "kristinestad"):
        assert sources.get(town).candidate_urls, town
    vaasa = sources.get("vaasa")
    assert {vaasa.base_url, *vaasa.candidate_urls} == {
        "https://tweb.vaasa.fi/ktwebscr/",
        "https://tweb.vaasa.fi/ktwebbin/dbisa.dll/ktwebscr/",
    }


def test_ignoring_robots_needs_a_permission_note(tmp_path):
    path = _broken(tmp_path, "obey_robots = true", "obey_robots = false")
    with pytest.raises(SourcesError, match="permission"):
        load_sources(path)
    text = path.read_text(encoding="utf-8").replace(
        "obey_robots = false", 'obey_robots = false\npermission = "Town clerk, 1.12.2026"', 1
    )
    path.write_text(text, encoding="utf-8")
    assert load_sources(path).get("hameenlinna").permission == "Town clerk, 1.12.2026"


def test_an_unknown_platform_cannot_have_an_address(tmp_path):
    path = _broken(
        tmp_path,
        'platform = "unknown"\nbase_url = ""',
        'platform = "unknown"\nbase_url = "https://x.example/"',
    )
    with pytest.raises(SourcesError, match="unknown platform"):
        load_sources(path)


@pytest.mark.parametrize(
    "municipality", ["kristinestad", "riihimaki", "pedersore", "omahame", "pohjanmaa"]
)
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
    path = _broken(
        tmp_path, 'base_url = "https://tweb.vaasa.fi/ktwebscr/"', 'base_url = "tweb.vaasa.fi"'
    )
    with pytest.raises(SourcesError, match="'base_url'"):
        load_sources(path)


def test_duplicate_ids_are_refused(tmp_path):
    path = _broken(tmp_path, 'id = "vaasa"', 'id = "hameenlinna"')
    with pytest.raises(SourcesError, match="duplicate id"):
        load_sources(path)
