"""Project configuration: ``[tool.numcheck]`` in pyproject.toml, or a numcheck.toml.

The file is found in the working directory or the nearest parent (a numcheck.toml wins
over a pyproject.toml in the same folder; a pyproject.toml without ``[tool.numcheck]``
is passed over). Paths in it are relative to the file. Command-line flags override it.
An invalid file is an error that names the file, the line and the key.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from numcheck.ci.suppressions import UNUSED_RULE
from numcheck.documents.select import DEFAULT_EXCLUDE, Selection
from numcheck.findings import Severity
from numcheck.rules.kinds import RULE_ADAPTER, with_options
from numcheck.rules.load import RulePack, load_rules
from numcheck.rules.schema import Rule
from numcheck.rules.yaml_source import RuleFileError
from numcheck.vocabulary import bundled_rules_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

FailOn = Literal["error", "warning", "info", "never"]
Show = Literal["error", "warning", "info"]
CONFIG_NAMES = ("numcheck.toml", "pyproject.toml")


class Config(BaseModel):
    """What a newsroom sets once for every run (all optional)."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", alias_generator=lambda name: name.replace("_", "-")
    )

    rules: tuple[Path, ...] = Field(
        default=(), description="rule files or folders (replace the bundled pack)"
    )
    extend_rules: tuple[Path, ...] = Field(
        default=(), description="rule files or folders added to the bundled pack"
    )
    rule_options: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="[rules.<id>] tables: a rule's options and severity"
    )
    enable: tuple[str, ...] = Field(default=(), description="rule ids to turn on")
    disable: tuple[str, ...] = Field(default=(), description="rule ids to turn off")
    severity: dict[str, Severity] = Field(default_factory=dict, description="rule id: severity")
    fail_on: FailOn | None = Field(default=None, description="lowest severity that fails a run")
    show: Show | None = Field(default=None, description="lowest severity printed")
    archive: tuple[Path, ...] = Field(default=(), description="published articles to check against")
    meta: Path | None = Field(default=None, description="metadata file (YAML or CSV)")
    baseline: Path | None = Field(default=None, description="accepted findings (JSON)")
    store: Path | None = Field(default=None, description="claim store of the archive")
    scheduler: str | None = Field(
        default=None, description="Dask scheduler to extract on (tcp://host:8786)"
    )
    exclude: tuple[str, ...] | None = Field(
        default=None, description="patterns folder walks skip (replaces the default list)"
    )
    extend_exclude: tuple[str, ...] = Field(
        default=(), description="patterns folder walks skip, besides the default list"
    )
    respect_gitignore: bool = Field(default=True, description="folder walks honour .gitignore")
    fail_on_unreadable: bool = Field(
        default=True, description="an input that cannot be read fails the run (exit 2)"
    )

    @model_validator(mode="before")
    @classmethod
    def _rules_table(cls, data: Any) -> Any:
        """``[rules.<id>]`` tables set options; ``[rules] paths = [...]`` then names packs."""
        if isinstance(data, dict) and isinstance(data.get("rules"), dict):
            table = dict(data["rules"])
            paths = table.pop("paths", [])
            return {**data, "rules": paths, "rule-options": table}
        return data


class LoadedConfig(BaseModel):
    """A configuration and the file it came from (None: no file, all defaults)."""

    model_config = ConfigDict(frozen=True)

    config: Config = Config()
    path: Path | None = None


def _table(path: Path) -> tuple[str, ...]:
    return ("tool", "numcheck") if path.name == "pyproject.toml" else ()


_ANY_HEADER = re.compile(r"^\s*\[\[?\s*[\w.\-\s\"']+\]\]?\s*(?:#.*)?$")


def _header_line(lines: list[str], parts: tuple[str, ...]) -> int | None:
    """Index of the ``[a.b]`` header line; -1 for the top level of the file."""
    if not parts:
        return -1
    dotted = r"\s*\.\s*".join(re.escape(p) for p in parts)
    pattern = re.compile(r"^\s*\[\s*" + dotted + r"\s*\]\s*(?:#.*)?$")
    return next((i for i, line in enumerate(lines) if pattern.match(line)), None)


