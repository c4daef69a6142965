"""The findings of a take: in the order to fix them, what was left unjudged, three fit without scrolling."""

from voicerecorder.quality.report import Finding, Level, TakeReport
from voicerecorder.text import Bilingual
from voicerecorder.ui.widgets.finding_list import VISIBLE_FINDINGS, FindingList
from voicerecorder.ui.widgets.verdict_panel import VerdictPanel

LONG = "Move closer to the microphone (about a fist away) or raise the input gain, then re-record. " * 2


def _finding(check_id: str, level: Level, text: str, suppressed_by: str | None = None) -> Finding:
    return Finding(check_id, level, 1.0, Bilingual(text, text), suppressed_by)


def test_findings_come_in_fix_order_with_what_was_not_judged(qtbot):
    report = TakeReport(
        (
            _finding("duration", Level.FAIL, "Too long."),
            _finding("loudness", Level.WARN, "Too quiet."),
            _finding("snr", Level.PASS, "Not judged.", suppressed_by="loudness"),
            _finding("device", Level.WARN, "Other microphone."),
        )
    )
    view = FindingList()
    qtbot.addWidget(view)
    view.set_report(report)
    assert view.messages() == [
        "Other microphone.",
        "Too quiet.",
        "Too long.",
        "Not judged until the speech level is fixed: signal-to-noise ratio.",
    ]


def test_the_verdict_panel_shows_three_findings_without_scrolling(qtbot):
    report = TakeReport(
        tuple(
            _finding(i, Level.WARN, f"{n}. {LONG}")
            for n, i in enumerate(("device", "format", "bandwidth", "dc_offset"))
        )
    )
    panel = VerdictPanel()
    qtbot.addWidget(panel)
    panel.resize(520, 100)
    panel.show()
    panel.set_report(report)
    qtbot.waitExposed(panel)
    view = panel.findings

    def fitted() -> bool:
        """The panel at the smallest height its layout allows, once that height has settled."""
        panel.resize(520, panel.minimumSizeHint().height())
        return (
            panel.height() == panel.minimumSizeHint().height()
            and view.minimumSizeHint().height() <= view.height()
        )

    qtbot.waitUntil(fitted, timeout=2000)
    visible = view.viewport().rect()
    rows = [view.visualItemRect(view.item(row)) for row in range(view.count())]
    assert all(visible.contains(rect) for rect in rows[:VISIBLE_FINDINGS])
    assert not visible.contains(rows[VISIBLE_FINDINGS])
    assert rows[0].height() > view.fontMetrics().height()


def test_suppressed_findings_are_shown_as_not_judged_never_as_passed(qtbot):
    report = TakeReport(
        (
            _finding("loudness", Level.FAIL, "Far too quiet."),
            _finding("noise_floor", Level.PASS, "Not judged.", suppressed_by="loudness"),
            _finding("speaking_rate", Level.PASS, "Rate not judged.", suppressed_by="loudness"),
            _finding("hum", Level.PASS, "No hum."),
        )
    )
    view = FindingList(show_passing=True)
    qtbot.addWidget(view)
    view.set_report(report)
    assert view.messages() == [
        "Far too quiet.",
        "No hum.",
        "Not judged until the speech level is fixed: background noise, speaking rate.",
    ]
    panel = VerdictPanel()
    qtbot.addWidget(panel)
    panel.set_report(report)
    assert panel.rate.text() == ""
    assert panel.findings.messages()[-1].startswith("Not judged until the speech level is fixed")
