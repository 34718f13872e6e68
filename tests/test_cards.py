"""Card tokens: genuine ones verify offline, everything else is refused with a reason; QR round-trips."""

import random

import numpy as np
import pytest
from hypothesis import given, strategies as st

from pos_loyalty import cards
from pos_loyalty.cards import ALPHABET, CardError
from pos_loyalty.scanning import decode

KEY_ID, SECRET = 4242, b"k" * 32
KEYS = {KEY_ID: SECRET}


def test_issued_tokens_verify_and_are_keyboard_safe():
    token = cards.issue(KEY_ID, SECRET)
    assert cards.verify(token, KEYS).text == token
    assert cards.verify(f"  {token.lower()}\n", KEYS).text == token  # scanners add whitespace, caps lock lowers
    assert not set(token[3:]) & set("IOYZ")  # Y/Z swap on German layouts, I/O look like 1/0


@pytest.mark.parametrize("scanned, code", [
    ("", "empty"),
    ("https://example.org/promo", "foreign_code"),
    ("4006381333931", "foreign_code"),
    ("HELLO", "foreign_code"),
    ("PL2ABCDEFGHJKLMNPQRSTUVWX12", "unknown_version"),
    ("PL1ABC", "damaged"),
])
def test_foreign_and_damaged_codes_are_refused(scanned, code):
    with pytest.raises(CardError) as caught:
        cards.verify(scanned, KEYS)
    assert caught.value.code == code and caught.value.message


def test_other_issuer_is_refused():
    other = cards.issue(7, b"x" * 32)
    with pytest.raises(CardError) as caught:
        cards.verify(other, KEYS)
    assert caught.value.code == "unknown_issuer"


@given(st.integers(3, 26), st.sampled_from(ALPHABET))
def test_any_single_character_change_is_caught(position, replacement):
    token = cards.issue(KEY_ID, SECRET)
    forged = token[:position] + replacement + token[position + 1:]
    if forged == token:
        return
    with pytest.raises(CardError) as caught:
        cards.verify(forged, KEYS)
    assert caught.value.code in ("forged", "unknown_issuer")


def test_card_image_decodes_with_the_real_decoder():
    token = cards.issue(KEY_ID, SECRET)
    image = cards.card_image(token, "Café Sonne")
    assert decode(image.convert("L")) == [token]
    assert decode(np.asarray(image.convert("L"))) == [token]


def test_noise_frame_reads_nothing():
    rng = np.random.default_rng(1)
    assert decode(rng.integers(0, 255, (480, 640), dtype=np.uint8)) == []


def test_grouped_for_typing():
    token = cards.issue(KEY_ID, SECRET)
    assert cards.grouped(token).replace(" ", "") == token


def test_tokens_are_unique():
    assert len({cards.issue(KEY_ID, SECRET) for _ in range(2000)}) == 2000
    random.seed(0)
