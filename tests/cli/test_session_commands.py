"""The session commands end to end: new, import, check and pack, through voicerecorder.cli.main."""

import json
import zipfile

import numpy as np
import pytest
import soundfile

from voicerecorder.cli import main
from voicerecorder.session.script import EDITION_SIZES, LANGUAGES, TAGS
from voicerecorder.session.store import Session

NUMBERS = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
CHECK_KEYS = {"id", "level", "value", "message_en", "message_zh"}


def clean_script_lines(count: int = 20) -> list[str]:
    """Sentences the script linter accepts: words only, about six seconds each, distinct."""
    return [
        f"Chapter {NUMBERS[i]} tells how the quiet river carried silver boats past the old market "
        "toward a gentle evening harbor."
        for i in range(count)
    ]


def new_session(folder, *extra) -> int:
    return main(["new", str(folder), "--edition", "basic", "--language", "EN", "--tag", "NEWS", *extra])


@pytest.fixture
def script_file(tmp_path):
    path = tmp_path / "script.txt"
    path.write_text("\n".join(clean_script_lines()) + "\n", encoding="utf-8")
    return path


def test_new_with_the_builtin_script(tmp_path, capsys):
    folder = tmp_path / "张伟 session"
    assert main(["new", str(folder), "--edition", "basic", "--language", "cn", "--tag", "ecommerce"]) == 0
    session = Session.open(folder)
    assert session.sentence_count == 20
    assert session.script.source == "builtin:cn/ecommerce"
    assert session.form.voice_name == "张伟 session"
    assert (session.form.sex, session.form.tag, session.edition) == ("FEMALE", "ECOMMERCE", "BASIC")
    assert "Created session" in capsys.readouterr().out


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("tag", TAGS)
@pytest.mark.parametrize("edition", list(EDITION_SIZES))
def test_new_reaches_every_builtin_script(tmp_path, capsys, language, tag, edition):
    folder = tmp_path / "s"
    argv = ["new", str(folder), "--edition", edition.lower(), "--language", language, "--tag", tag.lower()]
    assert main(argv) == 0
    session = Session.open(folder)
    assert session.sentence_count == EDITION_SIZES[edition]
    assert session.script.source == f"builtin:{language.lower()}/{tag.lower()}"
    assert (session.form.tag, session.form.language, session.edition) == (tag, language, edition)
    assert "Created session" in capsys.readouterr().out


def test_new_with_an_imported_script(tmp_path, script_file):
    folder = tmp_path / "s"
    code = new_session(folder, "--script", str(script_file), "--voice-name", "Ada", "--sex", "male")
    assert code == 0
    session = Session.open(folder)
    assert session.script.source == "script.txt"
    assert session.sentence(19).text == clean_script_lines()[19]
    assert (session.form.voice_name, session.form.sex) == ("Ada", "MALE")


def test_new_refuses_a_script_with_lint_errors(tmp_path, capsys):
    lines = clean_script_lines()
    lines[3] = "Call 555 now"
    lines[7] = lines[6]
    bad = tmp_path / "bad.txt"
    bad.write_text("\n".join(lines), encoding="utf-8")
    assert new_session(tmp_path / "s", "--script", str(bad)) == 2
    err = capsys.readouterr().err
    assert "Line 4" in err
    assert "Line 8" in err
    assert "repeats line 7" in err
    assert not (tmp_path / "s").exists()


def test_new_refuses_a_script_of_the_wrong_size(tmp_path, capsys):
    short = tmp_path / "short.txt"
    short.write_text("\n".join(clean_script_lines(12)), encoding="utf-8")
    assert new_session(tmp_path / "s", "--script", str(short)) == 2
    assert "exactly 20 sentences" in capsys.readouterr().err


def test_new_refuses_a_non_empty_folder_and_bad_form(tmp_path, script_file, capsys):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    assert new_session(tmp_path / "full", "--script", str(script_file)) == 2
    assert "not empty" in capsys.readouterr().err
    assert new_session(tmp_path / "s", "--script", str(script_file), "--phone", "call me") == 2
    assert "phone number" in capsys.readouterr().err


