"""Welfare regions beside the towns they serve.

Since 1.1.2023 a town's social, health and rescue matters are decided by its welfare region,
a source of its own (data/sources.toml, ``kind = "welfare_region"``, ``serves``). A citizen
who looks for such a decision on the town's page is shown the region; the region's page names
the towns it serves.
"""

from __future__ import annotations

WELFARE_REGION = "welfare_region"


def is_welfare_region(municipality: dict) -> bool:
    return municipality.get("kind") == WELFARE_REGION


def with_welfare_links(municipalities: list[dict]) -> list[dict]:
    """Each record with ``served_by`` (the regions serving a town) and ``serves_shown`` (the
    towns a region serves, as we hold them), each a list of ``{"id", "name"}``.

    A served town that is not in the archive is left out of ``serves_shown``: the page links
    only what exists.
    """
    by_id = {record["id"]: record for record in municipalities}
    served_by: dict[str, list[dict]] = {record["id"]: [] for record in municipalities}
    serves_shown: dict[str, list[dict]] = {record["id"]: [] for record in municipalities}
    for region in filter(is_welfare_region, municipalities):
        for town_id in region.get("serves") or ():
            town = by_id.get(town_id)
            if town is None or is_welfare_region(town):
                continue
            served_by[town_id].append(_link(region))
            serves_shown[region["id"]].append(_link(town))
    return [
        {**record, "served_by": served_by[record["id"]], "serves_shown": serves_shown[record["id"]]}
        for record in municipalities
    ]


def towns_and_regions(municipalities: list[dict]) -> tuple[list[dict], list[dict]]:
    """The municipalities, then the welfare regions, each in the given order."""
    regions = [record for record in municipalities if is_welfare_region(record)]
    towns = [record for record in municipalities if not is_welfare_region(record)]
    return towns, regions


def _link(record: dict) -> dict:
    return {"id": record["id"], "name": record.get("name")}
