"""Serve a recorded sample site over real HTTP on 127.0.0.1, for tests and the offline demo.

One ``ReplayServer`` serves one site directory written by ``sample_sites/generate.py``. The
site's ``manifest.json`` maps requests to files::

    {"format": 1, "platform": "ktweb", "municipality": "vaasa", "base_path": "/ktwebscr/",
     "entries": [{"method": "GET", "path": "/ktwebscr/pk_asil_tweb.htm", "query": "+bid=88410",
                  "body": null, "file": "ktwebscr/pk_asil_tweb/bid-88410.htm",
                  "content_type": "text/html; charset=windows-1252", "kind": "meeting",
                  "last_modified": "2025-11-26T08:00:00Z"}, ...]}

Matching: the method (HEAD as GET), the path, and the raw query string compared after
percent-decoding (never "+" to space: KTweb's "?+bid=" keeps its plus) with parameters in any
order. A POST entry's "body" lists form fields that must match the request's form body; other
fields (oper, pvm1, ...) are ignored. KTweb writes organ ids as floats, so "55015.000000" and
"55015" are the same id in both query and body.

Faults imitate a misbehaving source. ``faults`` maps a key to a fault; a key is
"path?query" (one URL) or a path prefix without "?" (exact URL wins, then the longest
prefix). A fault is a dict of:
    status          answer with this status (e.g. 500, 503, 404) instead of the page
    headers         extra response headers, e.g. {"Retry-After": "1"}
    body_file       serve this file instead (relative to the site dir, or absolute),
                    e.g. an HTML login page where a PDF should be
    body            serve these bytes (or str, UTF-8) instead
    content_type    Content-Type for body/body_file (default: guessed from the file name)
    truncate        send only the first N bytes, with Content-Length N (a cut file)
    drop_connection with truncate: announce the full length, then close (a dropped link)
    delay           wait this many seconds before answering (client timeouts)
    times           apply the fault only to the first k matching requests, then serve normally

Example:
    python -m harvest.replay sample_sites/ktweb/hameenlinna
    python -m harvest.replay sample_sites          # every site found under the directory
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import mimetypes
import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qsl, unquote

from transform.resources import sample_sites_directory

MANIFEST_NAME = "manifest.json"
SUPPORTED_MANIFEST_FORMAT = 1
DEFAULT_SAMPLE_SITES = sample_sites_directory()
FAULT_FIELDS = frozenset(
    {
        "status",
        "headers",
        "body_file",
        "body",
        "content_type",
        "truncate",
        "drop_connection",
        "delay",
        "times",
    }
)
_FLOAT_ID = re.compile(r"(\d+)\.0+")


class ManifestError(ValueError):
    """The site directory's manifest.json is missing, malformed or names missing files."""


class RecordedRequest(NamedTuple):
    method: str
    path: str  # path with the raw query string, exactly as requested
    body: str
    user_agent: str = ""


@dataclass(frozen=True)
class ManifestEntry:
    method: str
    path: str
    query: str
    body: dict[str, str] | None
    file: Path
    content_type: str
    last_modified: datetime | None
    kind: str = ""
    title: str | None = None

    def accepts_form(self, form: dict[str, str]) -> bool:
        if self.body is None:
            return True
        return all(form.get(name, "") == normalise_id(value) for name, value in self.body.items())


def normalise_id(value: str) -> str:
    """KTweb organ ids come as "55015.000000" or "55015"; both mean 55015."""
    match = _FLOAT_ID.fullmatch(value)
    return match.group(1) if match else value


def canonical_query(query: str) -> str:
    """Percent-decoded, parameters sorted, float ids normalised; "+" stays "+"."""
    params = []
    for param in query.split("&"):
        if not param:
            continue
        name, equals, value = unquote(param).partition("=")
        params.append(f"{name}{equals}{normalise_id(value)}")
    return "&".join(sorted(params))


def parse_form(body: bytes) -> dict[str, str]:
    pairs = parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True)
    return {name: normalise_id(value) for name, value in pairs}


class Manifest:
    """The request -> file table of one recorded site."""

    def __init__(self, site_dir: Path):
        self.site_dir = Path(site_dir)
        data = _read_manifest(self.site_dir)
        self.municipality: str = data.get("municipality", self.site_dir.name)
        self.platform: str = data.get("platform", "")
        self.base_path: str = data.get("base_path", "/")
        self.entries = [_parse_entry(self.site_dir, raw) for raw in data["entries"]]
        self._index: dict[tuple[str, str, str], list[ManifestEntry]] = {}
        for entry in self.entries:
            key = (entry.method, entry.path, canonical_query(entry.query))
            self._index.setdefault(key, []).append(entry)

    def find(self, method: str, path: str, query: str, body: bytes) -> ManifestEntry | None:
        lookup_method = "GET" if method == "HEAD" else method
        candidates = self._index.get((lookup_method, unquote(path), canonical_query(query)), [])
        form = parse_form(body) if lookup_method == "POST" else {}
        return next((entry for entry in candidates if entry.accepts_form(form)), None)


