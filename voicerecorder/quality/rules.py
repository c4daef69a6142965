"""The one table of take-checker thresholds (each with its source) and the messages that say what to do.

Thresholds come from ``spec/quality-rules.md``. Where a measurement needed a parameter of its
own (how speech is told from silence, how the bandwidth edge is found) the value is listed here
too, with the evidence it was tuned on. Change a value only with a recording that was judged
wrongly, and keep the test that pins it.
"""

from __future__ import annotations

from dataclasses import dataclass

from voicerecorder.permissions import microphone_blocked_message
from voicerecorder.text import Bilingual


@dataclass(frozen=True)
class Limit:
    """One threshold: its value, its unit and where it comes from."""

    value: float
    unit: str
    source: str


_MS = "MetaStudio per-sentence mode: clips 5-15 s, > 15 s makes training fail"
_AZURE_LEVEL = "Azure CNV: peaks -6...-3 dB, overall volume flagged below -18 dB"
_ACX = "ACX / ElevenLabs: -23...-18 dB RMS, peaks <= -3 dB, noise floor <= -60 dB RMS"
_TUNED = "tuned on espeak-ng speech mixed with white noise (tests/quality)"
_STUDIO = (
    "MetaStudio guide: the ADVANCE (premium) edition asks for a professional studio and a "
    "high-fidelity microphone (spec/metastudio-api.md 7.2), so its warn level is its fail level"
)
_ROOM = (
    "MetaStudio guide: a quiet room without echo or reverb (spec/recording-anchors.md), and its "
    "quality check rates reverberation (AssessResult.reverb)"
)

