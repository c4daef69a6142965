"""The ADVANCE whole recording: takes in order, cut to their speech, separated by pauses of
the session's own room tone (never digital silence); where each sentence sits."""

import itertools

import numpy as np
import pytest
import soundfile
from support.metastudio_zip import RATE, sentence_text, speechlike

from voicerecorder.errors import UserFacingError
from voicerecorder.session import longwav
from voicerecorder.session.form import VoiceForm
from voicerecorder.session.longwav import MARGIN_S, PAUSE_S, long_recording, room_tone
from voicerecorder.session.script import Script, Sentence
from voicerecorder.session.store import Session


def takes(count: int, noise_dbfs: float = -62.0) -> list[np.ndarray]:
    return [
        speechlike(3.0 + index % 3, seed=index, noise_dbfs=noise_dbfs, tail_s=0.6).astype(np.float64)
        for index in range(count)
    ]


def rms_db(samples: np.ndarray) -> float:
    return 10 * np.log10(np.mean(samples**2) + 1e-20)


def build(recorded: list[np.ndarray]) -> tuple[np.ndarray, list[longwav.Span]]:
    parts: list[np.ndarray] = []
    spans = long_recording(iter(recorded), RATE, room_tone(recorded, RATE), parts.append)
    return np.concatenate(parts), spans


def test_sentences_in_order_with_pauses_of_room_tone_between_them():
    recorded = takes(4)
    whole, spans = build(recorded)
    assert len(spans) == 4
    assert spans[0].start_s == pytest.approx(MARGIN_S, abs=0.02)
    for index, (before, after) in enumerate(itertools.pairwise(spans)):
        gap = after.start_s - before.end_s
        assert 2.0 <= gap <= 3.0, index
        assert gap == pytest.approx(PAUSE_S + 2 * MARGIN_S, abs=0.02)
        pause = whole[round((before.end_s + 0.2) * RATE) : round((after.start_s - 0.2) * RATE)]
        assert np.count_nonzero(pause == 0.0) < pause.size // 100  # room tone, not digital silence
        assert -70.0 < rms_db(pause) < -55.0  # at the takes' own noise level (-62 dBFS)
    for span, take in zip(spans, recorded, strict=True):
        speech = whole[round(span.start_s * RATE) : round(span.end_s * RATE)]
        assert rms_db(speech) > -35.0
        assert span.end_s - span.start_s < take.size / RATE
    assert whole.size / RATE == pytest.approx(spans[-1].end_s + MARGIN_S, abs=0.02)


def test_the_pauses_carry_on_through_the_room_tone_instead_of_repeating_one_stretch():
    recorded = takes(6)
    whole, spans = build(recorded)
    first, second = (whole[round((a.end_s + 0.2) * RATE) : round((a.end_s + 1.2) * RATE)] for a in spans[:2])
    assert not np.allclose(first, second)


def test_takes_without_room_tone_are_refused():
    silent = [np.where(np.abs(take) < 0.01, 0.0, take) for take in takes(3)]  # a noise gate's output
    clean = [take[round(0.3 * RATE) : -round(0.6 * RATE)] for take in takes(3)]  # cut to the speech
    assert all(np.count_nonzero(take[: round(0.2 * RATE)]) == 0 for take in silent)
    for recorded in (silent, clean):
        with pytest.raises(UserFacingError) as refused:
            room_tone(recorded, RATE)
        assert "room tone" in refused.value.message.en
        assert "底噪" in refused.value.message.zh


@pytest.mark.parametrize(("edition", "count", "verdict"), [("BASIC", 20, "warn"), ("ADVANCE", 500, "fail")])
def test_an_advance_session_checks_its_takes_against_studio_limits(tmp_path, edition, count, verdict):
    script = Script("CN", tuple(Sentence(f"{i:03d}", sentence_text(i, "CN", 6.0)) for i in range(count)), "t")
    session = Session.create(
        VoiceForm("Ada", "FEMALE", "NEWS", "CN"), edition, script, writer="tests", folder=tmp_path / "s"
    )
    path = tmp_path / "take.wav"
    soundfile.write(path, speechlike(6.0, noise_dbfs=-56.0), RATE, subtype="PCM_16")
    checks = {check["id"]: check["level"] for check in session.add_take(0, path).check["checks"]}
    assert checks["noise_floor"] == verdict
