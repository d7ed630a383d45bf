"""A progress bar on stderr for long runs, drawn only on a terminal.

Logs in CI and files piped to another tool never see it: carriage returns there are noise.
It shows what was done of the total, the rate and the time left, so an editor indexing an
archive knows whether to wait or to come back tomorrow.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from numcheck.documents.model import Document

MIN_DOCUMENTS = 20
WIDTH = 30
REDRAW_SECONDS = 0.1  # a redraw for every document would cost more than a fast extraction


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


class ProgressBar:
    """Counts documents (or files: ``unit``) as they are done; ``close`` erases the bar."""

    def __init__(
        self,
        total: int,
        stream: TextIO,
        *,
        unit: str = "documents",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.stream = stream
        self.unit = unit
        self.clock = clock
        self.started = clock()
        self.drawn = float("-inf")

    @classmethod
    def maybe(cls, total: int, stream: TextIO, *, unit: str = "documents") -> ProgressBar | None:
        """A bar for runs over ``MIN_DOCUMENTS`` documents on a terminal, else None."""
        if total < MIN_DOCUMENTS or not stream.isatty():
            return None
        return cls(total, stream, unit=unit)

    def step(self, document: Document | None = None) -> None:
        """One more done (the signature ``check_documents`` calls back with)."""
        self.advance(1)

    def advance(self, count: int) -> None:
        self.done = min(self.done + count, self.total)
        now = self.clock()
        if now - self.drawn < REDRAW_SECONDS and self.done < self.total:
            return
        self.drawn = now
        self.stream.write(f"\r{self.line(now)}")
        self.stream.flush()

    def line(self, now: float) -> str:
        """The bar as drawn at ``now``: done/total, rate, and the time left at that rate."""
        filled = WIDTH * self.done // self.total
        bar = "█" * filled + "·" * (WIDTH - filled)
        text = f"{bar} {self.done}/{self.total} {self.unit}"
        elapsed = now - self.started
        if self.done and elapsed > 0:
            rate = self.done / elapsed
            left = (self.total - self.done) / rate
            text += f" · {rate:.3g}/s · ETA {_duration(left)}"
        return text

    def close(self) -> None:
        self.stream.write("\r\x1b[2K")
        self.stream.flush()