def _read_manifest(site_dir: Path) -> dict:
    manifest_path = site_dir / MANIFEST_NAME
    try:
        data = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(f"{manifest_path}: not found; is {site_dir} a sample site?") from None
    except json.JSONDecodeError as error:
        raise ManifestError(f"{manifest_path}: {error}") from None
    if data.get("format") != SUPPORTED_MANIFEST_FORMAT or not isinstance(data.get("entries"), list):
        raise ManifestError(
            f"{manifest_path}: expected format {SUPPORTED_MANIFEST_FORMAT} with a list of entries"
        )
    return data


def _parse_entry(site_dir: Path, raw: dict) -> ManifestEntry:
    try:
        file = site_dir / raw["file"]
        entry = ManifestEntry(
            method=raw["method"].upper(),
            path=raw["path"],
            query=raw.get("query", ""),
            body=raw.get("body"),
            file=file,
            content_type=raw["content_type"],
            last_modified=_parse_iso(raw["last_modified"]) if raw.get("last_modified") else None,
            kind=raw.get("kind", ""),
            title=raw.get("title"),
        )
    except (KeyError, TypeError, AttributeError, ValueError) as error:
        raise ManifestError(f"{site_dir / MANIFEST_NAME}: bad entry {raw!r}: {error!r}") from None
    if not file.is_file():
        raise ManifestError(f"{site_dir / MANIFEST_NAME}: {raw['file']} does not exist")
    return entry


def _parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


@dataclass
class _Response:
    status: int
    content: bytes
    headers: list[tuple[str, str]]
    declared_length: int | None = None  # when it differs from len(content): a dropped link


class ReplayServer:
    """A real HTTP server on 127.0.0.1 serving one recorded site; see the module docstring."""

    def __init__(
        self, site_dir: Path, *, faults: dict | None = None, port: int = 0, verbose: bool = False
    ):
        self.site_dir = Path(site_dir)
        self.manifest = Manifest(self.site_dir)
        self.verbose = verbose
        self._port = port
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._faults: dict[str, dict] = {}
        self._fault_hits: dict[str, int] = {}
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        for key, fault in (faults or {}).items():
            self.set_fault(key, fault)

    # -- life cycle ------------------------------------------------------------------------

    def start(self) -> str:
        if self._httpd is not None:
            raise RuntimeError("ReplayServer already started")
        self._stopping.clear()
        httpd = ThreadingHTTPServer(("127.0.0.1", self._port), _ReplayHandler)
        httpd.daemon_threads = True
        httpd.block_on_close = False  # a delayed handler must not hold up stop()
        httpd.replay = self
        self._httpd = httpd
        # A short poll interval keeps stop() quick (shutdown waits for one poll).
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"replay-{self.manifest.municipality}",
            daemon=True,
        )
        self._thread.start()
        return self.url

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._stopping.set()  # wakes handlers sleeping on a "delay" fault
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()
        self._httpd = None
        self._thread = None

    def __enter__(self) -> ReplayServer:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """Like "http://127.0.0.1:54321" (no trailing slash)."""
        if self._httpd is None:
            raise RuntimeError("ReplayServer not started")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def base_url(self) -> str:
        """The base URL for a source's configuration, e.g. "http://127.0.0.1:54321/ktwebscr/"."""
        return self.url + self.manifest.base_path

    # -- request log -----------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """A snapshot of the requests received so far: (method, path_with_query, body)."""
        with self._lock:
            return list(self._requests)

    def reset_requests(self) -> None:
        with self._lock:
            self._requests.clear()

    def _record(self, method: str, path: str, body: bytes, user_agent: str = "") -> None:
        with self._lock:
            text = body.decode("utf-8", "replace")
            self._requests.append(RecordedRequest(method, path, text, user_agent))

    # -- faults ----------------------------------------------------------------------------

    def set_fault(self, key: str, fault: dict | None) -> None:
        """Install (or, with None, remove) a fault; its "times" count starts again."""
        with self._lock:
            self._fault_hits.pop(key, None)
            if fault is None:
                self._faults.pop(key, None)
                return
            self._faults[key] = self._checked_fault(key, fault)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()
            self._fault_hits.clear()

    def _checked_fault(self, key: str, fault: dict) -> dict:
        unknown = set(fault) - FAULT_FIELDS
        if unknown:
            raise ValueError(
                f"fault {key!r}: unknown fields {sorted(unknown)}; known: {sorted(FAULT_FIELDS)}"
            )
        if "status" in fault and fault["status"] not in HTTPStatus._value2member_map_:
            raise ValueError(f"fault {key!r}: status {fault['status']!r} is not an HTTP status")
        if "times" in fault and (not isinstance(fault["times"], int) or fault["times"] < 1):
            raise ValueError(f"fault {key!r}: times must be a positive integer")
        checked = dict(fault)
        if "body_file" in fault:
            body_file = self.site_dir / fault["body_file"]  # an absolute path stays absolute
            if not body_file.is_file():
                raise ValueError(f"fault {key!r}: body_file {body_file} does not exist")
            checked["body_file"] = body_file
        return checked

    def _take_fault(self, path: str, query: str) -> dict | None:
        """The fault for this request, counting it against the fault's "times"."""
        with self._lock:
            key = _matching_fault_key(self._faults, path, query)
            if key is None:
                return None
            fault = self._faults[key]
            self._fault_hits[key] = self._fault_hits.get(key, 0) + 1
            if "times" in fault and self._fault_hits[key] > fault["times"]:
                return None
            return fault

    # -- answering -------------------------------------------------------------------------

    def _response(self, method: str, target: str, body: bytes, request_headers) -> _Response:
        path, _, query = target.partition("?")
        fault = self._take_fault(path, query) or {}
        if fault.get("delay") and self._stopping.wait(fault["delay"]):
            return _Response(HTTPStatus.SERVICE_UNAVAILABLE, b"", [])
        entry = self.manifest.find(method, path, query, body)
        response = _base_response(entry, fault)
        if response.status == HTTPStatus.OK and method in ("GET", "HEAD"):
            _apply_conditional(response, request_headers)
        _apply_truncation(response, fault)
        response.headers.extend((fault.get("headers") or {}).items())
        return response


