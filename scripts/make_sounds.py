"""Writes the counter's two short feedback sounds (card read, card refused) into resources/sounds/ as WAV files."""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
ROOT = Path(__file__).resolve().parent.parent


def tone(parts: list[tuple[float, float]], volume: float = 0.5) -> bytes:
    """(frequency Hz or 0 for silence, seconds) pieces, each faded in and out so it does not click."""
    frames = bytearray()
    for freq, seconds in parts:
        count = int(RATE * seconds)
        fade = max(1, int(RATE * 0.006))
        for i in range(count):
            envelope = min(1.0, i / fade, (count - i) / fade)
            value = math.sin(2 * math.pi * freq * i / RATE) * volume * envelope if freq else 0.0
            frames += struct.pack("<h", int(value * 32767))
    return bytes(frames)


def write(path: Path, data: bytes) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(data)


def main(folder: str | None = None) -> None:
    target = Path(folder) if folder else ROOT / "resources" / "sounds"
    target.mkdir(parents=True, exist_ok=True)
    write(target / "scan-ok.wav", tone([(1760, 0.09)]))
    write(target / "scan-refused.wav", tone([(440, 0.12), (0, 0.05), (330, 0.18)]))


if __name__ == "__main__":
    main(*sys.argv[1:2])
