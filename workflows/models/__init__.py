"""The records of case handling and the participant portal."""

from .portal import DataErasureRequest

__all__ = ["DataErasureRequest"]
