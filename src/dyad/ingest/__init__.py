"""Readers that turn paths into raw documents, and decoding of raw bytes into text."""

from .decode import decode
from .files import Rejected, count_inputs, iter_inputs

__all__ = ["Rejected", "count_inputs", "decode", "iter_inputs"]