def _key_line(lines: list[str], header: int, key: str) -> int | None:
    """Index of ``key = ...`` in the table that starts after line ``header``."""
    pattern = re.compile(r"""^\s*["']?""" + re.escape(key) + r"""["']?\s*=""")
    for i in range(header + 1, len(lines)):
        if _ANY_HEADER.match(lines[i]):
            return None
        if pattern.match(lines[i]):
            return i
    return None


def _line_of(text: str, table: tuple[str, ...], location: tuple[str | int, ...]) -> int | None:
    """Best-effort 1-based line of a key: the deepest ``key =`` found under its table."""
    lines = text.splitlines()
    keys = [k for k in location if isinstance(k, str)]
    for depth in range(len(keys), 0, -1):
        header = _header_line(lines, (*table, *keys[: depth - 1]))
        line = None if header is None else _key_line(lines, header, keys[depth - 1])
        if line is not None:
            return line + 1
    header = _header_line(lines, table)
    return header + 1 if header is not None and header >= 0 else None


def find_config(start: Path) -> Path | None:
    """The configuration file for runs in ``start``: there or in the nearest parent."""
    for folder in [start.resolve(), *start.resolve().parents]:
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def _has_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return True  # let load_config report what is wrong with it
    return isinstance(data.get("tool"), dict) and "numcheck" in data["tool"]


