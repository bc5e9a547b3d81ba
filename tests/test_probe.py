"""`avoin sources --check`: a probe of each source's addresses, against replay servers."""

from __future__ import annotations

import socket

import pytest

from harvest.probe import PLATFORM_ORGAN_PAGES, http_fetcher, probe_source
from harvest.replay import ReplayServer
from harvest.sources import Source
from tests.harvesting import SAMPLE_SITES, avoin, write_sources

HAMEENLINNA = SAMPLE_SITES / "ktweb" / "hameenlinna"
OMAHAME = SAMPLE_SITES / "dynasty" / "omahame"
PEDERSORE = SAMPLE_SITES / "cloudnc" / "pedersore"
USER_AGENT = "AvoinBot/probe-test (tests@example.invalid)"


def source(platform: str, base_url: str, *candidates: str) -> Source:
    return Source(
        id="town",
        name={"fi": "town", "sv": "town"},
        code="1",
        languages=("fi",),
        platform=platform,
        base_url=base_url,
        candidate_urls=candidates,
    )


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/ktwebscr/"


def test_a_source_as_configured_is_recognised_in_two_requests():
    with ReplayServer(HAMEENLINNA) as server:
        base_url = server.base_url
        report = probe_source(source("ktweb", base_url), http_fetcher(USER_AGENT))
        agents = {request.user_agent for request in server.requests}
    found = report.found
    assert (found.platform, found.url, found.requests) == ("ktweb", base_url, 2)
    assert found.organs >= 3 and found.robots_txt_allows is True
    assert found.page_forbids == {"noindex", "nofollow"}  # Tweb's pages say so
    assert "obey_robots = false with a permission note" in report.advice()
    assert agents == {USER_AGENT}


def test_a_source_that_moved_is_found_at_its_candidate_address():
    with ReplayServer(HAMEENLINNA) as server:
        base_url, moved = server.base_url, server.url + "/old/ktwebscr/"
        report = probe_source(source("ktweb", moved, base_url), http_fetcher(USER_AGENT))
    old, new = report.addresses
    assert old.reachable and old.platform is None and "none of the platforms" in old.problem
    assert report.found is new and new.platform == "ktweb"
    assert f'base_url = "{base_url}"' in report.advice()
    assert old.requests <= 1 + len(PLATFORM_ORGAN_PAGES)


@pytest.mark.parametrize("site, platform", [(OMAHAME, "dynasty"), (PEDERSORE, "cloudnc")])
def test_a_source_on_another_platform_than_configured_says_which(site, platform):
    with ReplayServer(site) as server:
        report = probe_source(source("ktweb", server.base_url), http_fetcher(USER_AGENT))
    assert report.found.platform == platform and report.found.organs >= 2
    assert f'platform = "{platform}"' in report.advice()


def test_a_source_that_is_down_is_unreachable_and_keeps_its_values():
    report = probe_source(source("ktweb", closed_port_url()), http_fetcher(USER_AGENT))
    (address,) = report.addresses
    assert not address.reachable and address.problem.startswith("unreachable")
    assert address.requests == 1  # nothing more is tried on a host that does not answer
    assert report.found is None and report.advice().startswith("keep base_url empty")


def test_the_command_probes_every_source_and_writes_nothing(tmp_path):
    with ReplayServer(HAMEENLINNA) as server:
        sources = write_sources(
            tmp_path / "sources.toml",
            {"hameenlinna": server.base_url, "vaasa": closed_port_url()},
            obey_robots=True,
        )
        before = sources.read_bytes()
        result = avoin("sources", "--check", "--sources", sources)
    assert result.returncode == 0, result.stderr
    assert "looks like ktweb (as configured)" in result.stdout
    assert "unreachable" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("checked 2 sources: 1 answer")
    assert sources.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sources.toml"]
