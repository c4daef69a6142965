"""One problem, one message: a level problem leaves the measures it spoils unjudged, and says so."""

from __future__ import annotations

from dataclasses import replace

from voicerecorder.quality.report import Finding, Level, TakeReport
from voicerecorder.quality.rules import message
from voicerecorder.text import Bilingual

# The checks whose problem spoils other measures, first match wins, with what each one spoils.
# Clipping flattens the loudest sound, so the level and the headroom are measured on distortion;
# a wrong speech level misleads the speech detector (too quiet: onsets and tails are taken for
# noise; too loud: noise is taken for speech), so the noise floor, the signal-to-noise ratio, the
# room's decay, the speaking rate and the comparison with the session are all measured on the
# wrong stretches.
_ROOM_AND_READING = frozenset({"noise_floor", "snr", "reverb", "speaking_rate", "consistency"})
SUPPRESSES: tuple[tuple[str, frozenset[str]], ...] = (
    ("clipping", frozenset({"loudness", "headroom"}) | _ROOM_AND_READING),
    ("loudness", frozenset({"headroom"}) | _ROOM_AND_READING),
)

_NAMES = {
    "clipping": Bilingual("clipping", "削波"),
    "loudness": Bilingual("speech level", "语音电平"),
    "headroom": Bilingual("headroom", "余量"),
    "noise_floor": Bilingual("background noise", "背景噪声"),
    "snr": Bilingual("signal-to-noise ratio", "信噪比"),
    "reverb": Bilingual("reverberation", "混响"),
    "speaking_rate": Bilingual("speaking rate", "语速"),
    "consistency": Bilingual("level consistency", "音量一致性"),
}


def suppress_spoiled(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    """``findings`` with the measures spoiled by a level problem left unjudged.

    A cause counts only when it measured something (no speech at all spoils nothing the other
    rules did not already leave unmeasured), and a finding is only left unjudged by a cause at
    least as severe as itself, so suppressing never makes a take's verdict milder.
    """
    by_id = {f.id: f for f in findings}
    for cause_id, spoiled in SUPPRESSES:
        cause = by_id.get(cause_id)
        if cause is None or cause.level is Level.PASS or cause.value is None:
            continue
        for check_id in spoiled:
            found = by_id.get(check_id)
            if found is not None and found.suppressed_by is None and found.level.rank <= cause.level.rank:
                by_id[check_id] = replace(
                    found, level=Level.PASS, message=message(f"suppressed.{cause_id}"), suppressed_by=cause_id
                )
        break
    return tuple(by_id[f.id] for f in findings)


def suppression_note(report: TakeReport) -> Bilingual | None:
    """ "Not judged until the speech level is fixed: …" for a report with suppressed findings, else None."""
    spoiled = report.suppressed()
    if not spoiled:
        return None
    cause = _NAMES[str(spoiled[0].suppressed_by)]
    names = [_NAMES[f.id] for f in spoiled]
    return Bilingual(
        f"Not judged until the {cause.en} is fixed: " + ", ".join(n.en for n in names) + ".",
        f"在{cause.zh}问题解决之前不评判：" + "、".join(n.zh for n in names) + "。",
    )
