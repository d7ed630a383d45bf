"""Load rule packs: a folder of rule files (plus ``vocabulary/``), or single files."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from numcheck.rules.kinds import KINDS, RULE_ADAPTER
from numcheck.rules.schema import Rule
from numcheck.rules.yaml_source import RuleFileError, read_yaml
from numcheck.vocabulary import Vocabulary, bundled_rules_dir, load_vocabulary

# Folders inside a rule pack that hold data other than rules.
_NOT_RULES = frozenset({"vocabulary", "cases"})


@dataclass(frozen=True)
class RulePack:
    """Rules to run and the folders whose vocabularies extend the bundled one."""

    rules: tuple[Rule[Any], ...]
    folders: tuple[Path, ...] = field(default=())

    @property
    def vocabulary(self) -> Vocabulary:
        return load_vocabulary(*self.folders)

    def enabled(self) -> tuple[Rule[Any], ...]:
        return tuple(r for r in self.rules if r.enabled)


def load_rule_file(path: Path) -> Rule[Any]:
    """One rule, validated; errors name the file and the line."""
    source = read_yaml(path)
    if not isinstance(source.data, dict):
        raise RuleFileError(path, "a rule file is a YAML mapping", source.line_of(()))
    try:
        return RULE_ADAPTER.validate_python(source.data)
    except ValidationError as exc:
        error = exc.errors()[0]
        location = list(error["loc"])
        if location and location[0] in KINDS:
            location = location[1:]  # pydantic names the kind first; the file does not
        dotted = ".".join(str(p) for p in location) or "(top level)"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise RuleFileError(
            path, f"{dotted}: {error['msg']}{more}", source.line_of(location)
        ) from exc


def rule_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*.y*ml")
        if p.suffix in (".yaml", ".yml") and not _NOT_RULES & set(p.relative_to(folder).parts)
    )


@cache
def bundled_pack() -> RulePack:
    """The bundled pack, read once per process: it ships inside the installed package,
    and reading its YAML for every ``numcheck.extract`` call cost a sixth of the time."""
    return load_rules()


def load_rules(paths: Path | str | Sequence[Path | str] | None = None) -> RulePack:
    """The rules in ``paths`` (files or folders); the bundled pack when none are given.

    Raises ``RuleFileError`` naming the file and line of the first invalid rule, and on
    two rules that share an id.
    """
    if paths is None:
        paths = [bundled_rules_dir()]
    elif isinstance(paths, (str, Path)):
        paths = [paths]
    rules: list[Rule[Any]] = []
    folders: list[Path] = []
    seen: dict[str, Path] = {}
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise RuleFileError(path, "no such rule file or folder")
        files: Iterable[Path] = rule_files(path) if path.is_dir() else [path]
        if path.is_dir():
            folders.append(path)
        for file in files:
            rule = load_rule_file(file)
            if rule.id in seen:
                raise RuleFileError(file, f"rule id {rule.id!r} is also defined in {seen[rule.id]}")
            seen[rule.id] = file
            rules.append(rule)
    return RulePack(tuple(rules), tuple(folders))
