"""Write the CloudNC sample sites from ``sample_sites/cloudnc/content.py``.

Example:
    python -m sample_sites.cloudnc.generate            # rewrites sample_sites/cloudnc/<site>/
    python -m sample_sites.cloudnc.generate --out /tmp/sites

Each site gets one JSON file per API response and a ``manifest.json`` for harvest/replay.py.
The output depends only on the content (no clock, no randomness): a rerun is byte-identical.
"""

from __future__ import annotations

import argparse
import json
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sample_sites.attachment_files import attachment_file
from sample_sites.cloudnc import odata
from sample_sites.cloudnc.content import SITES
from sample_sites.cloudnc.model import CloudncSite, Meeting, Organ

PLATFORM = "cloudnc"
MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = 1
SAMPLE_SITES_ROOT = Path(__file__).resolve().parent.parent
JSON_CONTENT_TYPE = "application/json; odata=minimalmetadata; charset=utf-8"


@dataclass(frozen=True)
class Response:
    """One recorded API response and the GET request it answers."""

    path: str
    kind: str
    file: str
    content: bytes
    last_modified: datetime
    content_type: str = JSON_CONTENT_TYPE
    query: str = ""

    def manifest_entry(self) -> dict:
        return {
            "method": "GET",
            "path": self.path,
            "query": self.query,
            "body": None,
            "kind": self.kind,
            "file": self.file,
            "content_type": self.content_type,
            "last_modified": self.last_modified.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }


def generate(out_root: Path = SAMPLE_SITES_ROOT) -> list[Path]:
    """Write every site under ``out_root/cloudnc/<municipality>/``; returns the site dirs."""
    return [write_site(site, out_root / PLATFORM / site.municipality) for site in SITES]


