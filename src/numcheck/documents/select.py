"""Which files a folder walk reads: documents, not a repository's tooling or its archive.

``numcheck check .`` in a newsroom repository must not read ``.git/``, a virtual
environment or ``node_modules/`` as drafts. As ruff does, a walk skips hidden entries
and a default list of folders (``exclude`` replaces it, ``extend-exclude`` adds to it),
honours ``.gitignore`` files, and takes patterns in ``.gitignore`` syntax. A file named
explicitly (pre-commit passes the changed files) is always read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pathspec import GitIgnoreSpec

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"})
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".tox",
    ".nox",
    "build",
    "dist",
    "site-packages",
)


@dataclass(frozen=True)
class Selection:
    """How folders are walked: patterns to skip, and whether ``.gitignore`` counts.

    ``outside`` are paths whose files a walk leaves out (the archive, when walking the
    drafts). Patterns are in ``.gitignore`` syntax, matched against paths relative to
    ``base`` (the configuration's folder; default the working directory), or to the
    folder walked for paths outside it.
    """

    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    outside: tuple[Path, ...] = field(default=())
    base: Path | None = None

    @cached_property
    def _patterns(self) -> GitIgnoreSpec:
        return GitIgnoreSpec.from_lines([*self.exclude, *self.extend_exclude])

    @cached_property
    def _outside(self) -> tuple[Path, ...]:
        return tuple(p.resolve() for p in self.outside)

    def files(self, path: Path) -> Iterator[Path]:
        """The document files ``path`` names: itself, or those a walk of the folder keeps."""
        if not path.is_dir():
            yield path
            return
        ignores = _gitignores_above(path) if self.respect_gitignore else []
        yield from self._walk(path, path, ignores)

    def _walk(self, root: Path, folder: Path, ignores: list[_Ignore]) -> Iterator[Path]:
        if self.respect_gitignore and (folder / ".gitignore").is_file():
            ignores = [*ignores, _Ignore.read(folder)]
        try:
            children = sorted(folder.iterdir())
        except OSError:
            return
        for child in children:
            is_dir = child.is_dir()
            if child.name.startswith(".") or self._skipped(root, child, is_dir, ignores):
                continue
            if is_dir:
                yield from self._walk(root, child, ignores)
            # a dangling symlink is kept: reading it fails, and the report says so
            elif child.suffix.lower() in SUFFIXES and (child.is_file() or child.is_symlink()):
                yield child

    def _skipped(self, root: Path, child: Path, is_dir: bool, ignores: list[_Ignore]) -> bool:
        resolved = child.resolve()
        try:
            relative = resolved.relative_to((self.base or Path.cwd()).resolve()).as_posix()
        except ValueError:
            relative = child.relative_to(root).as_posix()
        if self._patterns.match_file(relative + ("/" if is_dir else "")):
            return True
        if any(ignore.matches(child, is_dir) for ignore in ignores):
            return True
        return any(resolved == o or o in resolved.parents for o in self._outside)


@dataclass(frozen=True)
class _Ignore:
    """One ``.gitignore``: its patterns apply to paths below its folder."""

    folder: Path
    spec: GitIgnoreSpec

    @classmethod
    def read(cls, folder: Path) -> _Ignore:
        try:
            lines = (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        return cls(folder.resolve(), GitIgnoreSpec.from_lines(lines))

    def matches(self, path: Path, is_dir: bool) -> bool:
        try:
            relative = path.resolve().relative_to(self.folder).as_posix()
        except ValueError:
            return False
        return self.spec.match_file(relative + ("/" if is_dir else ""))


def _gitignores_above(folder: Path) -> list[_Ignore]:
    """The ``.gitignore`` files of the folder's parents, up to the repository's root."""
    found: list[_Ignore] = []
    for parent in folder.resolve().parents:
        if (parent / ".gitignore").is_file():
            found.append(_Ignore.read(parent))
        if (parent / ".git").exists():
            break
    else:
        return []  # not in a repository: parents' .gitignore files say nothing about it
    return found[::-1]


def selected_files(paths: Iterable[Path], selection: Selection | None = None) -> Iterator[Path]:
    """Every file ``paths`` select, in order."""
    chosen = selection or Selection()
    for path in paths:
        yield from chosen.files(path)
