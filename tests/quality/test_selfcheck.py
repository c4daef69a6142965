"""The quality layer's self-test probes: the checker on a made-up take, and NumPy's BLAS."""

import numpy as np
import pytest

from voicerecorder.quality import selfcheck


def test_the_made_up_take_is_measured_in_its_room():
    detail = selfcheck.check_checker()
    lufs, _, rest = detail.partition(" LUFS, reverb ")
    assert -30 < float(lufs) < -10
    assert float(rest.split(" s;")[0]) == pytest.approx(0.5, abs=0.2)
    assert detail.endswith(selfcheck.numpy_build())


def test_a_take_without_loudness_or_room_fails_the_check(monkeypatch):
    monkeypatch.setattr(selfcheck, "made_up_take", lambda: np.zeros(3 * selfcheck.RATE, np.float32))
    with pytest.raises(RuntimeError, match="measured no lufs, reverb_s, snr_db"):
        selfcheck.check_checker()


@pytest.mark.parametrize(
    ("blas", "shown"),
    [
        ({"name": "scipy-openblas", "found": True}, "scipy-openblas"),
        ({"name": "none", "found": False}, "none"),
    ],
)
def test_numpy_build_names_the_blas_or_none(monkeypatch, blas, shown):
    monkeypatch.setattr(np, "show_config", lambda mode: {"Build Dependencies": {"blas": blas}})
    assert selfcheck.numpy_build() == f"numpy {np.__version__}, BLAS {shown}"
