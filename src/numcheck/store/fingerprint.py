"""What a claim store's contents depend on: the pair rules, the vocabulary, and extraction.

A store keyed with one pack answers wrongly for another (a new synonym moves claims to
other groups), and claims extracted by another numcheck, language data or parser
pipeline are not the claims this one would read; so the store records this fingerprint
and refuses a run that differs. Severity, messages and descriptions are left out:
editing them needs no re-index.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata

from numcheck.extract.frames.parse import ParserMissing, pipeline_name
from numcheck.language.data import data_fingerprint
from numcheck.rules.checks.base import PairCheck
from numcheck.rules.kinds import build_check
from numcheck.rules.load import RulePack
from numcheck.vocabulary import vocabulary_files


def pair_checks(pack: RulePack) -> list[tuple[str, PairCheck]]:
    """The enabled pair checks of a pack with their rule ids: what a store keys claims by."""
    vocabulary = pack.vocabulary
    checks = [(rule.id, build_check(rule, vocabulary)) for rule in pack.enabled()]
    return [(rule, check) for rule, check in checks if isinstance(check, PairCheck)]


def pack_fingerprint(pack: RulePack) -> str:
    """A hash of the enabled pair rules' ids, checks, options and selections, and the
    vocabulary files."""
    digest = hashlib.sha256()
    keyed = {rule_id for rule_id, _ in pair_checks(pack)}
    rules = sorted(
        (
            rule.model_dump(mode="json", include={"id", "check", "options", "select"})
            for rule in pack.enabled()
            if rule.id in keyed
        ),
        key=lambda rule: str(rule["id"]),
    )
    digest.update(json.dumps(rules, sort_keys=True).encode("utf-8"))
    digest.update(extraction_fingerprint().encode())
    for name, paths in vocabulary_files(*pack.folders).items():
        for path in paths:
            digest.update(f"\0{name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def extraction_fingerprint() -> str:
    """The numcheck version, its language data, the lemma dictionary and the parser."""
    try:
        pipeline = pipeline_name()
        parser = f"{pipeline}=={metadata.version(pipeline.replace('_', '-'))}"
    except (ParserMissing, metadata.PackageNotFoundError):
        parser = "no parser"
    return f"{data_fingerprint()}/lemminflect=={metadata.version('lemminflect')}/{parser}"
