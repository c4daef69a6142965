"""``voicerecorder status JOB_ID [--wait] [--json]`` and ``voicerecorder jobs [--state S1,S2] [--json]``.

Exit codes: 0 the query worked (with ``--wait``: the job SUCCEEDed), 1 a cloud error (with
``--wait``: the job FAILED), 2 a usage or configuration problem, 3 (``--wait`` only) the job
waits for the person (upload and commit, fix rejected recordings, or review in the console).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime

from voicerecorder.cli.cloud_connect import add_cloud_arguments, open_client
from voicerecorder.cloud.client import MetaStudioClient
from voicerecorder.cloud.errors import NotFoundError, ParameterError, ThrottledError
from voicerecorder.cloud.models import AssessResult, ListJobsQuery, ShortJob, TrainingJob, check_choice
from voicerecorder.cloud.states import JOB_STATES, describe_state, is_terminal, needs_action
from voicerecorder.errors import EXIT_ATTENTION, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UserFacingError
from voicerecorder.text import Bilingual, current_language
from voicerecorder.workflow.deleted import show_job
from voicerecorder.workflow.review import REASON_STATES, ReviewReason, rejection_reasons

PAGE_SIZE = 100
METRICS = ("speed", "sound", "snr", "reverb", "dnsmos_ovrl", "dnsmos_bak")

Job = TrainingJob | ShortJob


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``status`` and ``jobs``."""
    status = subparsers.add_parser(
        "status",
        help="show a MetaStudio job's state",
        description="Show a voice-training or quality-check job. Exit 0 when the query works (with --wait: "
        "when the job succeeds), 1 on a cloud error or a failed job, 2 on a usage or settings problem, "
        "3 when --wait stops because the job waits for you.",
    )
    status.add_argument("job_id", metavar="JOB_ID")
    status.add_argument("--wait", action="store_true", help="poll until the job finishes or needs you")
    status.add_argument("--interval", type=float, default=30.0, help="seconds between polls with --wait (30)")
    status.add_argument("--json", action="store_true", help="print the job as JSON")
    add_cloud_arguments(status)
    status.set_defaults(func=run_status)

    jobs = subparsers.add_parser(
        "jobs",
        help="list MetaStudio voice-training jobs",
        description="List voice-training jobs, newest first. Exit 0 on success, 1 on a cloud error, "
        "2 on a usage or settings problem.",
    )
    jobs.add_argument(
        "--state", default="", metavar="S1,S2", help=f"only these states: {', '.join(JOB_STATES)}"
    )
    jobs.add_argument("--limit", type=int, default=PAGE_SIZE, help="at most this many jobs (100)")
    jobs.add_argument("--json", action="store_true", help="print the jobs as JSON")
    add_cloud_arguments(jobs)
    jobs.set_defaults(func=run_jobs)


def _usage(error: ParameterError) -> UserFacingError:
    return UserFacingError(error.message, exit_code=EXIT_USAGE)


def parse_states(text: str) -> tuple[str, ...]:
    """``S1,S2`` as validated JobState names (case-insensitive)."""
    states = tuple(part.strip().upper() for part in text.split(",") if part.strip())
    try:
        for state in states:
            check_choice("state", state, JOB_STATES)
    except ParameterError as error:
        raise _usage(error) from None
    return states


def format_time(value: int | None) -> str:
    """A MetaStudio timestamp (seconds or milliseconds since 1970) as ``YYYY-MM-DD HH:MM UTC``."""
    if not value:
        return "-"
    seconds = value / 1000 if value > 10**11 else value
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M UTC")


def fetch_job(client: MetaStudioClient, job_id: str) -> Job:
    """The training job ``job_id``, or the quality-check (short) job of that id (a training job this
    computer deleted is named as deleted, see workflow/deleted.py)."""
    try:
        return show_job(client, job_id)
    except NotFoundError:
        with contextlib.suppress(NotFoundError):
            return client.show_short_job(job_id)
        raise  # neither kind: the training job's "not found", which names the id


