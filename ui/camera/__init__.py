"""The webcam scanner for the counter: a worker thread that reads and decodes frames, and a preview widget."""

from .preview import CameraPreview
from .worker import Camera, CameraWorker, frame_to_qimage

__all__ = ["Camera", "CameraPreview", "CameraWorker", "frame_to_qimage"]
