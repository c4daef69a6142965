"""``voicerecorder delete JOB_ID [--yes]``: delete a voice-training job.

Exit codes: 0 deleted (or not confirmed: nothing was done), 1 a cloud error, 2 a usage or
settings problem (including no terminal to ask and no ``--yes``), 4 refused because
MetaStudio is still working on the job.
"""

from __future__ import annotations

import argparse
import sys

from voicerecorder.cli.cloud_connect import add_cloud_arguments, open_client
from voicerecorder.cli.cloud_status import render_job
from voicerecorder.errors import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, UserFacingError
from voicerecorder.text import Bilingual, current_language
from voicerecorder.workflow.delete import delete_job, deletion_refusal


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``delete``."""
    parser = subparsers.add_parser(
        "delete",
        help="delete a MetaStudio voice-training job",
        description="Delete a voice-training job after asking. Refused while MetaStudio reviews or "
        "trains it. Exit 0 deleted or not confirmed, 1 cloud error, 2 usage or settings (no terminal "
        "to ask: add --yes), 4 refused because the job is in progress.",
    )
    parser.add_argument("job_id", metavar="JOB_ID")
    parser.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    add_cloud_arguments(parser)
    parser.set_defaults(func=run)


def _confirmed(language: str) -> bool:
    if not sys.stdin.isatty():
        raise UserFacingError(
            Bilingual(
                "There is no terminal to ask whether to delete the job. Add --yes to delete it "
                "without asking.",
                "没有可用于确认删除的终端。如确定删除，请加上 --yes。",
            ),
            exit_code=EXIT_USAGE,
        )
    prompt = Bilingual("Delete this job? This cannot be undone. [y/N] ", "删除此任务？此操作无法撤销。[y/N] ")
    answer = input(prompt.pick(language)).strip().lower()
    return answer in ("y", "yes", "是")


def run(args: argparse.Namespace) -> int:
    """Show the job, ask (unless ``--yes``), then delete it."""
    language = current_language()
    with open_client(args) as client:
        job = client.show_voice_training_job(args.job_id)
        print(render_job(job, language))
        refusal = deletion_refusal(job)
        if refusal is not None:
            raise UserFacingError(refusal, exit_code=EXIT_REFUSED)
        if not args.yes and not _confirmed(language):
            print(Bilingual("Not deleted.", "未删除。").pick(language))
            return EXIT_OK
        delete_job(client, args.job_id)
    print(Bilingual(f"Deleted job {args.job_id}.", f"已删除任务 {args.job_id}。").pick(language))
    return EXIT_OK
