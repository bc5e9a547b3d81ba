"""Property-based: random bytes and mutated real pages thrown at every parser end with
records or a clear ParseError: never another exception, never a hang."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harvest.platforms import ParseError, parse_page
from transform.schema import PageKind

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "real-pages"
SAMPLES = ROOT / "sample_sites"

# (platform, page kind, page) pairs: real pages where we have them, our samples otherwise.
SEEDS = [
    ("ktweb", PageKind.ORGANIZATIONS, REAL / "tweb-vantaa-2017" / "vantaa_tweb_haku.html"),
    (
        "ktweb",
        PageKind.MEETINGS,
        REAL / "tweb-vantaa-2017" / "vantaa_tweb_kaupunginhallitus_kokoukset.html",
    ),
    (
        "ktweb",
        PageKind.MEETING,
        REAL / "tweb-vantaa-2017" / "vantaa_tweb_kaupunginhallitus_20_3_2017.html",
    ),
    ("ktweb", PageKind.ACTION, REAL / "tweb-vantaa-2017" / "510975521.pdf"),
    ("dynasty", PageKind.ORGANIZATIONS, REAL / "dynasty-espoo-2017" / "TELIMET.HTM"),
    ("dynasty", PageKind.MEETINGS, REAL / "dynasty-espoo-2017" / "TELIN-217668.HTM"),
    ("dynasty", PageKind.MEETING, REAL / "dynasty-espoo-2017" / "2017406946.HTM"),
    ("dynasty", PageKind.ACTION, REAL / "dynasty-espoo-2017" / "2017406946-3.HTM"),
    ("cloudnc", PageKind.ORGANIZATIONS, REAL / "cloudnc-tampere-2017" / "nodes.json"),
    ("cloudnc", PageKind.MEETING, REAL / "cloudnc-tampere-2017" / "node_11292_contents.json"),
    (
        "cloudnc",
        PageKind.ACTION,
        REAL / "cloudnc-tampere-2017" / "contents_59_extended_properties.json",
    ),
]
URLS = {
    "ktweb": {
        PageKind.ORGANIZATIONS: "http://x.invalid/ktwebscr/pk_tek_tweb.htm",
        PageKind.MEETINGS: "http://x.invalid/ktwebscr/pk_kokl_tweb.htm",
        PageKind.MEETING: "http://x.invalid/ktwebscr/pk_asil_tweb.htm?+bid=130013",
        PageKind.ACTION: "http://x.invalid/ktwebbin/ktproxy2.dll?doctype=3&docid=510975521",
    },
    "dynasty": {
        PageKind.ORGANIZATIONS: "http://x.invalid/kokous/TELIMET.HTM",
        PageKind.MEETINGS: "http://x.invalid/kokous/TELIN-217668.HTM",
        PageKind.MEETING: "http://x.invalid/kokous/2017406946.HTM",
        PageKind.ACTION: "http://x.invalid/kokous/2017406946-3.HTM",
    },
    "cloudnc": {
        PageKind.ORGANIZATIONS: "http://x.invalid/api/opennc/v1/Nodes",
        PageKind.MEETING: "http://x.invalid/api/opennc/v1/Nodes(11292)/Contents()",
        PageKind.ACTION: "http://x.invalid/api/opennc/v1/Contents(59)/ExtendedProperties",
    },
}
FUZZ = settings(
    max_examples=25,
    deadline=5000,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

needs_real_pages = pytest.mark.skipif(not REAL.is_dir(), reason=f"real pages not found at {REAL}")


def parse_or_refuse(platform, page_kind, body):
    """The contract: a result dict, or ParseError. Anything else fails the test."""
    try:
        result = parse_page(platform, page_kind, body, URLS[platform][page_kind], "fuzz", {})
    except ParseError as error:
        assert "\n" not in str(error).strip()
        return None
    assert set(result) >= {"page", "organizations", "meetings", "actions"}
    return result


@pytest.mark.parametrize("platform,page_kind", [(p, k) for p in URLS for k in URLS[p]])
@FUZZ
@given(body=st.binary(max_size=4096))
def test_random_bytes(platform, page_kind, body):
    parse_or_refuse(platform, page_kind, body)


def mutate(page: bytes, data) -> bytes:
    """Cut, duplicate, flip and splice pieces of a real page."""
    body = bytearray(page)
    for _ in range(data.draw(st.integers(1, 6))):
        if not body:
            break
        at = data.draw(st.integers(0, len(body) - 1))
        action = data.draw(st.sampled_from(["truncate", "delete", "flip", "insert", "repeat"]))
        if action == "truncate":
            del body[at:]
        elif action == "delete":
            del body[at : at + data.draw(st.integers(1, 200))]
        elif action == "flip":
            body[at] = data.draw(st.integers(0, 255))
        elif action == "insert":
            body[at:at] = data.draw(st.binary(min_size=1, max_size=50))
        else:
            body[at:at] = body[at : at + data.draw(st.integers(1, 300))]
    return bytes(body)


@needs_real_pages
@pytest.mark.parametrize(
    "platform,page_kind,path", SEEDS, ids=[f"{p}-{k}-{f.name}" for p, k, f in SEEDS]
)
@FUZZ
@given(data=st.data())
def test_mutated_real_pages(platform, page_kind, path, data):
    parse_or_refuse(platform, page_kind, mutate(path.read_bytes(), data))


@pytest.mark.parametrize(
    "platform,page_kind,path", SEEDS, ids=[f"{p}-{k}-{f.name}" for p, k, f in SEEDS]
)
@needs_real_pages
def test_the_unmutated_seeds_parse(platform, page_kind, path):
    """The fuzzing starts from pages that parse, so a mutation is what breaks them."""
    assert parse_or_refuse(platform, page_kind, path.read_bytes()) is not None
