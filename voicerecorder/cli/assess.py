"""``voicerecorder assess DIR [--wait] [--sandbox]``: MetaStudio's quality check of a session's takes.

Exit codes: 0 the check was started (with ``--wait``: it finished and every metric is in
range), 1 a cloud error or the check FAILED, 2 a usage or settings problem, 3 (``--wait``)
the check finished and some metrics are out of range (advice printed), 4 too little good
audio to check, 5 another process is changing the session, 130 interrupted.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from voicerecorder.cli.cloud_status import render_job
from voicerecorder.cli.progress import TerminalReporter, add_workflow_arguments, cloud_target, poll_policy
from voicerecorder.errors import EXIT_ATTENTION, EXIT_FAILED, EXIT_OK
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual, current_language
from voicerecorder.workflow.assess import run_assessment


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``assess``."""
    parser = subparsers.add_parser(
        "assess",
        help="run MetaStudio's voice-quality check on a session",
        description="Pack up to the tenant's limit of good takes, upload them as a VOICE_ASSESS job and "
        "(with --wait) show the six metrics with advice. Uses Huawei Cloud when credentials are set, "
        "else the local sandbox. Exit 0 started / all metrics in range, 1 cloud error or check failed, "
        "2 usage or settings, 3 metrics out of range, 4 too little good audio, 5 another process is changing "
        "the session.",
    )
    parser.add_argument("folder", type=Path, metavar="DIR", help="the session folder")
    add_workflow_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Start (or continue) the quality check and, with ``--wait``, print its result."""
    policy = poll_policy(args)
    language = current_language()
    with Session.open(args.folder, writer="voicerecorder assess") as session, cloud_target(args) as target:
        outcome = run_assessment(
            session, target.client, wait=args.wait, reporter=TerminalReporter(), policy=policy
        )
        job = target.client.show_short_job(outcome.job_id)
    print(outcome.job_id)
    print(render_job(job, language))
    if not outcome.finished:
        print(
            Bilingual(
                f"Follow it with: voicerecorder status {outcome.job_id}"
                + (" --sandbox" if target.is_sandbox else ""),
                f"查看进度：voicerecorder status {outcome.job_id}"
                + (" --sandbox" if target.is_sandbox else ""),
            ).pick(language)
        )
        return EXIT_OK
    if outcome.state != "SUCCEED":
        return EXIT_FAILED
    return EXIT_ATTENTION if outcome.out_of_range else EXIT_OK
