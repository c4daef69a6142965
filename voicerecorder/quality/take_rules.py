"""One function per check id: measured numbers and context in, a :class:`Finding` out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from voicerecorder.quality.analysis import TakeMeasures
from voicerecorder.quality.context import TakeContext
from voicerecorder.quality.report import Finding, Level
from voicerecorder.quality.rules import limit, message
from voicerecorder.quality.textunits import TYPICAL_RATE, rate_unit, rate_units

Rule = Callable[[TakeMeasures, TakeContext], Finding]


def _finding(check_id: str, level: Level, value: float | str | None, key: str, **extra: object) -> Finding:
    rounded = round(value, 4) if isinstance(value, float) else value
    return Finding(check_id, level, rounded, message(key, value=value, **extra))


def clipping_finding(longest_run: int) -> Finding:
    """Fail on a flat top of 3 samples near full scale; value = the longest flat top (samples).

    Only flat tops are clipping: a high peak without one is a headroom finding (:func:`headroom_finding`).
    """
    if longest_run >= limit("clipping.fail_run"):
        return _finding("clipping", Level.FAIL, float(longest_run), "clipping.clipped")
    return _finding("clipping", Level.PASS, float(longest_run), "clipping.ok")


def headroom_finding(peak: float, has_samples: bool) -> Finding:
    """Fail when the peak leaves no room at all, warn when it leaves too little; value = peak dBFS."""
    if not has_samples:
        return _finding("headroom", Level.PASS, None, "headroom.none")
    if peak > limit("headroom.fail_peak"):
        return _finding("headroom", Level.FAIL, peak, "headroom.no_room")
    if peak > limit("headroom.warn_peak"):
        return _finding("headroom", Level.WARN, peak, "headroom.low")
    return _finding("headroom", Level.PASS, peak, "headroom.ok")


def duration(m: TakeMeasures, context: TakeContext) -> Finding:
    seconds = m.duration_s
    if m.frames == 0:
        return _finding("duration", Level.FAIL, 0.0, "duration.empty")
    if not context.per_sentence:
        return _finding("duration", Level.PASS, seconds, "duration.long_form")
    for name, level, key in (
        ("duration.fail_below", Level.FAIL, "duration.too_short"),
        ("duration.warn_below", Level.WARN, "duration.short"),
    ):
        if seconds < limit(name):
            return _finding("duration", level, seconds, key)
    for name, level, key in (
        ("duration.fail_above", Level.FAIL, "duration.too_long"),
        ("duration.warn_above", Level.WARN, "duration.long"),
    ):
        if seconds > limit(name):
            return _finding("duration", level, seconds, key)
    return _finding("duration", Level.PASS, seconds, "duration.ok")


def clipping(m: TakeMeasures, context: TakeContext) -> Finding:
    return clipping_finding(m.longest_clip_run)


def headroom(m: TakeMeasures, context: TakeContext) -> Finding:
    return headroom_finding(m.peak_dbfs, m.frames > 0)


def loudness(m: TakeMeasures, context: TakeContext) -> Finding:
    level = m.loudness_dbfs
    if m.all_zero:
        return _finding("loudness", Level.FAIL, None, "loudness.digital_silence")
    if level is None:
        return _finding("loudness", Level.FAIL, None, "loudness.no_speech")
    if m.peak_dbfs < limit("loudness.fail_peak_below"):
        return _finding("loudness", Level.FAIL, level, "loudness.too_quiet", peak=m.peak_dbfs)
    if level < limit("loudness.warn_below"):
        return _finding("loudness", Level.WARN, level, "loudness.quiet")
    if level > limit("loudness.warn_above"):
        return _finding("loudness", Level.WARN, level, "loudness.loud")
    return _finding("loudness", Level.PASS, level, "loudness.ok")


def noise_floor(m: TakeMeasures, context: TakeContext) -> Finding:
    level = m.noise_floor_dbfs
    if level is None:
        return _finding("noise_floor", Level.PASS, None, "noise_floor.unmeasured")
    if level > limit("noise_floor.fail_above"):
        return _finding("noise_floor", Level.FAIL, level, "noise_floor.too_high")
    if context.studio and level > limit("noise_floor.studio_fail_above"):
        return _finding("noise_floor", Level.FAIL, level, "noise_floor.not_studio")
    if level > limit("noise_floor.warn_above"):
        return _finding("noise_floor", Level.WARN, level, "noise_floor.high")
    return _finding("noise_floor", Level.PASS, level, "noise_floor.ok")


def snr(m: TakeMeasures, context: TakeContext) -> Finding:
    ratio = m.snr_db
    if ratio is None:
        return _finding("snr", Level.PASS, None, "snr.unmeasured")
    if ratio < limit("snr.fail_below"):
        return _finding("snr", Level.FAIL, ratio, "snr.too_low")
    if context.studio and ratio < limit("snr.studio_fail_below"):
        return _finding("snr", Level.FAIL, ratio, "snr.not_studio")
    if ratio < limit("snr.warn_below"):
        return _finding("snr", Level.WARN, ratio, "snr.low")
    return _finding("snr", Level.PASS, ratio, "snr.ok")


def reverb(m: TakeMeasures, context: TakeContext) -> Finding:
    seconds = m.reverb_s
    if seconds is None:
        return _finding("reverb", Level.PASS, None, "reverb.unmeasured")
    if context.studio and seconds > limit("reverb.studio_fail_above"):
        return _finding("reverb", Level.FAIL, seconds, "reverb.not_studio")
    if seconds > limit("reverb.warn_above"):
        return _finding("reverb", Level.WARN, seconds, "reverb.echo")
    return _finding("reverb", Level.PASS, seconds, "reverb.ok")


def _silence(check_id: str, seconds: float | None) -> Finding:
    if seconds is None:
        return _finding(check_id, Level.PASS, None, "silence.no_speech")
    if seconds < limit("silence.warn_below"):
        return _finding(check_id, Level.WARN, seconds, f"{check_id}.short")
    if seconds > limit("silence.warn_above"):
        return _finding(check_id, Level.WARN, seconds, f"{check_id}.long")
    return _finding(check_id, Level.PASS, seconds, f"{check_id}.ok")


def _edges(m: TakeMeasures) -> tuple[float | None, float | None]:
    activity = m.activity
    if not activity.found:
        return None, None
    return activity.start_s, m.duration_s - activity.end_s


def leading_silence(m: TakeMeasures, context: TakeContext) -> Finding:
    return _silence("leading_silence", _edges(m)[0])


def trailing_silence(m: TakeMeasures, context: TakeContext) -> Finding:
    return _silence("trailing_silence", _edges(m)[1])


def cut_off(m: TakeMeasures, context: TakeContext) -> Finding:
    lead, trail = _edges(m)
    if lead is None or trail is None:
        return _finding("cut_off", Level.PASS, None, "silence.no_speech")
    if lead < limit("cut_off.edge"):
        return _finding("cut_off", Level.FAIL, lead, "cut_off.start")
    if trail < limit("cut_off.edge"):
        return _finding("cut_off", Level.FAIL, trail, "cut_off.end")
    return _finding("cut_off", Level.PASS, min(lead, trail), "cut_off.ok")


def _capture_losses(capture: dict[str, Any] | None) -> str | None:
    """The capture engine's reported losses as text ("2 overflows, 480 lost frames"), or None."""
    if not capture:
        return None
    parts = [
        f"{int(capture.get(key) or 0)} {label}"
        for key, label in (("overflows", "overflows"), ("lost_frames", "lost frames"), ("stalls", "stalls"))
        if int(capture.get(key) or 0) > 0
    ]
    return ", ".join(parts) or None


