"""``voicerecorder import DIR FILE...``: attach existing recordings to a session's sentences as takes."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from voicerecorder.cli.check import verdict_lines
from voicerecorder.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, UserFacingError
from voicerecorder.session.problems import sentence_label

if TYPE_CHECKING:
    from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual, current_language


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``import``."""
    parser = subparsers.add_parser(
        "import",
        help="attach existing recordings to the sentences in order",
        description="Add each FILE as a take, in order: to the sentences that have no take yet, or to "
        "sentence N, N+1, … with --start N. Any sample rate and channel count is accepted (converted at "
        "export). Each take is checked; exit 1 if any fails, 0 otherwise.",
    )
    parser.add_argument("folder", type=Path, metavar="DIR", help="the session folder")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="recordings (WAV, FLAC, …)")
    parser.add_argument("--start", type=int, metavar="N", help="first sentence number (1-based)")
    parser.set_defaults(func=run)


def target_sentences(session: Session, count: int, start: int | None) -> list[int]:
    """The 0-based sentences ``count`` files go to; refuses when they do not fit."""
    total = session.sentence_count
    if start is not None:
        if not 1 <= start <= total:
            raise UserFacingError(
                Bilingual(
                    f"--start must be a sentence number from 1 to {total}.",
                    f"--start 必须是 1 到 {total} 之间的句子编号。",
                ),
                exit_code=EXIT_USAGE,
            )
        targets = list(range(start - 1, min(start - 1 + count, total)))
    else:
        targets = [i for i in range(total) if session.chosen_take(i) is None][:count]
    if len(targets) < count:
        raise UserFacingError(
            Bilingual(
                f"{count} files were given but only {len(targets)} sentences can take them. Import fewer "
                "files, or give --start to add takes to sentences that already have one.",
                f"给出了 {count} 个文件，但只有 {len(targets)} 个句子可以接收。请减少文件数，"
                "或用 --start 为已有录音的句子添加新录音。",
            ),
            exit_code=EXIT_USAGE,
        )
    return targets


def run(args: argparse.Namespace) -> int:
    """Import the files and print each verdict."""
    # Imported here: the take checker loads NumPy, soxr and webrtcvad; --help needs none of them.
    from voicerecorder.session.store import Session

    missing = [path for path in args.files if not path.is_file()]
    if missing:
        listed = ", ".join(str(path) for path in missing)
        raise UserFacingError(
            Bilingual(
                f"These files do not exist: {listed}. Check the paths.",
                f"以下文件不存在：{listed}。请检查路径。",
            ),
            exit_code=EXIT_USAGE,
        )
    with Session.open(args.folder, writer="voicerecorder import") as session:
        return _import(session, args.files, args.start)


def _import(session: Session, files: list[Path], start: int | None) -> int:
    language = current_language()
    failed = False
    for path, index in zip(files, target_sentences(session, len(files), start), strict=True):
        take = session.add_take(index, path)
        label = f"{sentence_label(index).pick(language)} <- {path.name}"
        report = take.check
        print("\n".join(verdict_lines(label, report)))
        failed = failed or report["verdict"] == "fail"
    return EXIT_FAILED if failed else EXIT_OK
