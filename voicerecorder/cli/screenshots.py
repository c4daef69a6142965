"""The top-level ``--screenshots DIR [--lang en|zh_CN]`` flags: render the wizard's pages to PNG files."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_flag(parser: argparse.ArgumentParser) -> None:
    """Add ``--screenshots`` and ``--lang`` to the top-level parser."""
    parser.add_argument(
        "--screenshots",
        metavar="DIR",
        type=Path,
        help="render every wizard page with demo data to DIR/<nn>-<page>.png",
    )
    parser.add_argument("--lang", choices=("en", "zh_CN"), default="en", help="UI language for --screenshots")


def run(args: argparse.Namespace) -> int:
    """Render the pages (offscreen); 0 on success."""
    from voicerecorder.ui.screenshots import render_all

    for path in render_all(args.screenshots, args.lang):
        print(path)
    return 0