def write_site(site: CloudncSite, site_dir: Path) -> Path:
    responses = site_responses(site)
    _clear_site_dir(site_dir)
    for response in responses:
        target = site_dir / response.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(response.content)
    manifest = {
        "format": MANIFEST_FORMAT,
        "platform": PLATFORM,
        "municipality": site.municipality,
        "base_path": "/",
        "entries": [response.manifest_entry() for response in responses],
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (site_dir / MANIFEST_NAME).write_text(text, encoding="utf-8")
    return site_dir


def site_responses(site: CloudncSite) -> list[Response]:
    responses = [
        Response("/robots.txt", "robots", "robots.txt", site.robots_txt.encode("utf-8"),
                 site.installed, "text/plain; charset=utf-8"),
        _nodes(site, "Nodes", "sections", [
            odata.node(section.node_id, site.root_parent, section.names, site.installed, 0)
            for section in site.sections
        ]),
    ]  # fmt: skip
    for section in (section for section in site.sections if section.organs):
        responses.append(_subnodes(site, section.node_id, "organs", [
            odata.node(organ.node_id, section.node_id, organ.names, site.installed, 0)
            for organ in section.organs
        ]))  # fmt: skip
        for organ in section.organs:
            responses.extend(_organ_responses(site, organ))
    _check_unique(site, responses)
    return sorted(responses, key=lambda response: (response.path, response.query))


def _organ_responses(site: CloudncSite, organ: Organ) -> list[Response]:
    children = [
        odata.node(folder.node_id, organ.node_id, folder.names, site.installed, 0)
        for folder in organ.folders
    ]
    children += [odata.meeting_node(meeting, organ.node_id) for meeting in organ.meetings]
    responses = [_subnodes(site, organ.node_id, "organ_children", children)]
    for folder in organ.folders:
        meetings = [odata.meeting_node(meeting, folder.node_id) for meeting in folder.meetings]
        responses.append(_subnodes(site, folder.node_id, "meeting_list", meetings))
    for meeting in organ.all_meetings():
        responses.extend(_meeting_responses(site, meeting))
    return responses


def _meeting_responses(site: CloudncSite, meeting: Meeting) -> list[Response]:
    published = meeting.published_at()
    contents = odata.collection(site, "Contents", odata.meeting_contents(meeting))
    responses = [
        Response(
            f"{odata.API_PATH}Nodes({meeting.node_id})/Contents()",
            "meeting",
            f"api/opennc/v1/nodes/{meeting.node_id}-contents.json",
            contents,
            published,
        )
    ]
    for ordering in range(1, len(meeting.items) + 1):
        content_id = meeting.content_id(ordering)
        properties = odata.item_properties(meeting, ordering)
        responses.append(Response(
            f"{odata.API_PATH}Contents({content_id})/ExtendedProperties", "item",
            f"api/opennc/v1/contents/{content_id}-extended-properties.json",
            odata.collection(site, "ExtendedProperties", properties), published,
        ))  # fmt: skip
        responses.extend(_attachment_responses(meeting, ordering))
    return responses


def _attachment_responses(meeting: Meeting, ordering: int) -> list[Response]:
    """The files of an item's public attachments, behind ``download.aspx?ID=..&GUID=..``."""
    item = meeting.items[ordering - 1]
    content_id = meeting.content_id(ordering)
    responses = []
    for number, attachment in enumerate(item.attachments, start=1):
        if not attachment.public:
            continue
        text = attachment.text or _default_text(item, meeting)
        body, content_type = attachment_file(
            attachment.name, text, meeting.published_at(), attachment.scanned
        )
        suffix = attachment.name.rsplit(".", 1)[-1].lower()
        responses.append(Response(
            "/download.aspx", "attachment", f"download/{content_id}-{number}.{suffix}", body,
            meeting.published_at(), content_type, odata.attachment_query(content_id, number),
        ))  # fmt: skip
    return responses


def _default_text(item, meeting: Meeting) -> str:
    """What an attachment without text of its own says: the item it belongs to."""
    language = item.language or meeting.language
    word = {"fi": "Liite asiaan", "sv": "Bilaga till ärendet"}[language]
    return f"{word} {item.title}."


def _nodes(site: CloudncSite, path: str, kind: str, nodes: list[dict]) -> Response:
    return Response(
        f"{odata.API_PATH}{path}",
        kind,
        "api/opennc/v1/nodes.json",
        odata.collection(site, "Nodes", nodes),
        site.installed,
    )


def _subnodes(site: CloudncSite, node_id: int, kind: str, nodes: list[dict]) -> Response:
    # A list changes when a meeting is added to it: its newest node date is its date.
    newest = max((datetime.fromisoformat(node["Date"]) for node in nodes), default=None)
    last_modified = newest.replace(tzinfo=site.installed.tzinfo) if newest else site.installed
    return Response(
        f"{odata.API_PATH}Nodes({node_id})/SubNodes()",
        kind,
        f"api/opennc/v1/nodes/{node_id}-subnodes.json",
        odata.collection(site, "Nodes", nodes),
        last_modified,
    )


def _check_unique(site: CloudncSite, responses: list[Response]) -> None:
    paths = [(response.path, response.query) for response in responses]
    files = [response.file for response in responses]
    if len(set(paths)) != len(paths) or len(set(files)) != len(files):
        raise ValueError(f"{site.municipality}: two responses for one request or file")


def _clear_site_dir(site_dir: Path) -> None:
    """Remove the previous output, but never a directory this generator did not write."""
    if not site_dir.exists():
        return
    if any(site_dir.iterdir()) and not (site_dir / MANIFEST_NAME).exists():
        raise FileExistsError(f"{site_dir} exists without {MANIFEST_NAME}; not overwriting it")
    shutil.rmtree(site_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the CloudNC sample sites.")
    parser.add_argument(
        "--out",
        type=Path,
        default=SAMPLE_SITES_ROOT,
        help="root directory (default: sample_sites/)",
    )
    args = parser.parse_args(argv)
    for site_dir in generate(args.out):
        print(f"wrote {site_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
