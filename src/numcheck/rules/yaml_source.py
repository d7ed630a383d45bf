"""Safe YAML with line numbers, so an error in a rule file names its line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


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


def read_yaml(path: Path) -> YamlSource:
    """Read ``path`` with the safe loader: plain data only, no tags that run code."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(path, f"cannot read: {exc}") from exc
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise RuleFileError(path, f"invalid YAML: {exc.problem}", line) from exc
    except yaml.YAMLError as exc:
        raise RuleFileError(path, f"invalid YAML: {exc}") from exc
    return YamlSource(path, data, root)
