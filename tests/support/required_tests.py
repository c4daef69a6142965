"""Pytest plugin: a full run fails when a test it must not lose was skipped, deselected or left out.

Required are the tests marked ``realaudio``, ``packaging`` or ``reference_sdk`` (the official Huawei
SDK checks the signer and drives the sandbox). The rule holds under CI (``CI=true``) and in
``tests/run.sh`` (which sets ``VOICERECORDER_FULL_SUITE=1``); there a ``-m``/``-k``/``--deselect``
filter, a path argument or ``--ignore`` that narrows the suite, a skip (including a module skipped
at import) or a required test that never ran fails the run and is named. A developer may narrow a
``tests/run.sh`` run with ``VOICERECORDER_PARTIAL_SUITE=1``; CI ignores that variable.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

REQUIRED_MARKERS = ("realaudio", "packaging", "reference_sdk")
FULL_SUITE_VARIABLE = "VOICERECORDER_FULL_SUITE"
PARTIAL_SUITE_VARIABLE = "VOICERECORDER_PARTIAL_SUITE"


def full_suite_required(environ: Mapping[str, str]) -> bool:
    """True under CI, and in tests/run.sh unless the developer opted out of the full suite."""
    if environ.get("CI", "").lower() in ("true", "1"):
        return True
    return environ.get(FULL_SUITE_VARIABLE) == "1" and environ.get(PARTIAL_SUITE_VARIABLE) != "1"


def is_required(keywords: Iterable[str]) -> bool:
    """Whether a test (by its keywords: marker names among them) must run in a full run."""
    return any(marker in keywords for marker in REQUIRED_MARKERS)


def narrowing_options(config: pytest.Config) -> list[str]:
    """The command-line choices that leave part of the test tree uncollected."""
    found = [f"--ignore {path}" for path in config.option.ignore or []]
    found += [f"--ignore-glob {pattern}" for pattern in config.option.ignore_glob or []]
    if config.args_source != pytest.Config.ArgsSource.ARGS:
        return found
    testpaths = config.getini("testpaths")
    roots = [Path(config.rootpath, path).resolve() for path in testpaths] or [config.rootpath]
    given = [Path(config.invocation_params.dir, arg.split("::")[0]).resolve() for arg in config.args]
    for root in roots:
        if not any(path == root or path in root.parents for path in given):
            found.append(f"paths {' '.join(config.args)} leave out {root}")
    return found


class RequiredTests:
    """Records the required tests a run lost and fails the run naming them (pytest's main thread)."""

    def __init__(self, config: pytest.Config) -> None:
        self.lost = {f"({option})": "narrows the suite" for option in narrowing_options(config)}
        self.collected: set[str] = set()
        self.reported: set[str] = set()

    def pytest_deselected(self, items: list[pytest.Item]) -> None:
        for item in items:
            if is_required(item.keywords):
                self.lost[item.nodeid] = "deselected"

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.skipped:
            self.lost[report.nodeid] = "skipped at collection"

    def pytest_collection_finish(self, session: pytest.Session) -> None:
        self.collected = {item.nodeid for item in session.items if is_required(item.keywords)}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.nodeid not in self.collected:
            return
        self.reported.add(report.nodeid)
        if report.skipped:
            self.lost[report.nodeid] = "skipped"

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if session.config.option.collectonly or session.shouldstop:
            return
        if session.exitstatus == pytest.ExitCode.INTERRUPTED:
            return
        for nodeid in sorted(self.collected - self.reported):
            self.lost.setdefault(nodeid, "never ran")
        if self.lost:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if not self.lost:
            return
        terminalreporter.section("required tests lost", red=True, bold=True)
        terminalreporter.line(
            f"A full run (CI, tests/run.sh) must run every test marked {', '.join(REQUIRED_MARKERS)}; "
            f"locally, {PARTIAL_SUITE_VARIABLE}=1 allows a partial tests/run.sh run."
        )
        for nodeid, why in self.lost.items():
            terminalreporter.line(f"{why}: {nodeid}", red=True)


def pytest_configure(config: pytest.Config) -> None:
    if full_suite_required(os.environ):
        config.pluginmanager.register(RequiredTests(config), "required-tests")
