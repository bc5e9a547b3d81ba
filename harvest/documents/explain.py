"""`avoin parse --explain`: how an item document was read, block by block, for staff
checking a template the parser has not seen."""

from __future__ import annotations

from harvest.documents.layout import DocumentReading

_PREVIEW = 70


def explain(reading: DocumentReading) -> str:
    lines = [
        f"format: {reading.format}    layout: {reading.layout}    lines: {reading.line_count}",
        f"title: {reading.title!r}",
        f"register id: {reading.register_id!r}",
    ]
    lines += [
        f"history: {entry['organization']} {entry['date']} § {entry['article_number']}"
        for entry in reading.history
    ]
    lines.append("blocks (page, distance from top, type, label | text):")
    for block in reading.blocks:
        where = f"p{block.page or '-'} {block.top if block.top is not None else '-':>6}"
        kind = str(block.kind) if block.known else f"{block.kind} (unknown label)"
        text = " ".join(block.text.split())
        preview = text[:_PREVIEW] + ("…" if len(text) > _PREVIEW else "")
        label = repr(block.label) if block.label else "(no label)"
        lines.append(f"  {where}  {kind:<26} {label:<40} | {preview}")
    unknown = ", ".join(repr(label) for label in reading.unknown_labels) or "none"
    lines.append(f"unknown labels: {unknown}")
    lines.append(f"text in known sections: {reading.known_share:.0%}")
    return "\n".join(lines)
