"""Each lint rule: it fires where it should, stays quiet where it should not, and says where and how."""

from __future__ import annotations

import pytest

from voicerecorder.errors import UserFacingError
from voicerecorder.session.lint import LintFinding, lint_script, reading_seconds, reading_time_text
from voicerecorder.session.script import Script, Sentence

EN_OK = "The little boat drifted slowly across the quiet harbour as the sun went down."
CN_OK = "清晨的阳光洒在湖面上，远处的山峦在薄雾中若隐若现，一切都显得格外宁静。"


def script(language: str, *texts: str, lines: tuple[int, ...] = ()) -> Script:
    sentences = tuple(Sentence(f"s{i}", text) for i, text in enumerate(texts, 1))
    return Script(language, sentences, "test", lines)


def codes(findings: list[LintFinding]) -> list[tuple[str, str]]:
    return [(f.code, f.level) for f in findings]


def only(findings: list[LintFinding], code: str) -> LintFinding:
    [finding] = [f for f in findings if f.code == code]
    return finding


def test_clean_sentences_have_no_findings():
    assert lint_script(script("EN", EN_OK), None) == []
    assert lint_script(script("CN", CN_OK), None) == []


def test_duplicates_ignore_case_spacing_and_punctuation():
    findings = lint_script(script("EN", EN_OK, EN_OK.upper().replace(".", "!"), lines=(3, 8)), None)
    finding = only(findings, "duplicate")
    assert (finding.line, finding.sentence_id, finding.level) == (8, "s2", "error")
    assert "Line 8 (sentence s2)" in finding.message.en
    assert "repeats line 3" in finding.message.en
    assert "第 8 行" in finding.message.zh
    assert "第 3 行重复" in finding.message.zh


def test_similar_but_different_sentences_are_not_duplicates():
    other = EN_OK.replace("little", "small")
    assert lint_script(script("EN", EN_OK, other), None) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("EN", " ".join(["word"] * 40) + ".", [("too_long", "error")]),
        ("EN", "Thank you all so much.", [("too_short", "warning")]),
        ("CN", "长" * 80 + "。", [("too_long", "error")]),
        ("CN", "谢谢大家。", [("too_short", "warning")]),
        ("EN", " ".join(["word"] * 12) + ".", []),
        ("EN", " ".join(["word"] * 34) + ".", []),
        ("CN", "好" * 25 + "。", []),
    ],
)
def test_reading_time_band(language, text, expected):
    assert codes(lint_script(script(language, text), None)) == expected


def test_too_long_message_says_how_long_and_what_to_do():
    finding = only(lint_script(script("EN", " ".join(["word"] * 46) + "."), None), "too_long")
    assert "about 20 s" in finding.message.en
    assert "Split it in two" in finding.message.en
    assert "拆成两句" in finding.message.zh


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("EN", EN_OK[:-1]),
        ("EN", EN_OK[:-1] + ","),
        ("CN", CN_OK[:-1]),
        ("CN", CN_OK[:-1] + "."),
    ],
)
def test_missing_end_punctuation(language, text):
    finding = only(lint_script(script(language, text), None), "end_punctuation")
    assert finding.level == "warning"
    expected = "。！ or ？" if language == "CN" else ". ! or ?"
    assert expected in finding.message.en


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("EN", 'She looked up and said, "the little boat is drifting across the harbour again."'),
        ("EN", "The little boat drifted slowly across the harbour, and then it was gone…"),
        ("CN", "他抬起头，笑着说：“这条小船又一次慢慢地漂过了平静的港湾，真是美极了！”"),
        ("CN", "小船慢慢地漂过了平静的港湾，岸边的灯火一盏一盏地亮了起来……"),
    ],
)
def test_end_punctuation_inside_quotes_and_ellipsis_is_fine(language, text):
    assert lint_script(script(language, text), None) == []


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Our store opened in 2024 and now has many loyal customers across the region.", "2024"),
        ("我们的店铺在２０２４年开业，如今已经在整个地区拥有了很多忠实的老顾客。", "２０２４"),
    ],
)
def test_digits_are_errors(text, shown):
    language = "EN" if text.isascii() else "CN"
    finding = only(lint_script(script(language, text), None), "digits")
    assert finding.level == "error"
    assert shown in finding.message.en
    assert "写成文字" in finding.message.zh


def test_numbers_written_as_words_are_fine():
    text = "Our store opened twenty years ago and now has many loyal customers across the region."
    assert lint_script(script("EN", text), None) == []


@pytest.mark.parametrize("symbol", ["%", "&", "$", "¥", "@", "#", "+", "=", "/", "％", "℃"])
def test_symbols_are_errors(symbol):
    text = f"Prices this week are lower by ten {symbol} across the whole store for every member."
    finding = only(lint_script(script("EN", text), None), "symbols")
    assert finding.level == "error"
    assert symbol in finding.message.en
    assert "percent" in finding.message.en


