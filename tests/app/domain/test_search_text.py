"""Search text: one normalisation, gram tokens that a word tokenizer keeps whole, snippets."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.search_text import (
    Snippet,
    fts_phrase,
    gram_token,
    grams,
    is_short,
    like_pattern,
    normalise,
    snippet,
    terms,
)

TEXT = st.text(alphabet=st.sampled_from('基金年度回顾伟 TRtr-2023 ＡＢ\n\t_%"é'), max_size=30)


def test_normalise_folds_width_case_and_spaces() -> None:
    assert normalise("  ＴＲ－２０２３\u3000Rebalance\n\n基金\t") == "tr-2023 rebalance 基金"
    assert normalise("") == ""


@given(TEXT)
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


def test_terms_split_on_spaces_once_each() -> None:
    assert terms(" 基金  ＴＲ-2023 基金 KYC ") == ["基金", "tr-2023", "kyc"]
    assert terms(" \u3000 ") == []


def test_gram_tokens_are_ascii_words() -> None:
    assert gram_token("王") == "g738b"
    assert gram_token("基金") == "g57fax91d1"
    assert gram_token("tr") == "g74x72"
    assert gram_token("-2") == "g2dx32"
    for token in (gram_token("王"), gram_token("基金"), gram_token("-2")):
        assert re.fullmatch(r"[0-9a-gx]+", token)
    for bad in ("", "基金会", "a b"):
        with pytest.raises(ValueError):
            gram_token(bad)


def test_grams_of_mixed_text() -> None:
    found = set(grams(normalise("TR-23 基金")).split())
    expected = {"t", "r", "-", "2", "3", "tr", "r-", "-2", "23", "基", "金", "基金"}
    assert found == {gram_token(g) for g in expected}  # no gram spans the space


@given(TEXT, st.integers(0, 30), st.integers(1, 2))
def test_every_short_substring_has_its_gram(text: str, start: int, size: int) -> None:
    body = normalise(text)
    part = body[start : start + size]
    if len(part) == size and " " not in part:
        assert gram_token(part) in grams(body).split()


def test_short_terms_go_to_the_gram_index() -> None:
    assert is_short("伟") and is_short("基金") and not is_short("年度回")


def test_fts_phrase_and_like_pattern_escape() -> None:
    assert fts_phrase('a"b') == '"a""b"'
    assert like_pattern("5%_\\") == "%5\\%\\_\\\\%"


def test_snippet_marks_the_match_and_keeps_the_original_letters() -> None:
    doc = "年度回顾\n客户希望 Rebalance 组合，并关注ＴＲ-2023-0137 信托的到期安排。" * 3
    s = snippet(doc, ["rebalance", "tr-2023"])
    assert "【Rebalance】" in s.marked()
    assert "\n" not in s.text
    assert len(s.text) <= 42
    far = snippet("前" * 100 + "基金" + "后" * 100, ["基金"])
    assert far.text.startswith("…") and far.text.endswith("…")
    assert far.marked().count("【基金】") == 1


def test_snippet_without_a_match_shows_the_start() -> None:
    assert snippet("短文本", ["无"]) == Snippet("短文本", ())


def test_snippet_merges_overlapping_matches() -> None:
    assert snippet("基金基金", ["基金", "金基"]).spans == ((0, 4),)