def _matching_fault_key(faults: dict[str, dict], path: str, query: str) -> str | None:
    """An exact "path?query" key wins; otherwise the longest path-prefix key."""
    best = None
    for key in faults:
        key_path, has_query, key_query = key.partition("?")
        if has_query:
            if key_path == path and canonical_query(key_query) == canonical_query(query):
                return key
        elif path.startswith(key_path) and (best is None or len(key_path) > len(best)):
            best = key
    return best


def _base_response(entry: ManifestEntry | None, fault: dict) -> _Response:
    substitute = _substitute_body(fault)
    status = fault.get("status", HTTPStatus.OK)
    if status != HTTPStatus.OK:
        content, content_type = substitute or (_error_page(status), "text/html; charset=utf-8")
        return _Response(status, content, [("Content-Type", content_type)])
    if substitute is not None:
        content, content_type = substitute
        return _with_validators(
            _Response(HTTPStatus.OK, content, [("Content-Type", content_type)]), last_modified=None
        )
    if entry is None:
        page = _error_page(HTTPStatus.NOT_FOUND)
        return _Response(HTTPStatus.NOT_FOUND, page, [("Content-Type", "text/html; charset=utf-8")])
    response = _Response(
        HTTPStatus.OK, entry.file.read_bytes(), [("Content-Type", entry.content_type)]
    )
    return _with_validators(response, entry.last_modified)


def _substitute_body(fault: dict) -> tuple[bytes, str] | None:
    if "body_file" in fault:
        body_file: Path = fault["body_file"]
        guessed = mimetypes.guess_type(body_file.name)[0] or "application/octet-stream"
        return body_file.read_bytes(), fault.get("content_type", guessed)
    if "body" in fault:
        body = fault["body"]
        content = body.encode("utf-8") if isinstance(body, str) else bytes(body)
        return content, fault.get("content_type", "text/html; charset=utf-8")
    return None


def _with_validators(response: _Response, last_modified: datetime | None) -> _Response:
    response.headers.append(("ETag", f'"{hashlib.sha256(response.content).hexdigest()}"'))
    if last_modified is not None:
        response.headers.append(("Last-Modified", format_datetime(last_modified, usegmt=True)))
    return response