def test_new_messages_in_chinese(tmp_path, script_file, capsys, monkeypatch):
    monkeypatch.setenv("VOICERECORDER_LANG", "zh_CN")
    assert new_session(tmp_path / "s", "--script", str(script_file), "--voice-name", " ") == 2
    assert "请输入声音名称" in capsys.readouterr().err


@pytest.fixture
def cli_session(tmp_path, script_file):
    assert new_session(tmp_path / "session", "--script", str(script_file), "--voice-name", "Ada") == 0
    return tmp_path / "session"


def stereo_44k(tmp_path, good_take_samples, name: str, gain: float = 1.0):
    import soxr

    samples, rate = good_take_samples
    resampled = soxr.resample(samples, rate, 44100) * gain
    path = tmp_path / name
    soundfile.write(path, np.stack([resampled, resampled * 0.8], axis=1).clip(-1, 1), 44100, subtype="PCM_16")
    return path


def test_import_44k_stereo_files_and_pack_them(cli_session, tmp_path, good_take_samples, capsys):
    files = [stereo_44k(tmp_path, good_take_samples, f"take{i}.wav") for i in range(20)]
    assert main(["import", str(cli_session), *map(str, files[:2])]) == 0
    out = capsys.readouterr().out
    assert "Sentence 1 (file 0.wav) <- take0.wav: " in out
    assert "Sentence 2 (file 1.wav) <- take1.wav: " in out
    session = Session.open(cli_session)
    take = session.chosen_take(0)
    assert (take.samplerate, take.channels) == (44100, 2)
    assert main(["import", str(cli_session), *map(str, files[2:])]) == 0
    assert main(["pack", str(cli_session), "-o", str(tmp_path / "out.zip")]) == 0
    assert "sha256" in capsys.readouterr().out
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert len(archive.namelist()) == 40
        with archive.open("0.wav") as wav:
            info = soundfile.info(wav)
        assert (info.samplerate, info.channels, info.subtype) == (48000, 1, "PCM_16")


def test_import_fills_sentences_without_takes_first(cli_session, good_wav):
    assert main(["import", str(cli_session), "--start", "2", str(good_wav)]) == 0
    assert main(["import", str(cli_session), str(good_wav), str(good_wav)]) == 0
    session = Session.open(cli_session)
    assert [len(session.takes(i)) for i in range(4)] == [1, 1, 1, 0]


def test_import_refusals(cli_session, good_wav, tmp_path, capsys):
    assert main(["import", str(cli_session), *[str(good_wav)] * 21]) == 2
    assert "21 files were given but only 20" in capsys.readouterr().err
    assert main(["import", str(cli_session), "--start", "20", str(good_wav), str(good_wav)]) == 2
    assert main(["import", str(cli_session), "--start", "0", str(good_wav)]) == 2
    assert main(["import", str(cli_session), str(tmp_path / "absent.wav")]) == 2
    assert "do not exist" in capsys.readouterr().err
    assert Session.open(cli_session).problems()[0].kind == "no_take"


def test_import_of_a_failing_take_exits_1(cli_session, clipped_wav, capsys):
    assert main(["import", str(cli_session), str(clipped_wav)]) == 1
    assert "FAIL" in capsys.readouterr().out