def test_ordinary_punctuation_is_not_a_symbol():
    text = "Well-known bakers' bread: fresh, warm; and (as always) ready by seven — isn't it?"
    assert [c for c, _ in codes(lint_script(script("EN", text), None))] == []


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Doctor Lin said that Dr. Wang will visit the small village school again next week.", "Dr."),
        ("We sell apples, pears, plums, cherries, peaches, grapes, melons, etc. every single day.", "etc."),
        ("Fresh vegetables, e.g. carrots and beans, arrive at the market early every morning.", "e.g."),
        ("The new TV in the living room is much brighter than the one we had before.", "TV"),
        ("The road to the next village is about ten km long and winds through the hills.", "km"),
        ("Our friends from the U.K. arrived late last night after a very long journey home.", "U.K."),
    ],
)
def test_abbreviations_are_warnings(text, shown):
    finding = only(lint_script(script("EN", text), None), "abbreviation")
    assert finding.level == "warning"
    assert shown in finding.message.en


@pytest.mark.parametrize(
    "text",
    [
        "I think the doctor will visit the small village school again next week, but not today.",
        "A gentle drive through the hills takes about ten minutes from the old stone bridge.",
        "When he asked whether the shop was open, the tired owner simply answered no.",
        "No. We will walk home along the river tonight, because the evening air is so mild.",
    ],
)
def test_ordinary_words_are_not_abbreviations(text):
    assert lint_script(script("EN", text), None) == []


@pytest.mark.parametrize("word", ["App", "ＡＰＰ"])
def test_latin_in_chinese_is_a_warning(word):
    text = f"这款耳机支持蓝牙连接，打开{word}就能调节音效，操作起来非常简单方便。"
    finding = only(lint_script(script("CN", text), None), "latin_in_cn")
    assert finding.level == "warning"
    assert "APP" in finding.message.en.upper()


def test_english_line_in_chinese_script_is_an_error():
    found = codes(lint_script(script("CN", EN_OK), None))
    assert ("not_chinese", "error") in found
    assert ("end_punctuation", "warning") in found
    assert "latin_in_cn" not in [code for code, _ in found]


def test_chinese_in_english_script_is_an_error():
    text = "The little boat drifted slowly across the quiet 港湾 as the sun went down."
    finding = only(lint_script(script("EN", text), None), "cjk_in_en")
    assert finding.level == "error"
    assert "港湾" in finding.message.en


@pytest.mark.parametrize(
    ("edition", "count", "words"),
    [("BASIC", 19, "Add 1 more"), ("basic", 21, "Remove 1"), ("MIDDLE", 20, "Add 80 more")],
)
def test_sentence_count_for_the_edition(edition, count, words):
    texts = [f"{EN_OK[:-1]} number {'x' * (i + 1)}." for i in range(count)]
    findings = lint_script(script("EN", *texts), edition)
    assert codes(findings) == [("sentence_count", "error")]
    assert (findings[0].line, findings[0].sentence_id) == (0, None)
    assert words in findings[0].message.en


def test_right_count_or_no_edition_has_no_count_finding():
    texts = [f"{EN_OK[:-1]} number {'x' * (i + 1)}." for i in range(20)]
    assert lint_script(script("EN", *texts), "BASIC") == []
    assert lint_script(script("EN", *texts[:3]), None) == []


def test_unknown_edition_is_refused():
    with pytest.raises(UserFacingError):
        lint_script(script("EN", EN_OK), "PREMIUM")


def test_line_numbers_fall_back_to_positions():
    findings = lint_script(script("EN", EN_OK, "Too short."), None)
    assert [f.line for f in findings] == [2]


def test_finding_to_dict():
    finding = only(lint_script(script("EN", "Too short."), None), "too_short")
    assert finding.to_dict() == {
        "line": 1,
        "sentence_id": "s1",
        "level": "warning",
        "code": "too_short",
        "message_en": finding.message.en,
        "message_zh": finding.message.zh,
    }


@pytest.mark.parametrize(
    "control",
    [
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
        "\u200e",
        "\u200f",
        "\u061c",
    ],
)
def test_bidi_controls_are_errors(control):
    text = f"The little boat drifted {control}slowly across the quiet harbour as the sun went down."
    finding = only(lint_script(script("EN", text), None), "bidi_control")
    assert finding.level == "error"
    assert f"U+{ord(control):04X}" in finding.message.en
    assert "方向控制符" in finding.message.zh


@pytest.mark.parametrize("emoji", ["\U0001f600", "\u2764\ufe0f", "\U0001f44d"])
def test_emoji_are_warnings(emoji):
    text = f"清晨的阳光洒在湖面上，远处的山峦在薄雾中若隐若现，一切都显得格外宁静{emoji}。"
    finding = only(lint_script(script("CN", text), None), "emoji")
    assert finding.level == "warning"
    assert emoji[0] in finding.message.en
    assert "表情符号" in finding.message.zh


def test_reading_seconds_add_up_every_sentence_at_the_language_pace():
    twenty_three_words = " ".join(["word"] * 22) + " end."
    forty_six_characters = "好" * 45 + "了。"
    assert reading_seconds(script("EN", twenty_three_words, twenty_three_words)) == pytest.approx(20.0)
    assert reading_seconds(script("CN", forty_six_characters, "好" * 22 + "的。")) == pytest.approx(15.0)
    assert reading_seconds(script("EN")) == 0


@pytest.mark.parametrize(
    ("seconds", "en", "zh"),
    [
        (0, "0 s", "0 秒"),
        (59.4, "59 s", "59 秒"),
        (59.6, "1 min 0 s", "1 分 0 秒"),
        (228.3, "3 min 48 s", "3 分 48 秒"),
    ],
)
def test_reading_time_text(seconds, en, zh):
    assert reading_time_text(seconds).en == en
    assert reading_time_text(seconds).zh == zh
