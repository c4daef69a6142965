"""A rerunnable mutation check: plant each named bug in a temporary copy of the tree, run the tests
that should catch it, and print caught/survived per mutation and a total.

    .venv/bin/python tests/mutations/run.py [--only NAME_PART] [--list]

The checkout is never edited. Exits 1 when a mutation survived (or its tests could not run), 0 when
every one was caught. tests/test_mutation_list.py checks that every original snippet is still in
the tree, so the list cannot rot silently.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LEFT_OUT = (".git", ".venv", "dist", "build", "__pycache__", ".pytest_cache", ".ruff_cache", "*.egg-info")


@dataclass(frozen=True)
class Mutation:
    """One planted bug: ``original`` (exactly once in ``path``) becomes ``replacement``."""

    name: str
    area: str
    path: str
    original: str
    replacement: str
    tests: tuple[str, ...]


SIGNER_TESTS = ("tests/cloud/test_signer_vectors.py", "tests/cloud/test_signer_parity.py")
ZIP_TESTS = ("tests/session/test_export.py",)
CLIPPING_TESTS = ("tests/quality/test_levels.py", "tests/quality/test_odd_input.py")
ATOMIC_TESTS = ("tests/session/test_manifest.py", "tests/session/test_crash_consistency.py")
RECOVERY_TESTS = ("tests/workflow/test_own_job.py",)
REPAIR_TESTS = ("tests/audio/test_take_files.py",)
JOB_FIELD_TESTS = ("tests/workflow/test_job_fields.py",)
RESOURCE_TESTS = ("tests/workflow/test_preflight_resources.py",)
LONG_WAV_TESTS = ("tests/session/test_longwav.py",)
REVERB_TESTS = ("tests/quality/test_reverb.py",)

MUTATIONS = (
    Mutation(
        "studio reverb limit ignored",
        "reverb",
        "voicerecorder/quality/take_rules.py",
        'if context.studio and seconds > limit("reverb.studio_fail_above"):',
        'if context.studio and seconds > limit("reverb.warn_above"):',
        REVERB_TESTS,
    ),
    Mutation(
        "decays measured from the speech offset, not the last loud frame",
        "reverb",
        "voicerecorder/quality/reverb.py",
        "tail = levels[first + int(loud[-1]) :",
        "tail = levels[offset :",
        REVERB_TESTS,
    ),
    Mutation(
        "query pairs unsorted",
        "signer",
        "voicerecorder/cloud/signer.py",
        "for name, value in sorted(pairs))",
        "for name, value in pairs)",
        SIGNER_TESTS,
    ),
    Mutation(
        "headers with an underscore signed",
        "signer",
        "voicerecorder/cloud/signer.py",
        'return sorted({name.lower() for name in headers if "_" not in name})',
        "return sorted({name.lower() for name in headers})",
        SIGNER_TESTS,
    ),
    Mutation(
        "canonical URI without its trailing slash",
        "signer",
        "voicerecorder/cloud/signer.py",
        'return encoded if encoded.endswith("/") else encoded + "/"',
        "return encoded",
        SIGNER_TESTS,
    ),
    Mutation(
        "entries stored, not deflated",
        "zip",
        "voicerecorder/session/export.py",
        "info.compress_type = zipfile.ZIP_DEFLATED",
        "info.compress_type = zipfile.ZIP_STORED",
        ZIP_TESTS,
    ),
    Mutation(
        "entries with mode 0755",
        "zip",
        "voicerecorder/session/export.py",
        "_FILE_MODE = 0o100644 << 16",
        "_FILE_MODE = 0o100755 << 16",
        ZIP_TESTS,
    ),
    Mutation(
        "entries marked as made on MS-DOS",
        "zip",
        "voicerecorder/session/export.py",
        "info.create_system = _UNIX",
        "info.create_system = 0",
        ZIP_TESTS,
    ),
    Mutation(
        "a flat top must be longer than the limit",
        "clipping rule",
        "voicerecorder/quality/take_rules.py",
        'if longest_run >= limit("clipping.fail_run"):',
        'if longest_run > limit("clipping.fail_run"):',
        CLIPPING_TESTS,
    ),
    Mutation(
        "the headroom peak limit ignored",
        "clipping rule",
        "voicerecorder/quality/take_rules.py",
        'if peak > limit("headroom.fail_peak"):',
        "if False:",
        CLIPPING_TESTS,
    ),
    Mutation(
        "the file not fsynced before the rename",
        "atomic manifest",
        "voicerecorder/session/atomicfile.py",
        "            stream.flush()\n            os.fsync(stream.fileno())\n",
        "            stream.flush()\n",
        ATOMIC_TESTS,
    ),
    Mutation(
        "written in place instead of a temporary file",
        "atomic manifest",
        "voicerecorder/session/atomicfile.py",
        "temp = path.with_name(unique_name(path, TEMP_SUFFIX))",
        "temp = path",
        ATOMIC_TESTS,
    ),
    Mutation(
        "the folder not fsynced after the rename",
        "atomic manifest",
        "voicerecorder/session/atomicfile.py",
        "        raise\n    fsync_directory(path.parent)\n",
        "        raise\n",
        ATOMIC_TESTS,
    ),
    Mutation(
        "a job already known is adopted",
        "crash recovery",
        "voicerecorder/workflow/recovery.py",
        "job.batch_name == mark and job.job_id not in known",
        "job.batch_name == mark",
        RECOVERY_TESTS,
    ),
    Mutation(
        "another session's job is adopted",
        "crash recovery",
        "voicerecorder/workflow/recovery.py",
        "job.batch_name == mark and job.job_id not in known",
        "job.job_id not in known",
        RECOVERY_TESTS,
    ),
    Mutation(
        "the newest candidate is adopted",
        "crash recovery",
        "voicerecorder/workflow/recovery.py",
        "return min(found, key=_creation_order) if found else None",
        "return max(found, key=_creation_order) if found else None",
        RECOVERY_TESTS,
    ),
    Mutation(
        "RIFF size written as the file length",
        "WAV repair",
        "voicerecorder/audio/repair.py",
        'handle.write(struct.pack("<I", end - 8))',
        'handle.write(struct.pack("<I", end))',
        REPAIR_TESTS,
    ),
    Mutation(
        "a trailing partial frame kept",
        "WAV repair",
        "voicerecorder/audio/repair.py",
        "            handle.truncate(end)\n",
        "",
        REPAIR_TESTS,
    ),
    Mutation(
        "data size counts the partial frame",
        "WAV repair",
        "voicerecorder/audio/repair.py",
        'handle.write(struct.pack("<I", data_size))',
        'handle.write(struct.pack("<I", length - layout.data_start))',
        REPAIR_TESTS,
    ),
    Mutation(
        "the app user id left off a quality check's state",
        "job fields",
        "voicerecorder/cloud/client.py",
        'return self._get(ShortJob, f"user/short-jobs/{_job_segment(job_id)}", app_user=True)',
        'return self._get(ShortJob, f"user/short-jobs/{_job_segment(job_id)}")',
        JOB_FIELD_TESTS,
    ),
    Mutation(
        "on-demand MIDDLE counted against bought resources",
        "resources",
        "voicerecorder/cloud/models.py",
        '"middle_on_demand" if on_demand and edition == "MIDDLE" else edition.lower()',
        "edition.lower()",
        RESOURCE_TESTS,
    ),
    Mutation(
        "a missing quota figure read as none left",
        "resources",
        "voicerecorder/workflow/preflight.py",
        "left = available.figure(session.edition, on_demand) if available is not None else None",
        "left = (available.figure(session.edition, on_demand) if available is not None else None) or 0",
        RESOURCE_TESTS,
    ),
    Mutation(
        "digital silence taken for room tone",
        "whole recording",
        "voicerecorder/session/longwav.py",
        "and longest_run(part == 0.0) < dropout",
        "",
        LONG_WAV_TESTS,
    ),
)


def copy_tree(target: Path) -> Path:
    """Copy the checkout (sources, tests, resources; no .venv, .git or build output) into ``target``."""
    tree = target / "tree"
    shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns(*LEFT_OUT), symlinks=True)
    return tree


def mutant_environment(tree: Path) -> dict[str, str]:
    """The copy's sources first on the path; partial runs allowed (this is not the full suite)."""
    full_suite = ("CI", "VOICERECORDER_FULL_SUITE")
    env = {name: value for name, value in os.environ.items() if name not in full_suite}
    env.update(PYTHONPATH=str(tree), VOICERECORDER_PARTIAL_SUITE="1", VOICERECORDER_REQUIRE_REALAUDIO="1")
    return env


