"""The one YAML reader for every file numcheck reads: front matter, ``--meta``, vocabularies,
rule files.

These files come from outside the newsroom's control (a draft's front matter, a shared
metadata sheet), so beyond PyYAML's safe loader (plain data, no tags that run code) this
reader refuses what would hang or exhaust a run: anchors and aliases (a 391-byte "billion
laughs" file expands to gigabytes), files over a size cap, nesting past a depth cap (the
composer recurses), too many nodes; and it refuses duplicate keys, which YAML forbids but
PyYAML silently resolves to the last one. Every refusal names the line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MAX_BYTES = 2_000_000
MAX_DEPTH = 64
MAX_NODES = 200_000


class YamlProblem(ValueError):
    """YAML numcheck will not read; ``line`` is 1-based (None when no line applies)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(f"line {line}: {message}" if line else message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class ParsedYaml:
    """The data and its node tree (for the line of any key)."""

    data: Any
    root: yaml.Node | None


def _line(node_or_mark: Any) -> int | None:
    mark = getattr(node_or_mark, "start_mark", node_or_mark)
    return mark.line + 1 if mark is not None else None


class _Loader(yaml.SafeLoader):
    """Safe loader that counts what it composes and refuses aliases and duplicate keys."""

    def __init__(self, stream: str, max_depth: int, max_nodes: int) -> None:
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0
        self._max_depth = max_depth
        self._max_nodes = max_nodes

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem("aliases (*name) are not accepted; write the value out", _line(event))
        if getattr(event, "anchor", None):
            raise YamlProblem("anchors (&name) are not accepted; write the value out", _line(event))
        self._nodes += 1
        if self._nodes > self._max_nodes:
            raise YamlProblem(f"more than {self._max_nodes:,} values", _line(event))
        self._depth += 1
        if self._depth > self._max_depth:
            raise YamlProblem(f"nested more than {self._max_depth} levels deep", _line(event))
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except YamlProblem:
            raise
        except (ValueError, OverflowError) as exc:
            # the constructor builds dates and numbers: "published: 2024-02-30"
            shown = str(node.value)
            shown = shown if len(shown) <= 40 else shown[:40] + "..."
            raise YamlProblem(f"invalid value {shown!r}: {exc}", _line(node)) from exc

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError as exc:
                raise YamlProblem("a key must be a plain value", _line(key_node)) from exc
            if duplicate:
                raise YamlProblem(f"duplicate key {key!r}", _line(key_node))
        return super().construct_mapping(node, deep=deep)


def parse_yaml(
    text: str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES
) -> ParsedYaml:
    """Plain data from YAML ``text``, or ``YamlProblem`` saying why not and on which line.

    Impossible dates (``2024-02-30``) and other values PyYAML cannot build are problems
    too, not exceptions of their own.
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise YamlProblem(f"{size:,} bytes, more than the {max_bytes:,} accepted")
    try:
        loader = _Loader(text, max_depth, max_nodes)
    except yaml.YAMLError as exc:  # a character YAML does not allow: binary data
        raise YamlProblem(f"invalid YAML: {exc}".split("\n")[0]) from exc
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlProblem(f"invalid YAML: {exc.problem or exc.context}", _line(mark)) from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(f"invalid YAML: {exc}") from exc
    except RecursionError as exc:
        raise YamlProblem(f"nested too deep: {exc}") from exc
    finally:
        loader.dispose()
    return ParsedYaml(data, root)


class RuleFileError(ValueError):
    """A rule, case or config file that cannot be used: names the file and line."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
        self.path = str(path)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class YamlSource:
    """Parsed YAML data and its node tree, to find the line of any path in it."""

    path: Path
    data: Any
    root: yaml.Node | None

    def line_of(self, location: Sequence[str | int]) -> int | None:
        """1-based line of the deepest node on ``location`` (a pydantic error ``loc``)."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for key in location:
            if isinstance(node, yaml.MappingNode):
                found = next((v for k, v in node.value if k.value == str(key)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                found = node.value[key] if 0 <= key < len(node.value) else None
            else:
                found = None
            if found is None:
                break
            node = found
            line = node.start_mark.line + 1
        return line


def read_capped(path: Path, max_bytes: int) -> str:
    """The UTF-8 text of ``path``; ``YamlProblem`` (no line) past ``max_bytes``, checked
    before reading, so a 100 MB file is refused at once."""
    size = path.stat().st_size
    if size > max_bytes:
        raise YamlProblem(f"{size:,} bytes, more than the {max_bytes:,} accepted")
    return path.read_text(encoding="utf-8")


def read_yaml(path: Path) -> YamlSource:
    """Read ``path`` with numcheck's safe YAML reader (``safe_yaml``): plain data only."""
    try:
        parsed = parse_yaml(read_capped(path, MAX_BYTES))
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, f"cannot read: {exc}") from exc
    except YamlProblem as exc:
        raise RuleFileError(path, exc.message, exc.line) from exc
    return YamlSource(path, parsed.data, parsed.root)
