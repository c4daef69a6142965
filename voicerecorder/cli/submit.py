"""``voicerecorder submit DIR [--wait] [--sandbox] [--letter FILE] [--app-user-id ID] [form options]``:
train a voice from a session. The form options (``--description``, ``--custom-text`` …) update
the session's voice form first.

Exit codes: 0 submitted (with ``--wait``: the job SUCCEEDed), 1 a cloud error or the job
FAILED, 2 a usage or settings problem, 3 (``--wait``) the job waits for you — on
AUDIT_FAILED the sentences to record again are listed, 4 the session is not ready (a
sentence without a passing take, total length out of bounds, no training resource, or
nothing re-recorded since the audit), 5 another process is changing the session, 130 interrupted.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from voicerecorder.cli.cloud_status import render_job
from voicerecorder.cli.form_options import add_form_arguments, form_changes
from voicerecorder.cli.progress import TerminalReporter, add_workflow_arguments, cloud_target, poll_policy
from voicerecorder.cloud.models import TrainingJob
from voicerecorder.cloud.states import is_terminal
from voicerecorder.errors import EXIT_ATTENTION, EXIT_FAILED, EXIT_OK
from voicerecorder.session.store import Session
from voicerecorder.text import Bilingual, current_language
from voicerecorder.workflow import records
from voicerecorder.workflow.submit import submit
from voicerecorder.workflow.track import rerecord_lines, track


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``submit``."""
    parser = subparsers.add_parser(
        "submit",
        help="submit a session for voice training (or send re-recorded sentences again)",
        description="Check the session, pack it, create the edition's training job, upload and commit it; "
        "prints the job id. Run it again after an interruption (it continues the same job) or after "
        "re-recording the sentences the audit rejected (it resubmits the same job) or after the job "
        "FAILED (it creates one new job). Uses Huawei Cloud "
        "when credentials are set, else the local sandbox. Exit 0 submitted / succeeded, 1 cloud error "
        "or job failed, 2 usage or settings, 3 the job waits for you, 4 the session is not ready, "
        "5 another process is changing the session.",
    )
    parser.add_argument("folder", type=Path, metavar="DIR", help="the session folder")
    parser.add_argument(
        "--letter", type=Path, metavar="FILE", help="the signed authorization letter (PDF, JPG or PNG)"
    )
    add_form_arguments(parser)
    add_workflow_arguments(parser)
    parser.set_defaults(func=run)


def _rerecord_help(folder: Path, job_id: str, record: dict) -> Bilingual:
    lines = rerecord_lines(record)
    return Bilingual(
        "The audit rejected these recordings:\n"
        + "\n".join(f"  - {line.en}" for line in lines)
        + "\nRecord those sentences again (in the wizard, or `voicerecorder record OUT.wav` then "
        f"`voicerecorder import {folder} OUT.wav --start N`), then run `voicerecorder submit {folder}` "
        f"again: it sends the new recordings to the same job {job_id}.",
        "审核未通过以下录音：\n"
        + "\n".join(f"  - {line.zh}" for line in lines)
        + "\n请重新录制这些句子（在向导中，或先 `voicerecorder record OUT.wav` 再 "
        f"`voicerecorder import {folder} OUT.wav --start N`），然后再次运行 `voicerecorder submit {folder}`："
        f"新录音会提交到同一个任务 {job_id}。",
    )


def _new_job_help(folder: Path) -> Bilingual:
    return Bilingual(
        f"A failed job cannot be resumed: run `voicerecorder submit {folder}` again to create a new job "
        "with the same recordings.",
        f"失败的任务无法继续：请再次运行 `voicerecorder submit {folder}`，用相同的录音创建新任务。",
    )


def _exit_code(job: TrainingJob, waited: bool) -> int:
    if job.state == "SUCCEED" or not waited:
        return EXIT_OK
    return EXIT_FAILED if is_terminal(job.state) else EXIT_ATTENTION


def run(args: argparse.Namespace) -> int:
    """Submit, resume or resubmit the session's job; with ``--wait`` follow it."""
    policy = poll_policy(args)
    language = current_language()
    reporter = TerminalReporter()
    with Session.open(args.folder, writer="voicerecorder submit") as session, cloud_target(args) as target:
        changes = form_changes(args)
        if changes:
            session.update_form(dataclasses.replace(session.form, **changes))
        outcome = submit(session, target.client, letter=args.letter, reporter=reporter)
        print(outcome.job_id, flush=True)
        job = target.client.show_voice_training_job(outcome.job_id)
        if args.wait:
            job = track(session, target.client, reporter=reporter, policy=policy)
    print(render_job(job, language))
    record = records.latest(session, records.TRAINING) or {}
    if job.state == "AUDIT_FAILED":
        print(_rerecord_help(args.folder, job.job_id, record).pick(language))
    elif job.state == "FAILED":
        print(_new_job_help(args.folder).pick(language))
    elif not args.wait and not is_terminal(job.state):
        hint = " --sandbox" if target.is_sandbox else ""
        print(
            Bilingual(
                f"Follow it with: voicerecorder status {job.job_id} --wait{hint}",
                f"查看进度：voicerecorder status {job.job_id} --wait{hint}",
            ).pick(language)
        )
    return _exit_code(job, args.wait)
