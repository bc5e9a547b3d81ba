"""Every document is parsed under limits: time, memory, pages and decompressed bytes.

A 3 MB PDF that inflates to a gigabyte kept pdfminer busy for minutes at gigabytes of
memory, and ``timeout`` did not stop it. So the platform parser runs in a worker process
(forked once, reused for the next document) whose address space is capped with
RLIMIT_AS, and the parent waits for each answer only so long: a worker that overruns is
killed and a fresh one forked. Before parsing, the worker inflates the document's
compressed streams (PDF Flate streams, ZIP members such as DOCX, gzip) within a byte
budget and counts PDF pages, so a bomb is refused before the parser sees it.

Whatever the format (PDF, DOC, DOCX, HTML, JSON), a document over a limit raises
``DocumentTooLarge`` ("document too large: ..."), a ParseError: transform counts it as one
error and goes on with the next document. Nothing here knows how a platform reads a page;
it wraps ``harvest.platforms.parse_page``.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import pickle
import re
import resource
import traceback
import zipfile
import zlib
from dataclasses import dataclass, fields

from harvest import platforms
from harvest.platforms import ParseError
from transform.schema import SchemaError

MIB = 1024 * 1024
_PARENT_CHECK_SECONDS = 1.0
_CHUNK = 64 * 1024
_PDF_STREAM = re.compile(rb"stream\r?\n")
# A page object; "/Pages" (the page tree) must not count.
_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
# Errors a parser raises on bad input; passed back from the worker by name.
_PARSE_ERRORS = {"ParseError": ParseError, "SchemaError": SchemaError}


@dataclass(frozen=True)
class ParseLimits:
    """Per document. Configurable in data/sources.toml, ``[parse_limits]``."""

    seconds: float = 60.0  # wall clock for the whole parse
    memory_mib: int = 1024  # address space the worker may add to what it starts with
    pages: int = 2000  # PDF pages (minutes with appendices run to a few hundred)
    decompressed_mib: int = 256  # all compressed streams inflated together
    input_mib: int = 64  # the document's own size

    @classmethod
    def from_config(cls, table: dict) -> ParseLimits:
        """From a TOML table; raises ValueError naming a bad or unknown key."""
        known = {field.name for field in fields(cls)}
        unknown = set(table) - known
        if unknown:
            raise ValueError(f"unknown parse limit {sorted(unknown)[0]!r}; known: {sorted(known)}")
        for key, value in table.items():
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise ValueError(f"parse limit {key!r} must be a number > 0")
        return cls(**table)


class DocumentTooLarge(ParseError):
    """A document over one of the limits; the message starts "document too large: "."""

    def __init__(self, why: str):
        super().__init__(f"document too large: {why}")
        self.why = why


class ParserCrashed(RuntimeError):
    """A parser raised something other than ParseError: a bug, never counted as input."""


def parse_within_limits(
    platform,
    page_kind,
    body,
    url,
    municipality=None,
    context=None,
    limits: ParseLimits | None = None,
) -> dict:
    """One document, in a worker of its own (for `avoin parse`; runs use LimitedParser)."""
    with LimitedParser(limits) as parser:
        return parser.parse(platform, page_kind, body, url, municipality, context)


class LimitedParser:
    """``parse_page`` in a reusable worker process; use as a context manager."""

    def __init__(self, limits: ParseLimits | None = None):
        self.limits = limits or ParseLimits()
        self._worker = None
        self._connection = None

    def __enter__(self) -> LimitedParser:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def parse(self, platform, page_kind, body, url, municipality=None, context=None) -> dict:
        if len(body) > self.limits.input_mib * MIB:
            raise DocumentTooLarge(f"{len(body) // MIB} MiB, over {self.limits.input_mib} MiB")
        self._start()
        self._connection.send((platform, page_kind, body, url, municipality, context))
        if not self._connection.poll(self.limits.seconds):
            self.close()
            raise DocumentTooLarge(f"parsing took over {self.limits.seconds:g} s")
        try:
            outcome, value = self._connection.recv()
        except (EOFError, OSError):  # died: the kernel refused memory, or a signal
            self.close()
            raise DocumentTooLarge(
                f"the parser died (memory limit {self.limits.memory_mib} MiB)"
            ) from None
        return self._result(outcome, value, url)

    def _result(self, outcome: str, value, url: str) -> dict:
        """The worker's answer: the parse result, or the error it stands for, raised."""
        if outcome == "ok":
            return value
        if outcome == "too large":
            self.close()  # after a MemoryError the worker is best replaced
            raise DocumentTooLarge(value)
        if outcome == "bug":
            error, worker_traceback = value
            error.add_note(f"in the parse worker, on {url}:\n{worker_traceback}")
            raise error
        raise _PARSE_ERRORS[outcome](value)

    def close(self) -> None:
        if self._worker is None:
            return
        self._connection.close()
        if self._worker.is_alive():
            self._worker.kill()
        self._worker.join()
        self._worker = self._connection = None

    def _start(self) -> None:
        if self._worker is not None and self._worker.is_alive():
            return
        self.close()
        # fork: the worker starts at once with the parsers already imported.
        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe()
        self._worker = context.Process(target=_serve, args=(theirs, ours, self.limits), daemon=True)
        self._worker.start()
        theirs.close()
        self._connection = ours


