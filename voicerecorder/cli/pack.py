"""``voicerecorder pack DIR [-o OUT.zip]``: write the MetaStudio training package of a session."""

from __future__ import annotations

import argparse
from pathlib import Path

from voicerecorder.errors import EXIT_OK
from voicerecorder.text import Bilingual, current_language


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``pack``."""
    parser = subparsers.add_parser(
        "pack",
        help="write the MetaStudio training zip of a session",
        description="Write 0.wav/0.txt … (48 kHz mono 16-bit) for every sentence. Refuses, listing each "
        "problem, when a sentence has no take or its chosen take fails (exit 1); warnings are listed.",
    )
    parser.add_argument("folder", type=Path, metavar="DIR", help="the session folder")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="OUT.zip", help="where to write it (default: DIR/exports/)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Pack the session and print the zip's path, size and sha256, then any warnings."""
    # Imported here: the take checker loads NumPy, soxr and webrtcvad; --help needs none of them.
    from voicerecorder.session.export import pack, sentence_starts_path
    from voicerecorder.session.store import Session

    with Session.open(args.folder, writer="voicerecorder pack") as session:
        result = pack(session, args.output)
    language = current_language()
    record = result.record
    count = len(record.sentences)
    print(
        Bilingual(
            f"Wrote {result.path} ({record.size} bytes, {count} sentences), sha256 {record.sha256}",
            f"已写入 {result.path}（{record.size} 字节，{count} 句），sha256 {record.sha256}",
        ).pick(language)
    )
    if session.edition == "ADVANCE":
        sidecar = sentence_starts_path(result.path)
        print(
            Bilingual(
                f"Where each sentence starts and ends: {sidecar} (kept in the session, not uploaded)",
                f"每句的起止位置：{sidecar}（保存在会话中，不上传）",
            ).pick(language)
        )
    for warning in result.warnings:
        print(Bilingual(f"warning: {warning.message.en}", f"警告：{warning.message.zh}").pick(language))
    return EXIT_OK