def test_check_files_json_contract(good_wav, clipped_wav, capsys):
    assert main(["check", "--json", str(good_wav)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert list(document) == ["files"]
    [entry] = document["files"]
    assert set(entry) == {"path", "verdict", "checks"}
    assert entry["path"] == str(good_wav)
    assert entry["verdict"] in ("pass", "warn")
    assert all(set(check) == CHECK_KEYS for check in entry["checks"])
    assert {check["id"] for check in entry["checks"]} >= {"duration", "clipping", "snr", "format"}
    assert main(["check", "--json", str(good_wav), str(clipped_wav)]) == 1
    verdicts = [f["verdict"] for f in json.loads(capsys.readouterr().out)["files"]]
    assert verdicts[1] == "fail"


def test_check_clipped_take_says_one_thing_and_names_what_it_left_unjudged(clipped_wav, capsys):
    assert main(["check", "--json", str(clipped_wav)]) == 1
    [entry] = json.loads(capsys.readouterr().out)["files"]
    unjudged = {c["id"]: (c["level"], c["suppressed_by"]) for c in entry["checks"] if "suppressed_by" in c}
    assert unjudged["loudness"] == ("pass", "clipping")
    assert unjudged["headroom"] == ("pass", "clipping")
    assert all(set(c) == CHECK_KEYS | {"suppressed_by"} for c in entry["checks"] if c["id"] in unjudged)
    assert [c["id"] for c in entry["checks"] if c["level"] != "pass"] == ["clipping"]
    assert main(["check", str(clipped_wav)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("  FAIL clipping: The sound is clipped")
    assert lines[2].startswith("  Not judged until the clipping is fixed: headroom, speech level")
    assert len(lines) == 3


def test_check_text_output_and_unreadable_files(good_wav, clipped_wav, tmp_path, capsys):
    assert main(["check", str(clipped_wav)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{clipped_wav}: FAIL")
    assert "FAIL clipping:" in out
    junk = tmp_path / "junk.wav"
    junk.write_bytes(b"RIFF....nonsense")
    assert main(["check", str(good_wav), str(junk)]) == 2
    captured = capsys.readouterr()
    assert "Cannot read the audio file" in captured.err
    assert f"{good_wav}: " in captured.out
    assert main(["check", str(tmp_path / "absent.wav")]) == 2
    assert main(["check", str(tmp_path)]) == 2
    assert "not a session" in capsys.readouterr().err


def test_check_a_session_folder(cli_session, good_wav, clipped_wav, capsys):
    assert main(["check", "--json", str(cli_session)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {"files": []}
    assert "Sentence 1 (file 0.wav): no take yet" in captured.err
    main(["import", str(cli_session), str(good_wav), str(good_wav)])
    capsys.readouterr()
    assert main(["check", "--json", str(cli_session)]) == 0
    files = json.loads(capsys.readouterr().out)["files"]
    assert [f["path"] for f in files] == [
        str(cli_session / "takes" / n / "take-1.wav") for n in ("001", "002")
    ]
    consistency = next(c for c in files[1]["checks"] if c["id"] == "consistency")
    assert consistency["value"] is not None
    main(["import", str(cli_session), "--start", "2", str(clipped_wav)])
    capsys.readouterr()
    assert main(["check", str(cli_session)]) == 1


def test_pack_refusal_lists_problems(cli_session, good_wav, capsys):
    main(["import", str(cli_session), str(good_wav)])
    capsys.readouterr()
    assert main(["pack", str(cli_session)]) == 1
    err = capsys.readouterr().err
    assert "Sentence 2 (file 1.wav): has no take yet" in err
    assert "Sentence 20 (file 19.wav): has no take yet" in err
    assert "Sentence 1 (file 0.wav)" not in err
    assert not list((cli_session / "exports").iterdir())


def test_pack_of_a_missing_session_is_a_usage_error(tmp_path, capsys):
    assert main(["pack", str(tmp_path / "nothing")]) == 2
    assert "not a session folder" in capsys.readouterr().err


def test_pack_refusal_in_chinese(cli_session, capsys, monkeypatch):
    monkeypatch.setenv("VOICERECORDER_LANG", "zh_CN")
    assert main(["pack", str(cli_session)]) == 1
    err = capsys.readouterr().err
    assert "未生成数据包" in err
    assert "第 20 句（文件 19.wav）：还没有录音" in err


def test_new_sets_every_job_field_and_warns_about_english_training(tmp_path, script_file, capsys):
    folder = tmp_path / "s"
    extra = ["--description", "Warm", "--phone", "+86 10 1234 5678", "--output-language", "cn"]
    extra += ["--custom-text", "Hello there.", "--supported-service", "video_2d, chat_2d", "--on-demand"]
    assert new_session(folder, "--script", str(script_file), *extra) == 0
    form = Session.open(folder).form
    assert (form.description, form.phone, form.output_language, form.custom_text) == (
        "Warm",
        "+86 10 1234 5678",
        "CN",
        "Hello there.",
    )
    assert (form.supported_service, form.is_ondemand_resource) == (("VIDEO_2D", "CHAT_2D"), True)
    err = capsys.readouterr().err
    assert "Chinese only" in err
    assert "only for the MIDDLE edition" in err


@pytest.mark.parametrize(
    ("option", "value", "field"),
    [
        ("--supported-service", "VIDEO_2D,TV", "supported_service"),
        ("--output-language", "fr", "output_language"),
        ("--custom-text", "x" * 201, "custom_text"),
    ],
)
def test_new_refuses_a_bad_job_field_naming_it(tmp_path, script_file, capsys, option, value, field):
    assert new_session(tmp_path / "s", "--script", str(script_file), option, value) == 2
    assert field in capsys.readouterr().err
    assert not (tmp_path / "s").exists()


def advance_lines(count: int = 500) -> list[str]:
    """``count`` different plain sentences, each a comfortable read of a few seconds."""
    people = (
        "The baker",
        "A sailor",
        "My neighbour",
        "The teacher",
        "A painter",
        "The gardener",
        "Her cousin",
    )
    actions = ("carried fresh bread", "walked slowly", "sang softly", "wrote a letter", "planted roses")
    places = ("along the harbour", "through the quiet park", "beside the river", "across the old bridge")
    times = ("before sunrise", "after the rain", "during the festival", "on a windy evening", "at noon")
    lines = [
        f"{who} {what} {where} {when}, and everyone smiled."
        for who in people
        for what in actions
        for where in places
        for when in times
    ]
    return lines[:count]


def test_new_advance_with_an_imported_script_of_500_sentences(tmp_path, capsys):
    script = tmp_path / "advance.txt"
    script.write_text("\n".join(advance_lines()) + "\n", encoding="utf-8")
    args = ["new", str(tmp_path / "s"), "--edition", "advance", "--language", "EN", "--tag", "NEWS"]
    assert main([*args, "--script", str(script)]) == 0, capsys.readouterr().err
    session = Session.open(tmp_path / "s")
    assert (session.edition, session.sentence_count) == ("ADVANCE", 500)
    short = tmp_path / "short.txt"
    short.write_text("\n".join(advance_lines(499)) + "\n", encoding="utf-8")
    assert main(["new", str(tmp_path / "t"), *args[2:], "--script", str(short)]) == 2
    assert "at least 500 sentences but there are only 499" in capsys.readouterr().err


def test_new_advance_with_the_builtin_news_set(tmp_path, capsys):
    args = ["new", str(tmp_path / "s"), "--edition", "advance", "--language", "CN", "--tag", "NEWS"]
    assert main(args) == 0, capsys.readouterr().err
    session = Session.open(tmp_path / "s")
    assert (session.edition, session.form.tag, session.script.source) == (
        "ADVANCE",
        "NEWS",
        "builtin:cn/advance/news",
    )
    assert session.sentence_count >= 500


@pytest.mark.parametrize(("language", "tag"), [("EN", "NEWS"), ("CN", "LIVE")])
def test_new_advance_without_a_builtin_set_says_to_import_one(tmp_path, capsys, language, tag):
    args = ["new", str(tmp_path / "s"), "--edition", "advance", "--language", language, "--tag", tag]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"There is no built-in ADVANCE script for {language} {tag}" in err
    assert "CN NEWS" in err
    assert "--script FILE" in err
    assert not (tmp_path / "s").exists()