def describe_job(job: Job) -> Bilingual:
    """What the job's state means: a quality check's (short job) or a voice training's."""
    return describe_state(job.state, quality_check=isinstance(job, ShortJob))


def job_reasons(client: MetaStudioClient, job: Job) -> list[ReviewReason]:
    """The last rejection's reasons from a training job's operation log (none for other states)."""
    if isinstance(job, ShortJob):
        return []
    return rejection_reasons(client, job.job_id, job.state)


def job_json(job: Job, reasons: list[ReviewReason] | None = None) -> dict[str, object]:
    """The job as JSON-ready data, with the bilingual description of its state and the reasons
    the review gave (``source`` algorithm or reviewer)."""
    description = describe_job(job)
    return {
        "kind": "short" if isinstance(job, ShortJob) else "training",
        "job": dataclasses.asdict(job),
        "description": {"en": description.en, "zh": description.zh},
        "terminal": is_terminal(job.state),
        "needs_action": needs_action(job.state),
        "reasons": [dataclasses.asdict(reason) for reason in reasons or ()],
    }


def _labels(language: str) -> dict[str, str]:
    zh = language.lower().startswith("zh")
    keys = (
        "job",
        "kind_short",
        "kind_training",
        "voice",
        "state",
        "updated",
        "asset",
        "failure",
        "advice",
        "reasons",
    )
    en = (
        "Job",
        "quality check",
        "voice training",
        "Voice",
        "State",
        "Updated",
        "Asset id",
        "Failure",
        "Advice",
        "Why",
    )
    cn = ("任务", "质量检测", "声音训练", "声音", "状态", "更新时间", "资产 ID", "失败原因", "建议", "原因")
    return dict(zip(keys, cn if zh else en, strict=True))


def _assessment_lines(result: AssessResult, language: str) -> list[str]:
    zh = language.lower().startswith("zh")
    lines = []
    for name in METRICS:
        metric = getattr(result, name)
        if metric is None:
            continue
        mark = "OK " if not metric.status else "!! "
        advice = (metric.suggestion if zh else metric.suggestion_en) or metric.suggestion or ""
        lines.append(f"  {mark}{name:<12} {metric.actual or '-':>8}  ({metric.expected or '-'})  {advice}")
    if result.suggestion:
        lines.append(f"  {result.suggestion}")
    return lines


def render_job(job: Job, language: str, reasons: list[ReviewReason] | None = None) -> str:
    """A few human lines about the job, with the review's reasons when given."""
    label = _labels(language)
    kind = label["kind_short"] if isinstance(job, ShortJob) else label["kind_training"]
    lines = [f"{label['job']}: {job.job_id}  ({kind})"]
    if isinstance(job, TrainingJob) and job.voice_name:
        lines.append(
            f"{label['voice']}: {job.voice_name}  {job.job_type or ''} {job.language or ''}".rstrip()
        )
    lines.append(f"{label['state']}: {job.state} — {describe_job(job).pick(language)}")
    lines.append(f"{label['updated']}: {format_time(job.lastupdate_time or job.create_time)}")
    if isinstance(job, TrainingJob) and job.asset_id:
        lines.append(f"{label['asset']}: {job.asset_id}")
    if job.job_failed_code or job.job_failed_reason:
        lines.append(
            f"{label['failure']}: {job.job_failed_code or ''} {job.job_failed_reason or ''}".rstrip()
        )
    if job.assess_result is not None:
        lines.extend(_assessment_lines(job.assess_result, language))
    if reasons:
        lines.append(f"{label['reasons']}:")
        lines.extend(f"  {reason.line().pick(language)}" for reason in reasons)
    return "\n".join(lines)


def wait_for_job(
    client: MetaStudioClient,
    job_id: str,
    interval: float,
    on_change: Callable[[Job], None],
    sleep: Callable[[float], None] = time.sleep,
) -> Job:
    """Poll until the job is SUCCEED/FAILED or waits for the person; report every state change."""
    last_state = None
    while True:
        try:
            job = fetch_job(client, job_id)
        except ThrottledError as error:
            sleep(max(interval, error.retry_after or 0.0))
            continue
        if job.state != last_state:
            on_change(job)
            last_state = job.state
        if is_terminal(job.state) or needs_action(job.state):
            return job
        sleep(interval)


