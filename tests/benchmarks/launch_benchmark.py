"""How long the wizard takes from launch to its first visible window, under a virtual display.

Usage:
    python tests/benchmarks/launch_benchmark.py [--runs N] [--imports N]

Starts Xvfb and a private PulseAudio (a virtual microphone, as on a desktop), then launches
``voicerecorder`` (the wizard) ``--runs`` times (default 7) with an empty data folder and
settings. The time is from starting the process until the X server maps its first top-level
window (``xev -root`` reports the MapNotify); then the wizard is closed. In the same run,
alternately, ``python -c "import PySide6.QtWidgets"`` is timed as the reference. Figures are
medians. Last, where the time goes: the modules the wizard's start imports, by their own
cumulative import time (``python -X importtime``), the ``--imports`` largest (default 15).
Goal: 0.7 s to the first visible window.
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from support.pulse import PrivatePulse

GOAL_S = 0.7
MAP_TIMEOUT_S = 30.0
XEV_START_S = 0.5
IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def voicerecorder_command() -> list[str]:
    """The installed ``voicerecorder`` script beside this interpreter, else ``python -m voicerecorder``."""
    script = Path(sys.executable).with_name("voicerecorder")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "voicerecorder"]


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb server on a free display number; returns it and its DISPLAY value."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    if not number:
        raise SystemExit("Xvfb did not start")
    return server, f":{number}"


def first_map_s(env: dict[str, str]) -> float:
    """Seconds from starting the wizard to the first top-level window the X server maps."""
    watcher = subprocess.Popen(
        ["stdbuf", "-oL", "xev", "-root", "-event", "substructure"],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    maps: queue.SimpleQueue[float] = queue.SimpleQueue()
    threading.Thread(target=note_maps, args=(watcher, maps), daemon=True).start()
    time.sleep(XEV_START_S)
    started = time.perf_counter()
    wizard = subprocess.Popen(voicerecorder_command(), env=env, stdout=subprocess.DEVNULL)
    try:
        return maps.get(timeout=MAP_TIMEOUT_S) - started
    except queue.Empty:
        raise SystemExit(f"the wizard showed no window within {MAP_TIMEOUT_S} s") from None
    finally:
        wizard.terminate()
        wizard.wait(10)
        watcher.terminate()
        watcher.wait(5)


def note_maps(watcher: subprocess.Popen[str], maps: queue.SimpleQueue[float]) -> None:
    """Reader thread: the time of each MapNotify ``xev`` prints."""
    assert watcher.stdout is not None
    for line in watcher.stdout:
        if line.startswith("MapNotify"):
            maps.put(time.perf_counter())


def import_s() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets"], check=True)
    return time.perf_counter() - started


def largest_imports(env: dict[str, str], count: int) -> list[tuple[float, str]]:
    """(cumulative seconds, module) of the top-level imports ``voicerecorder.ui.app`` makes, largest first."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import voicerecorder.cli, voicerecorder.ui.app"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    found = []
    for match in IMPORT_LINE.finditer(result.stderr):
        _, cumulative, indent, module = match.groups()
        if len(indent) <= 3:  # imported by the entry point itself or one level down
            found.append((int(cumulative) / 1e6, f"{'  ' * (len(indent) // 2)}{module}"))
    return sorted(found, reverse=True)[:count]


def report(label: str, seconds: list[float]) -> None:
    median = statistics.median(seconds)
    print(f"{label:<38} {median:.3f} s median of {len(seconds)} (min {min(seconds):.3f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--imports", type=int, default=15)
    args = parser.parse_args()
    server, display = start_xvfb()
    try:
        with PrivatePulse() as pulse, tempfile.TemporaryDirectory(prefix="vr-launch-") as folder:
            env = {
                **pulse.env(),
                "DISPLAY": display,
                "QT_QPA_PLATFORM": "xcb",
                "VOICERECORDER_DATA_DIR": str(Path(folder) / "data"),
                "XDG_CONFIG_HOME": str(Path(folder) / "config"),
            }
            env.pop("WAYLAND_DISPLAY", None)
            first_map_s(env)  # once to warm the disk cache, as a second launch of the day would be
            shown, imported = [], []
            for _ in range(args.runs):
                shown.append(first_map_s(env))
                imported.append(import_s())
            imports = largest_imports(env, args.imports)
    finally:
        server.terminate()
        server.wait(10)
    report("python -c 'import PySide6.QtWidgets'", imported)
    report("voicerecorder to first visible window", shown)
    launch = statistics.median(shown)
    print(f"goal <= {GOAL_S} s: {'met' if launch <= GOAL_S else 'NOT met'}")
    print("largest imports at start (cumulative s):")
    for seconds, module in imports:
        print(f"  {seconds:6.3f}  {module}")


if __name__ == "__main__":
    main()
