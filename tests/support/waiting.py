"""Waiting on a condition instead of the wall clock."""

import time
from collections.abc import Callable


def wait_until(condition: Callable[[], object], timeout: float = 3.0) -> bool:
    """Poll ``condition`` every 10 ms until it is true (True) or ``timeout`` seconds passed (False)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True