def dropouts(m: TakeMeasures, context: TakeContext) -> Finding:
    losses = _capture_losses(context.capture)
    if losses:
        return _finding("dropouts", Level.FAIL, losses, "dropouts.capture")
    if m.zero_gaps:
        return _finding("dropouts", Level.FAIL, float(m.zero_gaps), "dropouts.zeros")
    return _finding("dropouts", Level.PASS, 0.0, "dropouts.ok")


def dc_offset(m: TakeMeasures, context: TakeContext) -> Finding:
    if m.dc_offset > limit("dc_offset.fail_above"):
        return _finding("dc_offset", Level.FAIL, m.dc_offset, "dc_offset.too_high")
    if m.dc_offset > limit("dc_offset.warn_above"):
        return _finding("dc_offset", Level.WARN, m.dc_offset, "dc_offset.high")
    return _finding("dc_offset", Level.PASS, m.dc_offset, "dc_offset.ok")


def bandwidth(m: TakeMeasures, context: TakeContext) -> Finding:
    edge = m.bandwidth_hz
    if edge is None:
        return _finding("bandwidth", Level.PASS, None, "bandwidth.unmeasured")
    if edge < limit("bandwidth.fail_below"):
        return _finding("bandwidth", Level.FAIL, edge, "bandwidth.too_narrow")
    if edge < limit("bandwidth.warn_below"):
        return _finding("bandwidth", Level.WARN, edge, "bandwidth.narrow")
    return _finding("bandwidth", Level.PASS, edge, "bandwidth.ok")