def _exit_code_for(job: Job) -> int:
    if job.state == "SUCCEED":
        return EXIT_OK
    if is_terminal(job.state):
        return EXIT_FAILED
    return EXIT_ATTENTION


def run_status(args: argparse.Namespace) -> int:
    """Show (or follow, with ``--wait``) one job."""
    language = current_language()
    if args.interval < 1:
        raise UserFacingError(
            Bilingual("--interval must be at least 1 second.", "--interval 至少为 1 秒。"),
            exit_code=EXIT_USAGE,
        )
    with open_client(args) as client:
        if not args.wait:
            job = fetch_job(client, args.job_id)
            _print_job(job, job_reasons(client, job), args.json, language)
            return EXIT_OK

        def report(changed: Job) -> None:
            stamp = datetime.now(UTC).strftime("%H:%M:%S")
            text = f"[{stamp}] {changed.state} — {describe_job(changed).pick(language)}"
            print(text, file=sys.stderr if args.json else sys.stdout, flush=True)

        job = wait_for_job(client, args.job_id, args.interval, report)
        reasons = job_reasons(client, job)
    _print_job(job, reasons, args.json, language)
    return _exit_code_for(job)


def _print_job(job: Job, reasons: list[ReviewReason], as_json: bool, language: str) -> None:
    if as_json:
        print(json.dumps(job_json(job, reasons), ensure_ascii=False, indent=2))
    else:
        print(render_job(job, language, reasons))


def list_jobs(client: MetaStudioClient, states: tuple[str, ...], limit: int) -> tuple[int, list[TrainingJob]]:
    """Up to ``limit`` jobs in the given states (page by page) and the service's total count."""
    jobs: list[TrainingJob] = []
    count = 0
    while len(jobs) < limit:
        page = client.list_voice_training_jobs(
            ListJobsQuery(offset=len(jobs), limit=min(PAGE_SIZE, limit - len(jobs)), state=states)
        )
        count = page.count
        jobs.extend(page.jobs)
        if not page.jobs or len(jobs) >= count:
            break
    return count, jobs


def render_jobs(
    count: int, jobs: list[TrainingJob], language: str, reasons: dict[str, list[ReviewReason]] | None = None
) -> str:
    """A table of jobs followed by what each state means and the review's reasons per job."""
    if not jobs:
        return Bilingual("No jobs.", "没有任务。").pick(language)
    rows = [
        f"{job.job_id:<38} {job.job_type or '-':<8} {job.state:<18} {format_time(job.lastupdate_time):<20} "
        f"{job.voice_name or ''}"
        for job in jobs
    ]
    states = sorted({job.state for job in jobs})
    legend = [f"  {state}: {describe_state(state).pick(language)}" for state in states]
    shown = Bilingual(f"{len(jobs)} of {count} jobs", f"共 {count} 个任务，显示 {len(jobs)} 个").pick(
        language
    )
    why = [
        f"  {job_id}: {reason.line().pick(language)}"
        for job_id, given in (reasons or {}).items()
        for reason in given
    ]
    return "\n".join([*rows, "", shown, *legend, *why])


def run_jobs(args: argparse.Namespace) -> int:
    """List jobs, optionally only some states."""
    states = parse_states(args.state)
    if not 1 <= args.limit <= 10000:
        raise UserFacingError(
            Bilingual("--limit must be between 1 and 10000.", "--limit 必须介于 1 与 10000 之间。"),
            exit_code=EXIT_USAGE,
        )
    with open_client(args) as client:
        count, jobs = list_jobs(client, states, args.limit)
        rejected = {job.job_id: job for job in jobs if job.state in REASON_STATES}
        reasons = {job_id: job_reasons(client, job) for job_id, job in rejected.items()}
    if args.json:
        data = {"count": count, "jobs": [job_json(job, reasons.get(job.job_id)) for job in jobs]}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_jobs(count, jobs, current_language(), reasons))
    return EXIT_OK