def _apply_conditional(response: _Response, request_headers) -> None:
    """Turn a 200 into 304 when the client's validators still match (RFC 9110 13.2.2)."""
    headers = dict(response.headers)
    if_none_match = request_headers.get("If-None-Match")
    if if_none_match is not None:
        not_modified = _etag_matches(if_none_match, headers["ETag"])
    else:
        not_modified = _not_modified_since(
            request_headers.get("If-Modified-Since"), headers.get("Last-Modified")
        )
    if not_modified:
        response.status = HTTPStatus.NOT_MODIFIED
        response.content = b""
        response.headers = [
            (name, value) for name, value in response.headers if name != "Content-Type"
        ]


def _etag_matches(if_none_match: str, etag: str) -> bool:
    if if_none_match.strip() == "*":
        return True
    candidates = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return etag in candidates


def _not_modified_since(if_modified_since: str | None, last_modified: str | None) -> bool:
    if not if_modified_since or not last_modified:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False  # an unparseable date is ignored, as the RFC says
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return parsedate_to_datetime(last_modified) <= since


def _apply_truncation(response: _Response, fault: dict) -> None:
    if "truncate" not in fault:
        return
    full_length = len(response.content)
    response.content = response.content[: int(fault["truncate"])]
    if fault.get("drop_connection"):
        response.declared_length = full_length


def _error_page(status: int) -> bytes:
    phrase = HTTPStatus(status).phrase
    return (
        f"<!DOCTYPE html>\n<html><head><title>{status} {phrase}</title></head>"
        f"<body><h1>{status} {phrase}</h1></body></html>\n"
    ).encode()


class _ReplayHandler(BaseHTTPRequestHandler):
    server_version = "AvoinReplay/1.0"
    # HTTP/1.0: one request per connection, so a dropped or delayed answer affects only itself.
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_POST(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        replay: ReplayServer = self.server.replay
        body = self._read_body()
        replay._record(self.command, self.path, body, self.headers.get("User-Agent", ""))
        response = replay._response(self.command, self.path, body, self.headers)
        # The client may have given up already (e.g. its timeout fired during a "delay" fault).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._send(response, send_body)

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _send(self, response: _Response, send_body: bool) -> None:
        self.send_response(response.status)
        for name, value in response.headers:
            self.send_header(name, value)
        if response.status != HTTPStatus.NOT_MODIFIED:
            length = response.declared_length or len(response.content)
            self.send_header("Content-Length", str(length))
        self.end_headers()
        if send_body and response.content:
            self.wfile.write(response.content)

    def log_message(self, format: str, *args) -> None:
        if self.server.replay.verbose:
            super().log_message(format, *args)


def find_site_dirs(root: Path) -> list[Path]:
    """Site directories under root: root itself, or root/<platform>/<municipality>/."""
    root = Path(root)
    if (root / MANIFEST_NAME).is_file():
        return [root]
    return sorted(path.parent for path in root.glob(f"*/*/{MANIFEST_NAME}"))


def start_sample_sites(root: Path = DEFAULT_SAMPLE_SITES, **options) -> dict[str, ReplayServer]:
    """Start one server per site under root (``<platform>/<municipality>/manifest.json``).

    Returns started servers keyed by municipality; the caller stops them. If one fails to
    start, the ones already started are stopped before the error propagates.
    """
    servers: dict[str, ReplayServer] = {}
    try:
        for site_dir in find_site_dirs(root):
            server = ReplayServer(site_dir, **options)
            municipality = server.manifest.municipality
            if municipality in servers:
                raise ManifestError(f"two sample sites for {municipality!r} under {root}")
            server.start()
            servers[municipality] = server
    except BaseException:
        for server in servers.values():
            server.stop()
        raise
    if not servers:
        raise ManifestError(f"no sample sites (*/*/{MANIFEST_NAME}) under {root}")
    return servers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Serve recorded sample sites on 127.0.0.1 until Ctrl-C.",
        epilog="Example: python -m harvest.replay sample_sites/ktweb/hameenlinna",
    )
    parser.add_argument("site", type=Path, help="a site directory, or a root holding several")
    parser.add_argument(
        "--port", type=int, default=0, help="port for a single site (default: a free one)"
    )
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    if (args.site / MANIFEST_NAME).is_file():
        server = ReplayServer(args.site, port=args.port, verbose=args.verbose)
        server.start()
        servers = {server.manifest.municipality: server}
    else:
        servers = start_sample_sites(args.site, verbose=args.verbose)
    for municipality, server in servers.items():
        print(f"{municipality}: {server.base_url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        print("stopping")
    finally:
        for server in servers.values():
            server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
