"""The municipalities we harvest, read from ``data/sources.toml``.

A bad file raises SourcesError naming the line and the field, so staff can fix it
without reading code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from transform.parse_limits import ParseLimits
from transform.resources import shipped_defaults_directory
from transform.schema import Platform

DEFAULT_SOURCES = shipped_defaults_directory() / "sources.toml"

_SLUG = re.compile(r"^[a-z][a-z0-9_-]*$")
_REQUIRED = ("id", "name_fi", "name_sv", "code", "languages", "platform", "base_url")
_LANGUAGES = {"fi", "sv"}
_KINDS = ("municipality", "welfare_region")
UNKNOWN_PLATFORM = "unknown"  # nobody knows it yet; the probe tries every platform
_CONFIRMABLE = (*_REQUIRED, "candidate_urls", "serves")


class SourcesError(ValueError):
    """sources.toml is malformed; the message names file, line and field."""


@dataclass(frozen=True)
class Source:
    id: str
    name: dict
    code: str
    languages: tuple[str, ...]
    platform: str
    base_url: str
    obey_robots: bool = True
    unconfirmed: tuple[str, ...] = ()
    # Who allowed us to ignore robots, and how (required with obey_robots = false).
    permission: str = ""
    # Addresses the source may answer on; `avoin sources --check` finds the one that does.
    candidate_urls: tuple[str, ...] = ()
    # "municipality" or "welfare_region" (a region decides for the towns in `serves`).
    kind: str = "municipality"
    serves: tuple[str, ...] = ()

    @property
    def harvestable(self) -> bool:
        return bool(self.base_url)

    def with_base_url(self, base_url: str) -> Source:
        """A copy pointing at another host (the demo's replay server)."""
        values = {**self.__dict__, "base_url": base_url}
        return Source(**values)

    def as_municipality_record(self) -> dict:
        return {
            "id": self.id,
            "name": dict(self.name),
            "code": self.code,
            "languages": list(self.languages),
            "platform": self.platform,
            "base_url": self.base_url,
            "kind": self.kind,
            "serves": list(self.serves),
        }


@dataclass(frozen=True)
class Sources:
    municipalities: tuple[Source, ...]
    contact: str
    user_agent: str
    path: Path = field(default=DEFAULT_SOURCES)
    download_timeout: float | None = None  # seconds; None = the harvester's default
    # Per document parse: time, memory, pages, inflated bytes ([parse_limits]).
    parse_limits: ParseLimits = field(default_factory=ParseLimits)

    def get(self, municipality_id: str) -> Source:
        for source in self.municipalities:
            if source.id == municipality_id:
                return source
        raise SourcesError(unknown_municipality(municipality_id, self.ids()))

    def ids(self) -> list[str]:
        return [source.id for source in self.municipalities]


def unknown_municipality(municipality_id: str, known) -> str:
    """The one message every command gives for a municipality id it does not know."""
    return f"unknown municipality {municipality_id!r}; known: {', '.join(sorted(known))}"


def load_sources(path: Path | str = DEFAULT_SOURCES) -> Sources:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SourcesError(f"{path}: cannot read: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SourcesError(f"{path}: {error}") from None
    locator = _Locator(path, text)
    harvester = data.get("harvester", {})
    contact = str(harvester.get("contact", "")).strip()
    if not contact:
        raise SourcesError(locator.message(None, "contact", "[harvester] needs a contact address"))
    user_agent = str(harvester.get("user_agent", "AvoinBot/0.1 ({contact})"))
    user_agent = user_agent.format(contact=contact)
    timeout = harvester.get("download_timeout")
    if timeout is not None and (not isinstance(timeout, int | float) or timeout <= 0):
        raise SourcesError(locator.message(None, "download_timeout", "must be seconds > 0"))
    blocks = data.get("municipality")
    if not isinstance(blocks, list) or not blocks:
        raise SourcesError(f"{path}: no [[municipality]] blocks")
    sources = tuple(_parse_source(block, index, locator) for index, block in enumerate(blocks))
    _check_unique_ids(sources, locator)
    _check_served_towns(sources, locator)
    try:
        limits = ParseLimits.from_config(data.get("parse_limits", {}))
    except ValueError as error:
        raise SourcesError(f"{path}: [parse_limits]: {error}") from None
    return Sources(sources, contact, user_agent, path, timeout, limits)


def _parse_source(block: dict, index: int, locator: _Locator) -> Source:
    def fail(field_name: str, why: str):
        raise SourcesError(locator.message(index, field_name, why))

    for name in _REQUIRED:
        if name not in block:
            fail(name, f"missing field {name!r}")
    if not isinstance(block["id"], str) or not _SLUG.match(block["id"]):
        fail("id", "must be a lower-case slug such as 'vaasa'")
    platforms = [p.value for p in Platform]
    if block["platform"] not in (*platforms, UNKNOWN_PLATFORM):
        fail("platform", f"must be one of {[*platforms, UNKNOWN_PLATFORM]}")
    if block["platform"] == UNKNOWN_PLATFORM and block["base_url"]:
        fail(
            "base_url",
            "a source on an unknown platform cannot be harvested: leave it empty "
            "(avoin sources --check finds the platform)",
        )
    languages = block["languages"]
    if not isinstance(languages, list) or not languages or set(languages) - _LANGUAGES:
        fail("languages", f"must be a non-empty list of {sorted(_LANGUAGES)}")
    base_url = block["base_url"]
    if not isinstance(base_url, str) or (base_url and not re.match(r"^https?://", base_url)):
        fail("base_url", "must be an http(s) URL or empty (not harvested)")
    obey_robots = block.get("obey_robots", True)
    if not isinstance(obey_robots, bool):
        fail("obey_robots", "must be true or false")
    permission = block.get("permission", "")
    if not isinstance(permission, str) or (not obey_robots and not permission.strip()):
        fail(
            "permission",
            "obey_robots = false needs a permission note: who allowed it, when "
            "(or that the town runs Avoin for its own documents)",
        )
    candidates = block.get("candidate_urls", [])
    if not isinstance(candidates, list) or not all(
        isinstance(url, str) and re.match(r"^https?://", url) for url in candidates
    ):
        fail("candidate_urls", "must be a list of http(s) URLs")
    kind = block.get("kind", "municipality")
    if kind not in _KINDS:
        fail("kind", f"must be one of {list(_KINDS)}")
    serves = block.get("serves", [])
    if not isinstance(serves, list) or not all(isinstance(s, str) for s in serves):
        fail("serves", "must be a list of municipality ids")
    unconfirmed = block.get("unconfirmed", [])
    if not isinstance(unconfirmed, list) or set(unconfirmed) - set(_CONFIRMABLE):
        fail("unconfirmed", f"must list field names among {list(_CONFIRMABLE)}")
    return Source(
        id=block["id"],
        name={"fi": str(block["name_fi"]), "sv": str(block["name_sv"])},
        code=str(block["code"]),
        languages=tuple(languages),
        platform=block["platform"],
        base_url=base_url if not base_url or base_url.endswith("/") else base_url + "/",
        obey_robots=obey_robots,
        unconfirmed=tuple(unconfirmed),
        permission=permission.strip(),
        candidate_urls=tuple(_with_slash(url) for url in candidates),
        kind=kind,
        serves=tuple(serves),
    )


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _check_served_towns(sources: tuple[Source, ...], locator: _Locator) -> None:
    """A welfare region serves towns that this file names."""
    ids = {source.id for source in sources}
    for index, source in enumerate(sources):
        unknown = [town for town in source.serves if town not in ids]
        if unknown:
            raise SourcesError(locator.message(index, "serves", f"unknown ids {unknown}"))


def _check_unique_ids(sources: tuple[Source, ...], locator: _Locator) -> None:
    seen = set()
    for index, source in enumerate(sources):
        if source.id in seen:
            raise SourcesError(locator.message(index, "id", f"duplicate id {source.id!r}"))
        seen.add(source.id)


class _Locator:
    """Finds the line of a field in the TOML text, for error messages."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.lines = text.splitlines()

    def message(self, block_index: int | None, field_name: str, why: str) -> str:
        line = self._line_of(block_index, field_name)
        where = f"line {line}" if line else "somewhere"
        block = f"municipality #{block_index + 1}, " if block_index is not None else ""
        return f"{self.path}: {where}: {block}field {field_name!r}: {why}"

    def _line_of(self, block_index: int | None, field_name: str) -> int | None:
        start, end = self._block_span(block_index)
        key = re.compile(rf"^\s*{re.escape(field_name)}\s*=")
        for number in range(start, end):
            if key.match(self.lines[number]):
                return number + 1
        return start + 1 if block_index is not None else None

    def _block_span(self, block_index: int | None) -> tuple[int, int]:
        headers = [n for n, line in enumerate(self.lines) if line.strip() == "[[municipality]]"]
        if block_index is None or block_index >= len(headers):
            return 0, len(self.lines)
        end = headers[block_index + 1] if block_index + 1 < len(headers) else len(self.lines)
        return headers[block_index], end
