"""Reading cards: QR decoding from frames and images, shared by the camera loop and the command line."""

from .decoder import decode, decode_file

__all__ = ["decode", "decode_file"]