LIMITS: dict[str, Limit] = {
    "duration.fail_below": Limit(1.0, "s", _MS + "; Common Voice rejects < 1 s"),
    "duration.warn_below": Limit(5.0, "s", _MS),
    "duration.warn_above": Limit(13.0, "s", _MS + " (2 s of margin before the hard limit)"),
    "duration.fail_above": Limit(15.0, "s", _MS),
    "clipping.near_full_scale": Limit(
        -1.0,
        "dBFS",
        "quality-rules.md: within 1 dB of full scale; converters and built-in limiters clip just "
        "below 0 dBFS, and only identical consecutive samples (flat tops) at this level count",
    ),
    "clipping.fail_run": Limit(3, "samples", "quality-rules.md: >= 3 consecutive samples at/near full scale"),
    "headroom.fail_peak": Limit(
        -0.5,
        "dBFS",
        "quality-rules.md: a peak above -0.5 dBFS without a flat top is not clipped but leaves no room "
        "for a louder word; the first table filed it as clipping, which told talent their sound was "
        "clipped when it was not",
    ),
    "headroom.warn_peak": Limit(-3.0, "dBFS", _AZURE_LEVEL + "; ACX peak <= -3 dB"),
    "loudness.warn_below": Limit(-26.0, "dBFS", _ACX + " (3 dB of tolerance)"),
    "loudness.warn_above": Limit(-15.0, "dBFS", _ACX + " (3 dB of tolerance)"),
    "loudness.fail_peak_below": Limit(-18.0, "dBFS", _AZURE_LEVEL + " (read as peak)"),
    "noise_floor.warn_above": Limit(-60.0, "dBFS", _ACX),
    "noise_floor.fail_above": Limit(-45.0, "dBFS", "quality-rules.md; Azure: noise before speech < -70 dB"),
    "noise_floor.studio_fail_above": Limit(-60.0, "dBFS", _STUDIO + "; " + _ACX),
    "snr.warn_below": Limit(35.0, "dB", "Azure CNV: > 35 dB recommended"),
    "snr.studio_fail_below": Limit(35.0, "dB", _STUDIO + "; Azure CNV: > 35 dB recommended"),
    "snr.fail_below": Limit(20.0, "dB", "Azure CNV: < 20 dB flagged"),
    "reverb.warn_above": Limit(
        0.8, "s", _ROOM + "; small offices ring 0.2-0.5 s, so above 0.8 s the echo is heard"
    ),
    "reverb.studio_fail_above": Limit(
        0.4, "s", _STUDIO + "; " + _ROOM + "; a treated voice room rings less than a small office (0.2-0.5 s)"
    ),
    "silence.warn_below": Limit(0.15, "s", "Azure CNV: 100-200 ms of silence at each end"),
    "silence.warn_above": Limit(2.0, "s", "quality-rules.md: more than 2 s of silence is wasted"),
    "cut_off.edge": Limit(0.03, "s", "speech within 30 ms of the file edge was cut (Common Voice #1521)"),
    "dropouts.zero_run": Limit(0.005, "s", "Audacity dropout detection; Common Voice #2784"),
    "dc_offset.warn_above": Limit(0.01, "FS", "quality-rules.md: broken interface or driver"),
    "dc_offset.fail_above": Limit(0.05, "FS", "quality-rules.md: broken interface or driver"),
    "bandwidth.warn_below": Limit(10000.0, "Hz", "TTS training wants full band; 16 kHz links reach 8 kHz"),
    "bandwidth.fail_below": Limit(5000.0, "Hz", "Bluetooth hands-free and phone links stop at 4 kHz"),
    "bandwidth.edge_db": Limit(
        50.0,
        "dB",
        "edge = highest frequency within this many dB of the 200 Hz-4 kHz speech spectrum; "
        "the 99 % energy point of the spec cannot tell 16 kHz links (4.9 kHz) from full band "
        "(5.3 kHz) on espeak-ng speech, this edge gives 3.9 / 7.8 / 10.6 kHz for 8 / 16 / 22 kHz links",
    ),
    "format.fail_rate_below": Limit(16000, "Hz", "Azure rejects < 16 kHz; Huawei SIS asks for >= 16 kHz"),
    "format.target_rate": Limit(48000, "Hz", "MetaStudio recommends 48 kHz mono"),
    "format.dead_channel": Limit(
        30.0, "dB", "a channel this far below the loudest one is an empty input; the mono mix loses 6 dB"
    ),
    "speaking_rate.warn_deviation": Limit(0.25, "ratio", "Mimic Recording Studio: +-25 % of own average"),
    "speaking_rate.min_takes": Limit(
        10,
        "takes",
        "Mimic Recording Studio compares with the own average only after 20 prompts; the median of 10 "
        "takes is not moved by up to 4 odd ones, while 1 or 2 earlier takes are no usual pace at all",
    ),
    "speaking_rate.typical_cn": Limit(
        4.6,
        "characters per second",
        "quality-rules.md clip length: 25-60 characters of a prompt read in 5-13 s (60 / 13 = 4.6; "
        "one Mandarin character is one syllable)",
    ),
    "speaking_rate.typical_en": Limit(
        4.0,
        "syllables per second",
        "quality-rules.md clip length: 12-30 words read in 5-13 s (about 2.3-2.5 words per second, "
        "140-150 words per minute, the pace of audiobook narration) at about 1.6 syllables per English word",
    ),
    "speaking_rate.typical_deviation": Limit(
        0.5,
        "ratio",
        "Mimic Recording Studio: +-50 % of own average where that average is least certain (short "
        "lines); a language's typical pace is less certain for one talent than their own average",
    ),
    "consistency.warn_apart": Limit(4.0, "dB", "MetaStudio: same setup for one batch; Azure match file"),
    "lufs.min_duration": Limit(0.4, "s", "ITU-R BS.1770: one 400 ms gating block"),
    "speech.vad_mode": Limit(2, "webrtcvad mode", _TUNED + ": mode 3 drops weak onsets"),
    "speech.above_noise": Limit(6.0, "dB", _TUNED + ": a speech frame is this far above the noise"),
    "speech.below_loudest": Limit(45.0, "dB", _TUNED + ": frames this far below the loudest are tails"),
    "speech.min_run": Limit(0.05, "s", _TUNED + ": webrtcvad start-up blips last 70-90 ms at low energy"),
    "speech.min_total": Limit(0.1, "s", "less speech than this is no speech at all"),
    "noise.guard": Limit(0.1, "s", "non-speech this close to speech holds breaths and decay, not noise"),
    "room.noise_warn_above": Limit(-60.0, "dBFS", _ACX),
    "room.noise_fail_above": Limit(-50.0, "dBFS", "quality-rules.md (room tone)"),
    "room.hum_warn_above": Limit(-70.0, "dBFS", "Azure CNV: noise before speech < -70 dB"),
    "room.hum_prominence": Limit(15.0, "dB", "a mains line this far above its neighbours is hum"),
    "line.warn_peak_below": Limit(-12.0, "dBFS", "recording-anchors.md section 2: warn if peak < -12 dBFS"),
}


