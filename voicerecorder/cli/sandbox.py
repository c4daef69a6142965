"""``voicerecorder sandbox``: run the local MetaStudio + OBS emulator until Ctrl+C or SIGTERM."""

from __future__ import annotations

import argparse
import signal
import threading
from pathlib import Path
from types import FrameType

from voicerecorder.errors import EXIT_OK
from voicerecorder.paths import data_dir
from voicerecorder.sandbox import (
    DEFAULT_AK,
    DEFAULT_PORT,
    DEFAULT_REGION,
    DEFAULT_SK,
    DEMO_DOMAIN,
    DEMO_PASSWORD,
    DEMO_USER,
    SANDBOX_LABEL,
    SandboxServer,
    parse_faults,
)
from voicerecorder.text import Bilingual, current_language


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``sandbox``."""
    parser = subparsers.add_parser(
        "sandbox",
        help="run a local MetaStudio + OBS emulator (nothing leaves this computer)",
        description="Serve the MetaStudio voice-training API, IAM tokens and OBS uploads on 127.0.0.1 "
        "so the app, scripts and the official SDK can be tried without an account. Stops on Ctrl+C "
        "or SIGTERM; jobs and uploads persist in --data.",
    )
    parser.add_argument(
        "--port", type=port_number, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 = any free)"
    )
    parser.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        help="where jobs and uploads are kept (default: the app's data folder/sandbox)",
    )
    parser.add_argument("--ak", default=DEFAULT_AK, help="access key to accept (default: the demo key)")
    parser.add_argument("--sk", default=DEFAULT_SK, help="secret key to accept (default: the demo secret)")
    parser.add_argument(
        "--speed", type=float, default=1.0, help="job progress speed-up (default 1 = a few seconds per state)"
    )
    parser.add_argument(
        "--faults",
        default="",
        metavar="SPEC",
        help="fault injection, e.g. "
        "'error=CreateShortJob:0.5;throttle=*:2x;drop=1x;latency=0.2;reject=7,12;seed=3'",
    )
    parser.set_defaults(func=run)


def port_number(text: str) -> int:
    """An argparse type: a TCP port, 0 to 65535 (0 = any free one)."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a port: give a number from 0 to 65535 (0 = any free)"
        )
    return port


def banner(server: SandboxServer, ak: str, sk: str) -> str:
    """What the command prints once it is serving: URL, credentials, an environment block."""
    label = SANDBOX_LABEL.pick(current_language())
    heading = Bilingual("MetaStudio sandbox listening on", "MetaStudio 沙箱正在监听").pick(current_language())
    stop = Bilingual("Press Ctrl+C to stop.", "按 Ctrl+C 停止。").pick(current_language())
    return "\n".join(
        [
            f"{label}",
            f"{heading} {server.base_url}",
            f"  AK: {ak}",
            f"  SK: {sk}",
            f"  project id ({DEFAULT_REGION}): {server.project_id} (any 32 hex digits work)",
            f"  IAM user / password / domain: {DEMO_USER} / {DEMO_PASSWORD} / {DEMO_DOMAIN}",
            "",
            f"export METASTUDIO_ENDPOINT={server.base_url}",
            f"export CLOUD_SDK_AK={ak}",
            f"export CLOUD_SDK_SK={sk}",
            f"export METASTUDIO_PROJECT_ID={server.project_id}",
            f"export METASTUDIO_REGION={DEFAULT_REGION}",
            "",
            stop,
        ]
    )


def run(args: argparse.Namespace) -> int:
    """Serve until SIGINT or SIGTERM, then stop cleanly."""
    faults = parse_faults(args.faults)
    folder = args.data if args.data is not None else data_dir() / "sandbox"
    server = SandboxServer(folder, port=args.port, ak=args.ak, sk=args.sk, speed=args.speed, faults=faults)
    stopping = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        """Signal handler (runs on the main thread between waits): ask the loop to stop."""
        stopping.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.start()
        print(banner(server, args.ak, args.sk), flush=True)
        while not stopping.wait(0.5):
            pass  # wake twice a second so SIGINT/SIGTERM handlers run promptly on every platform
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    print(Bilingual("Sandbox stopped.", "沙箱已停止。").pick(current_language()), flush=True)
    return EXIT_OK