def load_config(path: Path) -> LoadedConfig:
    """Read and validate ``path``; errors name the file, line and key."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, f"cannot read configuration: {exc}") from exc
    try:
        data: Any = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        raise RuleFileError(
            path, f"invalid TOML: {exc}", int(match.group(1)) if match else None
        ) from exc
    except RecursionError as exc:  # tomllib recurses into nested arrays
        raise RuleFileError(path, "invalid TOML: nested too deep") from exc
    table = _table(path)
    for key in table:
        data = data.get(key, {}) if isinstance(data, dict) else {}
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        dotted = ".".join(str(p) for p in (*table, *error["loc"]))
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise RuleFileError(
            path, f"{dotted}: {error['msg']}{more}", _line_of(text, table, error["loc"])
        ) from exc
    folder = path.parent
    resolved = config.model_copy(
        update={
            "rules": tuple(folder / p for p in config.rules),
            "extend_rules": tuple(folder / p for p in config.extend_rules),
            "archive": tuple(folder / p for p in config.archive),
            **{
                key: folder / value
                for key in ("meta", "baseline", "store")
                if (value := getattr(config, key)) is not None
            },
        }
    )
    _check_rule_lists(resolved, path, text)
    return LoadedConfig(config=resolved, path=path)


def _check_rule_lists(config: Config, path: Path, text: str) -> None:
    both = sorted(set(config.enable) & set(config.disable))
    if both:
        raise RuleFileError(
            path,
            f"{'.'.join((*_table(path), 'disable'))}: {', '.join(both)} also enabled",
            _line_of(text, _table(path), ("disable",)),
        )


def rule_pack(
    loaded: LoadedConfig,
    rules: Sequence[str | Path] = (),
    extend: Sequence[str | Path] = (),
) -> RulePack:
    """The rules a run uses: ``rules`` (else the configuration's, else the bundled pack)
    plus the ``extend`` packs (command line, then configuration)."""
    base: list[str | Path] = [*(rules or loaded.config.rules)] or [bundled_rules_dir()]
    extra = [*extend, *loaded.config.extend_rules]
    return load_rules([*base, *extra])


def configure_pack(
    pack: RulePack,
    loaded: LoadedConfig,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> RulePack:
    """The pack with the configuration's enable, disable, severity and rule options
    applied, then the command line's ``select`` (only these rules) and ``ignore``.

    A rule id the pack does not have is an error: a typo would silently check nothing.
    """
    path = loaded.path or Path("<config>")
    text = path.read_text(encoding="utf-8-sig") if loaded.path else ""
    _require_known_ids(pack, loaded.config, path, text, select, ignore)
    rules = tuple(
        _configured(rule, loaded.config, path, text, select, ignore) for rule in pack.rules
    )
    return RulePack(rules, pack.folders)


def _require_known_ids(
    pack: RulePack,
    config: Config,
    path: Path,
    text: str,
    select: Sequence[str],
    ignore: Sequence[str],
) -> None:
    known = {r.id for r in pack.rules} | {UNUSED_RULE}
    listing = f"(rules: {', '.join(sorted(known))})"
    table = _table(path)
    for key, ids in (
        ("enable", config.enable),
        ("disable", config.disable),
        ("severity", tuple(config.severity)),
        ("rules", tuple(config.rule_options)),
    ):
        for rule_id in (i for i in ids if i not in known):
            location = (key,) if key in ("enable", "disable") else (key, rule_id)
            raise RuleFileError(
                path,
                f"{'.'.join((*table, *location))}: no rule {rule_id!r} {listing}",
                _line_of(text, table, location),
            )
    for flag, flagged in (("--select", select), ("--ignore", ignore)):
        for rule_id in (i for i in flagged if i not in known):
            raise RuleFileError(flag, f"no rule {rule_id!r} {listing}")


def _configured(
    rule: Rule[Any],
    config: Config,
    path: Path,
    text: str,
    select: Sequence[str],
    ignore: Sequence[str],
) -> Rule[Any]:
    """One rule as the configuration, then ``--select``/``--ignore``, set it."""
    update: dict[str, Any] = {}
    if rule.id in config.enable:
        update["enabled"] = True
    if rule.id in config.disable:
        update["enabled"] = False
    if rule.id in config.severity:
        update["severity"] = config.severity[rule.id]
    if select:
        update["enabled"] = rule.id in select
    if rule.id in ignore:
        update["enabled"] = False
    configured = rule.model_copy(update=update) if update else rule
    if rule.id in config.rule_options:
        configured = _with_options(configured, config.rule_options[rule.id], path, text)
    return configured


_RULE_KEYS = frozenset({"severity", "enabled", "applies", "category"})


def _with_options(rule: Rule[Any], table: dict[str, Any], path: Path, text: str) -> Rule[Any]:
    """The rule with a ``[rules.<id>]`` table applied: its kind's options, and severity,
    enabled, applies or category; checked as the rule file would be."""
    top = {k: v for k, v in table.items() if k in _RULE_KEYS}
    options = {k: v for k, v in table.items() if k not in _RULE_KEYS}
    where = (*_table(path), "rules", rule.id)
    try:
        configured = with_options(rule, options) if options else rule
        if top:
            data = {**configured.model_dump(by_alias=True, mode="json"), **top}
            configured = RULE_ADAPTER.validate_python(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        keys = [str(k) for k in error["loc"] if k not in ("options", rule.check)]
        dotted = ".".join((*where, *keys[:1]))
        raise RuleFileError(
            path, f"{dotted}: {error['msg']}", _line_of(text, where, tuple(keys[:1]))
        ) from exc
    return configured


def selection(loaded: LoadedConfig, extend_exclude: Sequence[str] = ()) -> Selection:
    """How folders are walked: the configuration's patterns, relative to its folder."""
    config = loaded.config
    return Selection(
        exclude=DEFAULT_EXCLUDE if config.exclude is None else config.exclude,
        extend_exclude=(*config.extend_exclude, *extend_exclude),
        respect_gitignore=config.respect_gitignore,
        base=loaded.path.parent if loaded.path else None,
    )


def unused_suppression_severity(loaded: LoadedConfig) -> Severity | None:
    """The severity of ``unused-suppression`` findings; None when the rule is disabled."""
    config = loaded.config
    if UNUSED_RULE in config.disable:
        return None
    return config.severity.get(UNUSED_RULE, Severity.WARNING)