def check_imports_the_copy(tree: Path, env: dict[str, str]) -> None:
    """Refuse to run when the interpreter would test the checkout instead of the mutated copy."""
    where = subprocess.run(
        [sys.executable, "-c", "import voicerecorder; print(voicerecorder.__file__)"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(where).is_relative_to(tree):
        raise SystemExit(f"the tests would import {where}, not the copy in {tree}")


def run_mutation(tree: Path, env: dict[str, str], mutation: Mutation) -> str:
    """Plant the mutation, run its tests, restore the file; ``caught``, ``survived`` or ``error``."""
    path = tree / mutation.path
    original = path.read_text(encoding="utf-8")
    if original.count(mutation.original) != 1:
        return "error"
    path.write_text(original.replace(mutation.original, mutation.replacement), encoding="utf-8")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *mutation.tests],
            cwd=tree,
            env=env,
            capture_output=True,
            text=True,
        )
    finally:
        path.write_text(original, encoding="utf-8")
    return {0: "survived", 1: "caught"}.get(done.returncode, "error")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run the mutations whose area or name contains this")
    parser.add_argument("--list", action="store_true", help="list the mutations and exit")
    options = parser.parse_args()
    chosen = [m for m in MUTATIONS if options.only.lower() in f"{m.area}: {m.name}".lower()]
    if options.list:
        for mutation in chosen:
            print(f"{mutation.area}: {mutation.name}  ({mutation.path}; {' '.join(mutation.tests)})")
        return 0
    outcomes: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="vr-mutations-") as folder:
        tree = copy_tree(Path(folder))
        env = mutant_environment(tree)
        check_imports_the_copy(tree, env)
        for mutation in chosen:
            outcome = run_mutation(tree, env, mutation)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            print(f"{outcome:<9} {mutation.area}: {mutation.name}", flush=True)
    caught = outcomes.get("caught", 0)
    print(f"total: {caught} of {len(chosen)} caught, {outcomes.get('survived', 0)} survived, "
          f"{outcomes.get('error', 0)} could not run")  # fmt: skip
    return 0 if caught == len(chosen) else 1


if __name__ == "__main__":
    sys.exit(main())