def describe_format(samplerate: int, channels: int) -> str:
    """``"48000 Hz, mono"`` / ``"44100 Hz, 2 channels"``."""
    return f"{samplerate} Hz, " + ("mono" if channels == 1 else f"{channels} channels")


def file_format(m: TakeMeasures, context: TakeContext) -> Finding:
    text = describe_format(m.samplerate, m.channels)
    if m.samplerate < limit("format.fail_rate_below"):
        return _finding("format", Level.FAIL, text, "format.rate_too_low")
    levels = m.channel_dbfs
    if len(levels) > 1 and min(levels) < max(levels) - limit("format.dead_channel"):
        return _finding("format", Level.WARN, text, "format.dead_channel")
    if m.samplerate != limit("format.target_rate") or m.channels != 1:
        return _finding("format", Level.WARN, text, "format.converted")
    return _finding("format", Level.PASS, text, "format.ok")


def units_per_second(m: TakeMeasures, context: TakeContext) -> float | None:
    """Characters (CN) or syllables (EN) per second of speech, or None without text or speech."""
    if not context.text or not m.activity.found:
        return None
    units = rate_units(context.text, context.language)
    span = m.activity.end_s - m.activity.start_s
    return units / span if units and span > 0 else None


def _pace(context: TakeContext) -> tuple[float, float, str]:
    """(pace to compare with, tolerance, message prefix): the talent's own median once enough takes
    hold it, else the language's typical pace with a wider tolerance."""
    if context.median_units_per_s and context.rate_takes >= limit("speaking_rate.min_takes"):
        return context.median_units_per_s, limit("speaking_rate.warn_deviation"), "speaking_rate."
    return (
        TYPICAL_RATE[context.language.upper()],
        limit("speaking_rate.typical_deviation"),
        "speaking_rate.typical_",
    )


def speaking_rate(m: TakeMeasures, context: TakeContext) -> Finding:
    rate = units_per_second(m, context)
    if rate is None:
        key = "speaking_rate.no_speech" if context.text and not m.activity.found else "speaking_rate.no_text"
        return _finding("speaking_rate", Level.PASS, None, key)
    pace, tolerance, prefix = _pace(context)
    unit = rate_unit(context.language)
    values = {
        "pace": pace,
        "unit_en": unit.en,
        "unit_zh": unit.zh,
        "takes": int(limit("speaking_rate.min_takes")),
    }
    deviation = rate / pace - 1.0
    if abs(deviation) > tolerance:
        key = prefix + ("fast" if deviation > 0 else "slow")
        return _finding("speaking_rate", Level.WARN, rate, key, percent=abs(deviation) * 100, **values)
    return _finding("speaking_rate", Level.PASS, rate, prefix + "ok", **values)


def consistency(m: TakeMeasures, context: TakeContext) -> Finding:
    level = m.loudness_dbfs
    if level is None:
        return _finding("consistency", Level.PASS, None, "consistency.no_speech")
    if context.median_loudness_dbfs is None:
        return _finding("consistency", Level.PASS, None, "consistency.first")
    apart = level - context.median_loudness_dbfs
    if abs(apart) > limit("consistency.warn_apart"):
        key = "consistency.louder" if apart > 0 else "consistency.quieter"
        return _finding("consistency", Level.WARN, apart, key, magnitude=abs(apart))
    return _finding("consistency", Level.PASS, apart, "consistency.ok")


def describe_device(device: dict[str, Any] | None, samplerate: int | None) -> str:
    """``"USB Mic (ALSA), 48000 Hz"`` from a device dict and a rate (either may be missing)."""
    device = device or {}
    name = str(device.get("name") or "unknown device")
    text = f"{name} ({device['hostapi']})" if device.get("hostapi") else name
    return f"{text}, {samplerate} Hz" if samplerate else text


def device(m: TakeMeasures, context: TakeContext) -> Finding:
    capture = context.capture or {}
    if not capture.get("device"):
        return _finding("device", Level.PASS, None, "device.unknown")
    rate = int(capture.get("samplerate") or m.samplerate)
    used = describe_device(capture["device"], rate)
    if context.session_device is None:
        return _finding("device", Level.PASS, used, "device.first")
    expected = describe_device(context.session_device, context.session_samplerate or rate)
    if used != expected:
        return _finding("device", Level.WARN, used, "device.changed", expected=expected)
    return _finding("device", Level.PASS, used, "device.ok")


TAKE_RULES: tuple[Rule, ...] = (
    duration,
    clipping,
    headroom,
    loudness,
    noise_floor,
    snr,
    reverb,
    leading_silence,
    trailing_silence,
    cut_off,
    dropouts,
    dc_offset,
    bandwidth,
    file_format,
    speaking_rate,
    consistency,
    device,
)