def _serve(connection, parents_end, limits: ParseLimits) -> None:
    # The fork copied the parent's end too: closed here, so the parent's death is an EOF.
    parents_end.close()
    parent = os.getppid()
    _cap_address_space(limits.memory_mib * MIB)
    while True:
        # Also watch the parent itself: another worker forked later may hold our pipe open.
        while not connection.poll(_PARENT_CHECK_SECONDS):
            if os.getppid() != parent:
                os._exit(0)
        try:
            request = connection.recv()
        except EOFError:
            os._exit(0)
        connection.send(_reply_for(request, limits))


def _reply_for(request, limits: ParseLimits) -> tuple[str, object]:
    outcome, value = _parse_one(request, limits)
    if outcome == "bug":
        try:  # the parent re-raises the parser's own exception when it can travel
            pickle.dumps(value[0])
        except Exception:
            value = (ParserCrashed(value[1]), value[1])
    return outcome, value


def _parse_one(request, limits: ParseLimits) -> tuple[str, object]:
    platform, page_kind, body, url, municipality, context = request
    try:
        check_inflated_size(body, limits)
        return "ok", platforms.parse_page(platform, page_kind, body, url, municipality, context)
    except DocumentTooLarge as error:
        return "too large", error.why
    except MemoryError:
        return "too large", f"over the memory limit of {limits.memory_mib} MiB"
    except RecursionError:
        return "ParseError", "document nested too deeply to parse"
    except (ParseError, SchemaError) as error:
        name = "SchemaError" if isinstance(error, SchemaError) else "ParseError"
        return name, str(error)
    except Exception as error:  # a bug in a parser: the parent raises it, not bad input
        return "bug", (error, traceback.format_exc())


def _cap_address_space(extra: int) -> None:
    """Allow ``extra`` bytes beyond the address space the worker already has."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # not Linux: the time limit still holds
        return
    resource.setrlimit(resource.RLIMIT_AS, (current + extra, current + extra))


def check_inflated_size(body: bytes, limits: ParseLimits) -> None:
    """Raise DocumentTooLarge when the compressed parts inflate past the budget, or a
    PDF has too many pages. Inflated bytes are counted and dropped, never kept."""
    budget = limits.decompressed_mib * MIB
    head = body[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        _check_pdf(memoryview(body), budget, limits.pages)
    elif head.startswith(b"PK\x03\x04"):
        _check_zip(body, budget)
    elif head.startswith(b"\x1f\x8b"):
        _check_gzip(body, budget)


def _check_pdf(body: memoryview, budget: int, max_pages: int) -> None:
    pages = len(_PDF_PAGE.findall(body))
    inflated = 0
    for match in _PDF_STREAM.finditer(body):
        size, stream_pages = _inflate_counting(body, match.end(), budget - inflated)
        inflated += size
        pages += stream_pages  # page objects packed in object streams
        if inflated > budget:
            raise DocumentTooLarge(f"streams inflate to over {budget // MIB} MiB")
    if pages > max_pages:
        raise DocumentTooLarge(f"{pages} pages, over {max_pages}")


def _inflate_counting(body: memoryview, start: int, budget: int) -> tuple[int, int]:
    """(bytes a Flate stream at ``start`` inflates to, capped just past ``budget``, page
    objects in them); (0, 0) for a stream that is not Flate."""
    inflater, size, pages, position = zlib.decompressobj(), 0, 0, start
    try:
        while not inflater.eof and position < len(body) and size <= budget:
            pending = body[position : position + _CHUNK]
            position += _CHUNK
            while pending and size <= budget:
                output = inflater.decompress(pending, budget - size + 1)
                size += len(output)
                pages += len(_PDF_PAGE.findall(output))
                pending = inflater.unconsumed_tail
    except zlib.error:
        pass  # an image or another filter: pdfminer's own business, and not a bomb
    return size, pages


def _check_zip(body: bytes, budget: int) -> None:
    try:
        members = zipfile.ZipFile(io.BytesIO(body)).infolist()
    except (zipfile.BadZipFile, ValueError):
        return  # not a readable archive: the parser will say what it is
    declared = sum(member.file_size for member in members)
    if declared > budget:
        raise DocumentTooLarge(f"archive members inflate to over {budget // MIB} MiB")


def _check_gzip(body: bytes, budget: int) -> None:
    inflater, size = zlib.decompressobj(wbits=31), 0
    try:
        pending = body
        while pending and size <= budget:
            size += len(inflater.decompress(pending, _CHUNK))
            pending = inflater.unconsumed_tail
    except zlib.error:
        return
    if size > budget:
        raise DocumentTooLarge(f"gzip data inflates to over {budget // MIB} MiB")
