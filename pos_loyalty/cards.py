"""Card tokens: short, signed, verifiable offline, and safe to type through any keyboard layout; QR images of them."""

from __future__ import annotations

import hashlib
import hmac
import io
import re
import secrets
from dataclasses import dataclass

import qrcode
from PIL import Image, ImageDraw, ImageFont

from .errors import LoyaltyError
from .paths import resource

PREFIX = "PL1"
# 32 symbols without I and O (read as 1 and 0) and without Y and Z, which a scanner set to a US layout
# swaps on a German keyboard: a token survives either layout.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWX"
_KEY_ID, _CARD_ID, _MAC = 2, 7, 6
_BYTES = _KEY_ID + _CARD_ID + _MAC
_LENGTH = len(PREFIX) + _BYTES * 8 // 5
_PRODUCT_CODE = re.compile(r"^\d{8}$|^\d{12,14}$")


class CardError(LoyaltyError):
    code = "bad_card"


@dataclass(frozen=True)
class Token:
    text: str
    key_id: int


def _encode(data: bytes) -> str:
    number, out = int.from_bytes(data, "big"), []
    for _ in range(len(data) * 8 // 5):
        out.append(ALPHABET[number & 31])
        number >>= 5
    return "".join(reversed(out))


def _decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = (number << 5) | ALPHABET.index(char)
    return number.to_bytes(_BYTES, "big")


def _mac(secret: bytes, body: bytes) -> bytes:
    return hmac.new(secret, PREFIX.encode() + body, hashlib.sha256).digest()[:_MAC]


def issue(key_id: int, secret: bytes) -> str:
    body = key_id.to_bytes(_KEY_ID, "big") + secrets.token_bytes(_CARD_ID)
    return PREFIX + _encode(body + _mac(secret, body))


def new_key() -> tuple[int, bytes]:
    return secrets.randbelow(2**16), secrets.token_bytes(32)


def verify(scanned: str, keys: dict[int, bytes]) -> Token:
    """The canonical token if `scanned` is a genuine card of ours; CardError saying why not otherwise."""
    text = (scanned or "").strip()
    if not text:
        raise CardError("Nothing was read. Scan the card again.", code="empty")
    lowered = text.lower()
    if lowered.startswith(("http://", "https://", "www.")):
        raise CardError("This is a web link, not a loyalty card.", code="foreign_code")
    if _PRODUCT_CODE.match(text):
        raise CardError("This is a product barcode, not a loyalty card.", code="foreign_code")
    text = "".join(text.split()).upper()  # typed from the print, in groups of four
    if not text.startswith("PL") or len(text) < 3:
        raise CardError("This code is not one of our loyalty cards.", code="foreign_code")
    if text[:3] != PREFIX:
        if text[2].isdigit():
            raise CardError(f"This card uses format {text[:3]}, which this app does not know; please update.",
                            code="unknown_version")
        raise CardError("This code is not one of our loyalty cards.", code="foreign_code")
    body = text[len(PREFIX):]
    if len(text) != _LENGTH or any(c not in ALPHABET for c in body):
        raise CardError("The card code is damaged or incomplete. Scan it again or type the number.",
                        code="damaged")
    raw = _decode(body)
    key_id = int.from_bytes(raw[:_KEY_ID], "big")
    secret = keys.get(key_id)
    if secret is None:
        raise CardError("This card belongs to another shop or chain.", code="unknown_issuer")
    if not hmac.compare_digest(raw[-_MAC:], _mac(secret, raw[:-_MAC])):
        raise CardError("This card failed its security check: it is forged or was misread.", code="forged")
    return Token(text, key_id)


def grouped(token: str) -> str:
    """'PL1 4K7Q 8MXA …' for printing under the QR, where a person may have to type it."""
    return " ".join(token[i:i + 4] for i in range(0, len(token), 4)) if token.startswith(PREFIX) else token


def qr_image(token: str, box: int = 12) -> Image.Image:
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=box, border=4)
    qr.add_data(token)
    qr.make(fit=True)
    return qr.make_image(fill_color="black", back_color="white").get_image().convert("RGB")


def card_image(token: str, caption: str = "") -> Image.Image:
    """The QR with the shop's name above and the typeable number below: what goes on paper or a phone."""
    code = qr_image(token)
    size = max(14, code.width // 20)
    font = ImageFont.truetype(str(resource("fonts", "DejaVuSans.ttf")), size)
    pad = size * 2
    image = Image.new("RGB", (code.width, code.height + 2 * pad), "white")
    image.paste(code, (0, pad))
    draw = ImageDraw.Draw(image)
    if caption:
        draw.text((code.width // 2, pad // 2 + 4), caption, fill="black", font=font, anchor="mm")
    draw.text((code.width // 2, code.height + pad + pad // 2 - 4), grouped(token), fill="black", font=font,
              anchor="mm")
    return image


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
