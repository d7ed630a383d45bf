"""The JSON report: the contract scripts outside the project rely on (version 1)."""

from __future__ import annotations

import json

from numcheck.findings import Report


def render_json(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
