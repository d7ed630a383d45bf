"""Report formats, one module each; ``render`` picks one by name."""

from __future__ import annotations

from collections.abc import Callable

from numcheck.findings import Report
from numcheck.report.json import render_json
from numcheck.report.text import render_text

Renderer = Callable[[Report], str]

FORMATS: dict[str, Renderer] = {"text": render_text, "json": render_json}


def render(report: Report, format: str) -> str:
    try:
        renderer = FORMATS[format]
    except KeyError:
        raise ValueError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}") from None
    return renderer(report)


__all__ = ["FORMATS", "render"]
