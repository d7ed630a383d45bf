"""JSON Schemas of the public data: claims, reports and rule files."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from numcheck.claims import Claim
from numcheck.findings import Report
from numcheck.rules.kinds import RULE_ADAPTER

SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "claims": Claim.model_json_schema,
    "report": Report.model_json_schema,
    "rules": RULE_ADAPTER.json_schema,
}


def schema_json(which: str) -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **SCHEMAS[which]()}
    return json.dumps(schema, indent=2) + "\n"
