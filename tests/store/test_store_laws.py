"""Law: checking drafts against a claim store finds exactly what checking in memory finds."""

from __future__ import annotations

import tempfile
from pathlib import Path

from claimkit import claim_sets
from hypothesis import given, settings
from hypothesis import strategies as st
from test_store import dumped, put_claims

from numcheck.claims import Claim
from numcheck.rules.engine import run_rules
from numcheck.rules.load import load_rules
from numcheck.store import ClaimStore

PACK = load_rules()


@settings(max_examples=60, deadline=None)
@given(claims=claim_sets(), data=st.data())
def test_findings_from_the_store_equal_findings_in_memory(
    claims: list[Claim], data: st.DataObject
) -> None:
    documents = sorted({c.document for c in claims}) or ["doc-0"]
    drafts = frozenset(data.draw(st.lists(st.sampled_from(documents), min_size=1, unique=True)))
    draft_claims = [c for c in claims if c.document in drafts]
    with (
        tempfile.TemporaryDirectory() as folder,
        ClaimStore(Path(folder) / "claims.sqlite", create=True) as store,
    ):
        put_claims(store, PACK, [c for c in claims if c.document not in drafts])
        from_store = run_rules(draft_claims, PACK, drafts, archive=store)
    assert dumped(from_store) == dumped(run_rules(claims, PACK, drafts))
