"""`avoin sources --check`: what each source's addresses answer, in a handful of requests.

For every candidate address of a source (its ``base_url``, then its ``candidate_urls``) the
probe asks for robots.txt and for the organ list of each platform in turn (the configured
one first) until one parses into organs with our own parsers. It reports whether the host
answered, which platform the answer is, how many organs it lists, what robots.txt and the
page's robots directives allow us, and what to write in ``sources.toml``. It writes
nothing, and it sends at most ``1 + len(PLATFORM_ORGAN_PAGES)`` requests per address.
"""

from __future__ import annotations

import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from harvest.platforms import ParseError, parse_page
from harvest.platforms.cloudnc import API_PATH
from harvest.robots import NOFOLLOW, NOINDEX, page_directives
from harvest.sources import Source
from transform.schema import PageKind

TIMEOUT_SECONDS = 15
MAX_SECTIONS = 3  # section pages read to count organs (CloudNC)
MAX_BODY_BYTES = 5 * 1024 * 1024
# The page that lists a platform's organs, relative to a base URL of that platform.
PLATFORM_ORGAN_PAGES = (
    ("ktweb", "pk_tek_tweb.htm"),
    ("dynasty", "TELIMET.HTM"),  # a static export (base URL ends in kokous/)
    ("dynasty", "cgi/DREQUEST.PHP?page=meeting_frames"),  # the CGI interface
    ("cloudnc", API_PATH + "Nodes"),
)


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    headers: dict[str, str]


class Unreachable(Exception):
    """No HTTP answer at all (refused, timed out, name not found)."""


Fetch = Callable[[str], Answer]


@dataclass
class AddressProbe:
    url: str
    reachable: bool = False
    problem: str = ""
    platform: str | None = None
    organs: int = 0
    robots_txt_allows: bool | None = None
    page_forbids: frozenset[str] = frozenset()
    requests: int = 0


@dataclass
class SourceProbe:
    source: Source
    addresses: list[AddressProbe] = field(default_factory=list)

    @property
    def found(self) -> AddressProbe | None:
        """The first address that answers as a platform we read."""
        return next((a for a in self.addresses if a.platform), None)

    def advice(self) -> str:
        """What to write in sources.toml."""
        found = self.found
        if found is None:
            tried = "no address answered as a platform" if self.addresses else "no address given"
            return f"keep base_url empty and the values unconfirmed ({tried})"
        forbidden = [] if found.robots_txt_allows else ["robots.txt disallows"]
        forbidden += [f"pages say {d}" for d in sorted(found.page_forbids)]
        robots = (
            "obey_robots = true"
            if not forbidden
            else f"obey_robots = false with a permission note ({', '.join(forbidden)}), "
            "or ask the town"
        )
        return f'platform = "{found.platform}", base_url = "{found.url}", {robots}'


def probe_source(source: Source, fetch: Fetch) -> SourceProbe:
    report = SourceProbe(source)
    for url in _addresses(source):
        report.addresses.append(probe_address(url, source.platform, fetch))
    return report


def probe_address(url: str, configured_platform: str, fetch: Fetch) -> AddressProbe:
    probe = AddressProbe(url)
    probe.robots_txt_allows = _robots_txt_allows(url, fetch, probe)
    if not probe.reachable:
        return probe
    for platform, page in _organ_pages(configured_platform):
        answer = _get(urljoin(url, page), fetch, probe)
        if answer is None or answer.status != 200:
            continue
        listing = _read_organs(platform, answer.body, urljoin(url, page))
        if listing is None:
            continue
        probe.platform, probe.organs = platform, _organs_below(listing, platform, fetch, probe)
        probe.page_forbids = page_directives(
            answer.body,
            header=answer.headers.get("x-robots-tag"),
            media_type=answer.headers.get("content-type"),
        )
        break
    if not probe.platform and not probe.problem:
        probe.problem = "answers, but as none of the platforms we read"
    return probe


def _addresses(source: Source) -> list[str]:
    candidates = [source.base_url, *source.candidate_urls]
    return list(dict.fromkeys(url for url in candidates if url))


