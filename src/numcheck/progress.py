"""A progress bar on stderr for long runs, drawn only on a terminal.

Logs in CI and files piped to another tool never see it: carriage returns there are noise.
A run has phases (documents read, then rules run); the bar restarts for each, so a long
rule phase does not sit behind a full bar. It shows what was done of the total, the rate
and the time left, so an editor indexing an archive knows whether to wait or to come
back tomorrow.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

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
    """Counts the items of the current phase; ``close`` erases the bar."""

    def __init__(
        self,
        total: int,
        stream: TextIO,
        unit: str = "documents",
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.unit = unit
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.shown = float("-inf")
        self.drawn = True

    @classmethod
    def maybe(cls, total: int, stream: TextIO, *, unit: str = "documents") -> ProgressBar | None:
        """A bar for runs over ``MIN_DOCUMENTS`` documents on a terminal, else None."""
        if total < MIN_DOCUMENTS or not stream.isatty():
            return None
        return cls(total, stream, unit)

    @classmethod
    def on_terminal(cls, stream: TextIO) -> ProgressBar | None:
        """A bar whose first ``phase`` decides whether it is drawn (None off a terminal)."""
        if not stream.isatty():
            return None
        bar = cls(0, stream)
        bar.drawn = False
        return bar

    def phase(self, unit: str, total: int) -> None:
        """Start counting ``total`` items of ``unit``; the documents phase decides the size."""
        if unit == "documents":
            self.drawn = total >= MIN_DOCUMENTS
        self.unit, self.total, self.done = unit, max(total, 1), 0
        self.started, self.shown = self.clock(), float("-inf")

    def step(self, item: object = None) -> None:
        self.advance(1)

    def advance(self, count: int) -> None:
        if not self.drawn:
            return
        self.done = min(self.done + count, self.total)
        now = self.clock()
        if now - self.shown < REDRAW_SECONDS and self.done < self.total:
            return
        self.shown = now
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
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
