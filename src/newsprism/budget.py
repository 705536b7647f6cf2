"""A time budget for one step on one article: ``with time_limit(seconds): ...`` raises
``OutOfTime`` inside the block when it runs longer.

It uses the process's real-time interval timer (SIGALRM), so it works on Unix in the main
thread; elsewhere (Windows, worker threads) or when another timer is already running it
does not limit, and says so through its value (``with time_limit(s) as limited``)."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType


class OutOfTime(Exception):
    """The block ran past its time budget."""


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[bool]:
    usable = (
        seconds is not None and seconds > 0 and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield False
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise OutOfTime(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, float(seconds))  # type: ignore[arg-type]
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