def _organ_pages(configured: str) -> list[tuple[str, str]]:
    """The configured platform's pages first: one request when the configuration is right."""
    return sorted(PLATFORM_ORGAN_PAGES, key=lambda entry: entry[0] != configured)


def _robots_txt_allows(url: str, fetch: Fetch, probe: AddressProbe) -> bool | None:
    parts = urlsplit(url)
    answer = _get(f"{parts.scheme}://{parts.netloc}/robots.txt", fetch, probe)
    if answer is None:
        return None
    if answer.status >= 400:  # no robots.txt: everything is allowed
        return True
    rules = urllib.robotparser.RobotFileParser()
    rules.parse(answer.body.decode("utf-8", "replace").splitlines())
    return rules.can_fetch("AvoinBot", url)


def _get(url: str, fetch: Fetch, probe: AddressProbe) -> Answer | None:
    probe.requests += 1
    try:
        answer = fetch(url)
    except Unreachable as error:
        probe.problem = f"unreachable: {error}"
        return None
    probe.reachable = True
    return answer


def _read_organs(platform: str, body: bytes, url: str) -> dict | None:
    """The parsed organ list, or None when the page is not this platform's organ list."""
    try:
        result = parse_page(platform, PageKind.ORGANIZATIONS, body, url, "probe", {})
    except (ParseError, ValueError, KeyError, TypeError):
        return None  # not this platform's page: that is the answer we are looking for
    return result if result.get("organizations") or result.get("links") else None


def _organs_below(listing: dict, platform: str, fetch: Fetch, probe: AddressProbe) -> int:
    """Organs on the page, or (CloudNC lists sections first) on the sections it links."""
    organs = len(listing.get("organizations") or ())
    if organs:
        return organs
    sections = [
        link["url"]
        for link in listing.get("links", ())
        if link.get("page_kind") == PageKind.ORGANIZATIONS
    ][:MAX_SECTIONS]
    for section_url in sections:
        answer = _get(section_url, fetch, probe)
        section = (
            answer and answer.status == 200 and _read_organs(platform, answer.body, section_url)
        )
        organs += len(section.get("organizations") or ()) if section else 0
    return organs


def http_fetcher(user_agent: str, timeout: float = TIMEOUT_SECONDS) -> Fetch:
    """A polite GET with our User-Agent; an HTTP error status is an answer, not a failure."""

    def fetch(url: str) -> Answer:
        request = urllib.request.Request(url, headers={"User-Agent": user_agent})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                return _answer(response.status, response.read(MAX_BODY_BYTES), response.headers)
        except urllib.error.HTTPError as error:
            return _answer(error.code, error.read(MAX_BODY_BYTES), error.headers)
        except (urllib.error.URLError, OSError) as error:
            raise Unreachable(getattr(error, "reason", error)) from None

    return fetch


def _answer(status: int, body: bytes, headers) -> Answer:
    return Answer(status, body, {key.lower(): value for key, value in headers.items()})


def describe(report: SourceProbe) -> list[str]:
    """The probe's lines for one source."""
    lines = [f"{report.source.id}:"]
    if not report.addresses:
        lines.append("  no base_url and no candidate_urls in sources.toml: nothing to probe")
    for address in report.addresses:
        lines.append(f"  {address.url}  ({address.requests} requests)")
        lines.append("    " + _address_verdict(address, report.source.platform))
    lines.append(f"  write in sources.toml: {report.advice()}")
    return lines


def _address_verdict(address: AddressProbe, configured: str) -> str:
    if not address.reachable:
        return address.problem
    robots = {True: "robots.txt allows", False: "robots.txt DISALLOWS", None: "robots.txt unknown"}[
        address.robots_txt_allows
    ]
    if not address.platform:
        return f"reachable; {address.problem}; {robots}"
    same = "as configured" if address.platform == configured else f"NOT {configured} as configured"
    meta = ", ".join(sorted(address.page_forbids)) or "no robots directives"
    forbids = f"pages say {meta}" if address.page_forbids & {NOINDEX, NOFOLLOW} else meta
    return (
        f"reachable; looks like {address.platform} ({same}), {address.organs} organs; "
        f"{robots}; {forbids}"
    )