def limit(name: str) -> float:
    """The value of the threshold ``name`` from :data:`LIMITS`."""
    return LIMITS[name].value


MESSAGES: dict[str, Bilingual] = {
    "duration.ok": Bilingual("Length {value:.1f} s is fine.", "时长 {value:.1f} 秒，合适。"),
    "duration.empty": Bilingual(
        "Nothing was recorded. Record the sentence again.", "没有录到任何声音，请重新录制这一句。"
    ),
    "duration.too_short": Bilingual(
        "The take is only {value:.1f} s. Read the whole sentence at an even pace and re-record.",
        "录音只有 {value:.1f} 秒。请以平稳的语速读完整句后重新录制。",
    ),
    "duration.short": Bilingual(
        "The take is {value:.1f} s; 5-15 s works best. Read a little slower, or choose a longer sentence.",
        "录音 {value:.1f} 秒；5–15 秒最合适。请稍微放慢语速，或换一个更长的句子。",
    ),
    "duration.long": Bilingual(
        "The take is {value:.1f} s, close to the 15 s limit. Read a little faster or trim the pauses.",
        "录音 {value:.1f} 秒，接近 15 秒上限。请稍微加快语速或缩短停顿。",
    ),
    "duration.too_long": Bilingual(
        "The take is {value:.1f} s; more than 15 s makes training fail. "
        "Read faster, shorten the pauses, or split the sentence.",
        "录音 {value:.1f} 秒；超过 15 秒会导致训练失败。请加快语速、缩短停顿或拆分句子。",
    ),
    "duration.long_form": Bilingual(
        "Long-form recording: no per-sentence length limit.", "长音频录制：不限制单句时长。"
    ),
    "clipping.ok": Bilingual("No clipping.", "没有削波。"),
    "clipping.clipped": Bilingual(
        "The sound is clipped: {value:.0f} samples in a row are flat at the top of the range. Lower the "
        "input gain or move back a little, then re-record.",
        "声音削波：连续 {value:.0f} 个采样被削平在满幅处。请调低输入增益或离麦克风稍远一点，然后重新录制。",
    ),
    "headroom.ok": Bilingual(
        "Peak {value:.1f} dBFS leaves enough headroom.", "峰值 {value:.1f} dBFS，余量充足。"
    ),
    "headroom.low": Bilingual(
        "Peak {value:.1f} dBFS is close to clipping. Lower the input gain a little "
        "so the loudest words peak around -6 dBFS.",
        "峰值 {value:.1f} dBFS，接近削波。请稍微调低输入增益，让最响的字峰值在 -6 dBFS 左右。",
    ),
    "headroom.no_room": Bilingual(
        "The loudest peak reaches {value:.2f} dBFS: no room is left, a slightly louder word would clip. "
        "Lower the input gain by about 6 dB, then re-record.",
        "最响处峰值达到 {value:.2f} dBFS：已没有余量，稍响一点的字就会削波。"
        "请把输入增益调低约 6 dB，然后重新录制。",
    ),
    "headroom.none": Bilingual("Nothing to measure.", "没有可测量的声音。"),
    "loudness.ok": Bilingual("Speech level {value:.1f} dBFS is fine.", "语音电平 {value:.1f} dBFS，合适。"),
    "loudness.quiet": Bilingual(
        "Speech is quiet ({value:.1f} dBFS). Move closer to the microphone (about a fist away) "
        "or raise the input gain.",
        "语音偏小（{value:.1f} dBFS）。请靠近麦克风（约一拳距离）或调高输入增益。",
    ),
    "loudness.too_quiet": Bilingual(
        "Far too quiet: the loudest word peaks at only {peak:.1f} dBFS. Move closer to the "
        "microphone and raise the input gain, then re-record.",
        "声音太小：最响处峰值只有 {peak:.1f} dBFS。请靠近麦克风并调高输入增益，然后重新录制。",
    ),
    "loudness.loud": Bilingual(
        "Speech is loud ({value:.1f} dBFS). Lower the input gain or move back a little.",
        "语音偏大（{value:.1f} dBFS）。请调低输入增益或离麦克风稍远一点。",
    ),
    "loudness.no_speech": Bilingual(
        "No speech was found. Check that the right microphone is selected and not muted, then re-record.",
        "没有检测到语音。请确认选择了正确的麦克风且未静音，然后重新录制。",
    ),
    "loudness.digital_silence": Bilingual(
        "The take is pure digital silence: the operating system may be blocking the microphone. "
        "Allow microphone access in the system privacy settings, then re-record.",
        "录音是完全的数字静音：操作系统可能阻止了麦克风。请在系统隐私设置中允许访问麦克风，然后重新录制。",
    ),
    "noise_floor.ok": Bilingual(
        "Background noise {value:.1f} dBFS is low.", "背景噪声 {value:.1f} dBFS，很低。"
    ),
    "noise_floor.high": Bilingual(
        "Background noise is {value:.1f} dBFS. Switch off fans and air conditioning, close the "
        "windows, and keep the laptop fan away from the microphone.",
        "背景噪声为 {value:.1f} dBFS。请关闭风扇和空调、关好窗户，并让电脑风扇远离麦克风。",
    ),
    "noise_floor.too_high": Bilingual(
        "Background noise is far too loud ({value:.1f} dBFS). Find a quieter room, switch off "
        "noisy devices, then re-record.",
        "背景噪声太大（{value:.1f} dBFS）。请换一个更安静的房间、关闭发出噪声的设备，然后重新录制。",
    ),
    "noise_floor.not_studio": Bilingual(
        "Background noise is {value:.1f} dBFS; the ADVANCE edition needs studio quiet (−60 dBFS or "
        "less). Record in a treated, silent room, then re-record.",
        "背景噪声为 {value:.1f} dBFS；高级版（ADVANCE）需要录音棚级的安静（不高于 −60 dBFS）。"
        "请在经过声学处理的安静房间里重新录制。",
    ),
    "noise_floor.unmeasured": Bilingual(
        "Not enough silence to measure the noise. Leave half a second of silence before and after you speak.",
        "静音太短，无法测量噪声。请在开口前和说完后各留半秒静音。",
    ),
    "snr.ok": Bilingual("Signal-to-noise ratio {value:.0f} dB is good.", "信噪比 {value:.0f} dB，良好。"),
    "snr.low": Bilingual(
        "Signal-to-noise ratio is {value:.0f} dB (35 dB or more is best). Move closer to the "
        "microphone or make the room quieter.",
        "信噪比为 {value:.0f} dB（最好不低于 35 dB）。请靠近麦克风或让房间更安静。",
    ),
    "snr.too_low": Bilingual(
        "Signal-to-noise ratio is only {value:.0f} dB: the noise will be heard in the voice. "
        "Make the room quieter and move closer to the microphone, then re-record.",
        "信噪比只有 {value:.0f} dB：合成的声音里会带噪声。请让房间更安静并靠近麦克风，然后重新录制。",
    ),
    "snr.not_studio": Bilingual(
        "Signal-to-noise ratio is {value:.0f} dB; the ADVANCE edition needs studio quality (35 dB or "
        "more). Make the room quieter and move closer to the microphone, then re-record.",
        "信噪比为 {value:.0f} dB；高级版（ADVANCE）需要录音棚级音质（不低于 35 dB）。"
        "请让房间更安静并靠近麦克风，然后重新录制。",
    ),
    "snr.unmeasured": Bilingual(
        "Signal-to-noise ratio not measured: no speech or no silence to compare.",
        "未测量信噪比：没有可比较的语音或静音。",
    ),
    "reverb.ok": Bilingual(
        "The room rings for about {value:.2f} s after you stop: dry enough.",
        "停止说话后房间余响约 {value:.2f} 秒：足够干净。",
    ),
    "reverb.echo": Bilingual(
        "The room echoes (about {value:.1f} s of reverberation after you stop). Record in a smaller "
        "room with soft furnishings, or hang blankets around the microphone.",
        "房间有回声（停止说话后约 {value:.1f} 秒余响）。请换到有软装的小房间录音，或在麦克风周围挂上毯子。",
    ),
    "reverb.not_studio": Bilingual(
        "The room rings for about {value:.2f} s after you stop; the ADVANCE edition needs a treated, "
        "dry room (0.4 s or less). Record in a vocal booth or a treated room, then re-record.",
        "停止说话后房间余响约 {value:.2f} 秒；高级版（ADVANCE）需要经过声学处理的干声环境（不超过 0.4 秒）。"
        "请在录音间或经过声学处理的房间里重新录制。",
    ),
    "reverb.unmeasured": Bilingual(
        "Reverberation not measured: no clear pause after the speech to listen to the room.",
        "未测量混响：说话后没有清晰的停顿可用来听房间的余响。",
    ),
    "leading_silence.ok": Bilingual(
        "{value:.2f} s of silence before speech.", "开口前有 {value:.2f} 秒静音。"
    ),
    "leading_silence.short": Bilingual(
        "Speech starts after only {value:.2f} s. Leave half a second of silence before you speak.",
        "开口前只有 {value:.2f} 秒静音。请在开口前留半秒静音。",
    ),
    "leading_silence.long": Bilingual(
        "{value:.1f} s of silence before speech. Start speaking within a second or two.",
        "开口前有 {value:.1f} 秒静音。请在一两秒内开始朗读。",
    ),
    "trailing_silence.ok": Bilingual(
        "{value:.2f} s of silence after speech.", "说完后有 {value:.2f} 秒静音。"
    ),
    "trailing_silence.short": Bilingual(
        "Only {value:.2f} s after the last word. Wait half a second before you stop recording.",
        "最后一个字之后只有 {value:.2f} 秒。请停顿半秒再停止录音。",
    ),
    "trailing_silence.long": Bilingual(
        "{value:.1f} s of silence after speech. Stop recording sooner after the last word.",
        "说完后有 {value:.1f} 秒静音。请在读完后及时停止录音。",
    ),
    "silence.no_speech": Bilingual("Not measured: no speech found.", "未测量：没有检测到语音。"),
    "cut_off.ok": Bilingual("Speech is complete at both ends.", "语音首尾完整。"),
    "cut_off.start": Bilingual(
        "The first word is cut off. Start recording, wait half a second, then speak; re-record.",
        "第一个字被截断。请先开始录音，停顿半秒后再开口，然后重新录制。",
    ),
    "cut_off.end": Bilingual(
        "The last word is cut off. Wait half a second after the last word before you stop; re-record.",
        "最后一个字被截断。请读完后停顿半秒再停止录音，然后重新录制。",
    ),
    "dropouts.ok": Bilingual("No dropouts.", "没有断音。"),
    "dropouts.zeros": Bilingual(
        "The audio has {value:.0f} gap(s) of digital silence inside speech. Turn off noise gates or "
        "noise suppression, close other audio programs, plug the laptop in, then re-record.",
        "语音中有 {value:.0f} 处数字静音断档。请关闭噪声门或降噪功能、"
        "关闭其他音频程序、接上电源，然后重新录制。",
    ),
    "dropouts.capture": Bilingual(
        "The recording lost audio ({value}). Close other programs, plug the laptop in, "
        "use a USB port directly on the computer, then re-record.",
        "录音过程中丢失了音频（{value}）。请关闭其他程序、接上电源、"
        "把麦克风直接插在电脑的 USB 口上，然后重新录制。",
    ),
    "dc_offset.ok": Bilingual("No DC offset.", "没有直流偏移。"),
    "dc_offset.high": Bilingual(
        "The signal has a DC offset of {value:.1%} of full scale. Try another USB port or audio "
        "interface, or update its driver.",
        "信号有 {value:.1%} 满幅的直流偏移。请换一个 USB 口或声卡，或更新驱动。",
    ),
    "dc_offset.too_high": Bilingual(
        "The signal has a DC offset of {value:.1%} of full scale: the interface or its driver is "
        "faulty. Use another microphone or interface, then re-record.",
        "信号有 {value:.1%} 满幅的直流偏移：声卡或驱动有故障。请换一个麦克风或声卡，然后重新录制。",
    ),
    "bandwidth.ok": Bilingual(
        "Full-band sound (up to {value:.0f} Hz).", "全频带声音（最高 {value:.0f} Hz）。"
    ),
    "bandwidth.narrow": Bilingual(
        "The sound only reaches {value:.0f} Hz. A wideband headset or a low sample rate is in use: "
        "use a wired USB or XLR microphone at 48 kHz.",
        "声音最高只到 {value:.0f} Hz。正在使用宽带耳机或低采样率："
        "请改用有线 USB 或 XLR 麦克风，采样率 48 kHz。",
    ),
    "bandwidth.too_narrow": Bilingual(
        "Telephone-quality sound (only up to {value:.0f} Hz): this is typical of Bluetooth headsets. "
        "Use a wired microphone, then re-record.",
        "电话音质（最高只到 {value:.0f} Hz）：这是蓝牙耳机的典型特征。请改用有线麦克风，然后重新录制。",
    ),
    "bandwidth.unmeasured": Bilingual("Not measured: no speech found.", "未测量：没有检测到语音。"),
    "format.ok": Bilingual(
        "{value}: exactly what MetaStudio expects.", "{value}：正是 MetaStudio 要求的格式。"
    ),
    "format.converted": Bilingual(
        "{value}: it will be converted to 48 kHz mono at export. For the best quality set the "
        "recorder to 48 kHz mono.",
        "{value}：导出时会转换为 48 kHz 单声道。为获得最佳音质，请把录音设置为 48 kHz 单声道。",
    ),
    "format.dead_channel": Bilingual(
        "{value}, but only one channel carries sound: the mono mix at export will be 6 dB quieter. "
        "Record from the microphone's own input in mono.",
        "{value}，但只有一个声道有声音：导出时混为单声道会低 6 dB。请只从麦克风所在的输入以单声道录制。",
    ),
    "format.rate_too_low": Bilingual(
        "{value}: below 16 kHz is too low for voice training. Record at 48 kHz with a wired microphone.",
        "{value}：低于 16 kHz 的采样率不能用于声音训练。请使用有线麦克风以 48 kHz 录制。",
    ),
    "speaking_rate.ok": Bilingual(
        "Speaking rate {value:.2f} {unit_en} matches your usual pace.",
        "语速 {value:.2f} {unit_zh}，与你平时的语速一致。",
    ),
    "speaking_rate.fast": Bilingual(
        "You read {percent:.0f} % faster than your usual pace "
        "(speaking rate {value:.2f} against {pace:.2f} {unit_en}). "
        "Slow down to your normal speed.",
        "语速比你平时快 {percent:.0f}%（语速 {value:.2f}，平时 {pace:.2f} {unit_zh}）。请放慢到平常的语速。",
    ),
    "speaking_rate.slow": Bilingual(
        "You read {percent:.0f} % slower than your usual pace "
        "(speaking rate {value:.2f} against {pace:.2f} {unit_en}). "
        "Keep your normal speed and shorten the pauses.",
        "语速比你平时慢 {percent:.0f}%（语速 {value:.2f}，平时 {pace:.2f} {unit_zh}）。"
        "请保持平常的语速并缩短停顿。",
    ),
    "speaking_rate.typical_ok": Bilingual(
        "Speaking rate {value:.2f} {unit_en} is within the usual range (a typical pace is {pace:.1f}); "
        "after {takes} takes your own pace is the measure.",
        "语速 {value:.2f} {unit_zh}，在常见范围内（常见语速为 {pace:.1f}）；"
        "录满 {takes} 条后改以你自己的语速为准。",
    ),
    "speaking_rate.typical_fast": Bilingual(
        "You read {percent:.0f} % faster than a typical pace "
        "(speaking rate {value:.2f} against {pace:.1f} {unit_en}). "
        "Slow down and read every word clearly.",
        "语速比常见语速快 {percent:.0f}%（语速 {value:.2f}，常见 {pace:.1f} {unit_zh}）。"
        "请放慢，把每个字读清楚。",
    ),
    "speaking_rate.typical_slow": Bilingual(
        "You read {percent:.0f} % slower than a typical pace "
        "(speaking rate {value:.2f} against {pace:.1f} {unit_en}). "
        "Read at your natural speed and shorten the pauses.",
        "语速比常见语速慢 {percent:.0f}%（语速 {value:.2f}，常见 {pace:.1f} {unit_zh}）。"
        "请以自然的语速朗读并缩短停顿。",
    ),
    "speaking_rate.no_text": Bilingual(
        "Not checked: the sentence text is not known.", "未检查：不知道这一句的文本。"
    ),
    "speaking_rate.no_speech": Bilingual("Not measured: no speech found.", "未测量：没有检测到语音。"),
    "consistency.ok": Bilingual(
        "Level is {value:+.1f} dB from your other takes: consistent.",
        "音量与其他录音相差 {value:+.1f} dB，一致。",
    ),
    "consistency.louder": Bilingual(
        "This take is {magnitude:.1f} dB louder than your other takes. Keep the same distance to the "
        "microphone and the same gain for every sentence.",
        "这一句比其他录音响 {magnitude:.1f} dB。请每句都保持相同的麦克风距离和增益。",
    ),
    "consistency.quieter": Bilingual(
        "This take is {magnitude:.1f} dB quieter than your other takes. Keep the same distance to the "
        "microphone and the same gain for every sentence.",
        "这一句比其他录音轻 {magnitude:.1f} dB。请每句都保持相同的麦克风距离和增益。",
    ),
    "consistency.first": Bilingual(
        "Not compared: this is the first take of the session.", "未比较：这是本次录制的第一条录音。"
    ),
    "consistency.no_speech": Bilingual("Not compared: no speech found.", "未比较：没有检测到语音。"),
    "device.ok": Bilingual(
        "Same microphone and sample rate as the session.", "与本次录制使用相同的麦克风和采样率。"
    ),
    "device.changed": Bilingual(
        "Recorded with {value}, but the session uses {expected}. Record every sentence with the "
        "same microphone and settings.",
        "使用 {value} 录制，但本次录制使用的是 {expected}。请所有句子都用同一个麦克风和相同设置录制。",
    ),
    "device.unknown": Bilingual(
        "Not compared: the recording device is not known.", "未比较：不知道录音设备。"
    ),
    "device.first": Bilingual(
        "Not compared: this take sets the session's device ({value}).",
        "未比较：这条录音确定本次录制的设备（{value}）。",
    ),
    "suppressed.clipping": Bilingual(
        "Not judged: the take is clipped, so this measure is not reliable. Fix the clipping first.",
        "未评判：录音削波，这项测量不可靠。请先解决削波问题。",
    ),
    "suppressed.loudness": Bilingual(
        "Not judged: the speech level is wrong, so this measure is not reliable. Fix the level first.",
        "未评判：语音电平不合适，这项测量不可靠。请先调好电平。",
    ),
    "mic_blocked.ok": Bilingual("The microphone delivers sound.", "麦克风有声音输入。"),
    "mic_blocked.blocked": microphone_blocked_message(
        Bilingual("the microphone delivers only digital silence", "麦克风只输入数字静音")
    ),
    "room.noise_ok": Bilingual("The room is quiet ({value:.1f} dBFS).", "房间很安静（{value:.1f} dBFS）。"),
    "room.noise_high": Bilingual(
        "The room is a bit noisy ({value:.1f} dBFS). Switch off "
        "fans and air conditioning and close the windows.",
        "房间有点吵（{value:.1f} dBFS）。请关闭风扇和空调并关好窗户。",
    ),
    "room.noise_too_high": Bilingual(
        "The room is too noisy ({value:.1f} dBFS). Find a quieter room or switch off what makes the noise.",
        "房间太吵（{value:.1f} dBFS）。请换一个更安静的房间，或关闭发出噪声的设备。",
    ),
    "room.noise_unmeasured": Bilingual(
        "Not measured: the input is digital silence.", "未测量：输入是数字静音。"
    ),
    "hum.ok": Bilingual("No mains hum.", "没有电源嗡嗡声。"),
    "hum.found": Bilingual(
        "Mains hum at {value}. Unplug the laptop charger, keep the microphone cable away from power "
        "cables, or use another power outlet.",
        "检测到 {value} 的电源嗡嗡声。请拔掉笔记本电源适配器、让麦克风线远离电源线，或换一个插座。",
    ),
    "line.ok": Bilingual(
        "The loud line peaks at {value:.1f} dBFS: the gain is right.",
        "大声朗读时峰值 {value:.1f} dBFS：增益合适。",
    ),
    "line.quiet": Bilingual(
        "Even the loud line peaks at only {value:.1f} dBFS. Raise the input gain a little.",
        "大声朗读时峰值也只有 {value:.1f} dBFS。请稍微调高输入增益。",
    ),
    "line.too_quiet": Bilingual(
        "The loud line peaks at only {value:.1f} dBFS. Raise "
        "the input gain or move closer to the microphone.",
        "大声朗读时峰值只有 {value:.1f} dBFS。请调高输入增益或靠近麦克风。",
    ),
}


def message(key: str, **values: object) -> Bilingual:
    """The message ``key`` from :data:`MESSAGES` with its placeholders filled."""
    return MESSAGES[key].format(**values)
