"""``voicerecorder segments DIR [--json]``: where each sentence of a SEGMENT session stands.

Exit codes: 0 listed, 2 not a session folder or not a SEGMENT session.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from voicerecorder.errors import EXIT_OK, EXIT_USAGE, UserFacingError
from voicerecorder.session.problems import sentence_label
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual, current_language
from voicerecorder.workflow import records
from voicerecorder.workflow.segments import segment_states

_WORDS = {
    "waiting": Bilingual("waiting", "等待发送"),
    "uploading": Bilingual("uploading", "正在上传"),
    "confirmed": Bilingual("confirmed by MetaStudio", "MetaStudio 已确认"),
    "rejected": Bilingual("rejected", "未通过"),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``segments``."""
    parser = subparsers.add_parser(
        "segments",
        help="list the per-sentence states of a SEGMENT session",
        description="Show, for each sentence of a SEGMENT session, whether it waits to be sent, is "
        "being sent, was confirmed by MetaStudio or was rejected (with the reason), as recorded by "
        "the last `submit`. Exit 0, or 2 for a folder that is not a SEGMENT session.",
    )
    parser.add_argument("folder", type=Path, metavar="DIR", help="the session folder")
    parser.add_argument("--json", action="store_true", help="print the states as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the states."""
    session = Session.open(args.folder)
    if session.create_type != "SEGMENT":
        raise UserFacingError(
            Bilingual(
                f"{args.folder} sends its recordings as one package, not sentence by sentence. "
                "Create a session with `voicerecorder new DIR --create-type SEGMENT ...` for that.",
                f"{args.folder} 以整个数据包提交录音，而不是逐句提交。如需逐句提交，请用 "
                "`voicerecorder new DIR --create-type SEGMENT ...` 创建会话。",
            ),
            exit_code=EXIT_USAGE,
        )
    record = records.latest(session, records.TRAINING)
    states = segment_states(session, record)
    language = current_language()
    if args.json:
        data = {
            "job_id": (record or {}).get("job_id"),
            "segments": [
                {
                    "index": state.index,
                    "state": state.state,
                    "reason": {"en": state.reason.en, "zh": state.reason.zh} if state.reason else None,
                }
                for state in states
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    job = (record or {}).get("job_id") or "-"
    print(Bilingual(f"Job: {job}", f"任务：{job}").pick(language))
    for state in states:
        line = f"{sentence_label(state.index).pick(language)}: {_WORDS[state.state].pick(language)}"
        print(line + (f" — {state.reason.pick(language)}" if state.reason else ""))
    return EXIT_OK
