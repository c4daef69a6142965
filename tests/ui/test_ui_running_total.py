"""The Record page's running total: the chosen takes' length against the tenant's duration limits
(ShowTenantDurationCfg over HTTP from the sandbox), looked up once per session, and "limits unknown"
when they cannot be had."""

# ruff: noqa: F811  (the sandbox fixtures are imported by name and named again as arguments)

from __future__ import annotations

import pytest
from support.memory_keyring import memory_keyring  # noqa: F401 (fixture)
from support.ui_cloud import cloud_sandbox, ready_session, sandbox_server  # noqa: F401 (fixtures)
from support.workflow_rig import point_environment_at

from voicerecorder.sandbox.quotas import DURATION_LIMITS
from voicerecorder.ui import i18n
from voicerecorder.ui.page_ids import PageId
from voicerecorder.ui.services import SessionHolder
from voicerecorder.ui.widgets.running_total import RunningTotal
from voicerecorder.workflow.preflight import total_seconds


def shown_total(qtbot, wizard, open_page, session) -> RunningTotal:
    """Open the Record page with ``session`` and wait until the limits are looked up."""
    open_page(wizard, session, PageId.RECORD)
    total = wizard.page_of(PageId.RECORD).findChild(RunningTotal)
    assert total.isVisible()
    qtbot.waitUntil(lambda: not total.looking, timeout=15000)
    return total


def test_the_total_is_shown_against_the_tenants_limits(
    qtbot, wizard, open_page, ready_session, cloud_sandbox
):
    cloud_sandbox()
    total = shown_total(qtbot, wizard, open_page, ready_session)
    low, high = DURATION_LIMITS["basic_min"], DURATION_LIMITS["basic_max"]
    assert total.bounds == (low, high)
    assert total.total_s == pytest.approx(total_seconds(ready_session))
    expected = f"Total {total.duration_text(total.total_s)} of {low // 60}–{high // 60} min"
    assert total.text() == expected
    assert total.standing == "within"


def test_the_limits_are_looked_up_once_per_session(qtbot, wizard, open_page, ready_session, cloud_sandbox):
    cloud_sandbox()
    total = shown_total(qtbot, wizard, open_page, ready_session)
    before = total.bounds
    ready_session.choose_take(0, ready_session.takes(0)[0].file)
    wizard.page_of(PageId.RECORD).completeChanged.emit()
    assert not total.runner.busy
    assert not total.looking
    assert total.bounds == before


def test_a_short_recording_is_marked_short(qtbot, wizard, open_page, session, cloud_sandbox):
    cloud_sandbox()
    total = shown_total(qtbot, wizard, open_page, session)
    assert total.total_s == 0
    assert total.standing == "short"
    assert total.text().startswith("Total 0 s of ")


def test_without_limits_the_total_is_still_shown(
    qtbot,
    wizard,
    open_page,
    ready_session,
    sandbox_server,
    monkeypatch,
):
    point_environment_at(monkeypatch, sandbox_server, sk="not-the-secret-key")
    total = shown_total(qtbot, wizard, open_page, ready_session)
    assert total.bounds == (None, None)
    assert total.standing == "unknown"
    assert total.text() == f"Total {total.duration_text(total_seconds(ready_session))} · limits unknown"


def test_the_total_follows_the_ui_language(qtbot, wizard, open_page, ready_session, cloud_sandbox):
    cloud_sandbox()
    total = shown_total(qtbot, wizard, open_page, ready_session)
    i18n.set_language("zh_CN")
    qtbot.waitUntil(lambda: "分钟" in total.text())
    assert "Total" not in total.text()


@pytest.fixture
def bare_total(qtbot, settings) -> RunningTotal:
    """A running total with no session (its text methods only)."""
    holder = SessionHolder()
    made = RunningTotal(settings, holder, holder.changed)
    qtbot.addWidget(made)
    return made


@pytest.mark.parametrize(
    ("seconds", "text"), [(220, "3 min 40 s"), (180, "3 min"), (40, "40 s"), (59.6, "1 min")]
)
def test_durations_are_written_in_minutes_and_seconds(bare_total, seconds, text):
    assert bare_total.duration_text(seconds) == text


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [
        (180, 600, "3–10 min"),
        (150, 600, "2 min 30 s – 10 min"),
        (180, None, "at least 3 min"),
        (None, 600, "at most 10 min"),
    ],
)
def test_limits_are_written_as_a_range(bare_total, low, high, text):
    assert bare_total.limits_text(low, high) == text
