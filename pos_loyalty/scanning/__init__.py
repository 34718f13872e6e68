"""Reading cards: QR decoding from frames and images, shared by the camera loop and the command line."""

from .decoder import decode, decode_file

_CAMERA_NAMES = ("CameraError", "CameraSource", "Debouncer", "FrameSource", "ImageFolderSource", "VideoFileSource",
                 "open_source")

__all__ = ["decode", "decode_file", *_CAMERA_NAMES]


def __getattr__(name: str):
    # The camera names load OpenCV (~0.1 s); only the camera loop needs it, not every command-line call.
    if name in _CAMERA_NAMES:
        from . import camera
        return getattr(camera, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
