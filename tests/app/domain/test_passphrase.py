"""Vault passphrase rules and the strength meter."""

from __future__ import annotations

import pytest

from app.domain.passphrase import MIN_LENGTH, problems, strength


def test_acceptable_passphrase_has_no_problems() -> None:
    assert problems("river copper lantern 42") == []


def test_too_short_is_refused() -> None:
    assert MIN_LENGTH == 12
    [problem] = problems("elevenchars")
    assert "12" in problem and "11" in problem
    assert problems("twelve chars") == []


def test_one_repeated_character_is_refused() -> None:
    assert any("repeat" in p for p in problems("z" * 20))


@pytest.mark.parametrize("common", ["password1234", "PASSWORD1234", "woaini1314520"])
def test_well_known_passwords_are_refused(common: str) -> None:
    assert any("well-known" in p for p in problems(common))


def test_empty_passphrase_breaks_the_length_rule_only() -> None:
    assert len(problems("")) == 1


@pytest.mark.parametrize("bad", ["", "short", "a" * 30, "Password1234"])
def test_unacceptable_passphrases_score_zero(bad: str) -> None:
    assert strength(bad) == 0


def test_long_mixed_passphrase_scores_higher_than_twelve_lowercase_letters() -> None:
    plain = strength("abcdefghijkm")
    mixed = strength("Copper-Lantern 42 river!")
    assert 1 <= plain < mixed == 4


def test_few_distinct_characters_score_low() -> None:
    assert strength("abababababababab") < strength("abcdefghijklmnop")


def test_chinese_passphrase_scores_high() -> None:
    assert strength("我的保险箱密码是春江花月夜") == 4
