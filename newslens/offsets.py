"""Checking the character offsets an annotation file gives, before anything is scored with them."""
from __future__ import annotations


def cell_number(cell: str, where: str) -> int:
    """A CSV cell read as a whole number; else a ValueError naming `where`."""
    if not cell.strip().lstrip("-").isdigit():
        raise ValueError(f"{where}: the offset {cell!r} is not a whole number")
    return int(cell)


def check_span(start: object, end: object, length: int, where: str) -> tuple[int, int]:
    """A (start, end) pair checked to be whole numbers (ints, not text) with 0 <= start < end <= length."""
    for value in (start, end):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"{where}: the offset {value!r} is not a whole number")
    if not 0 <= start < end <= length:
        raise ValueError(f"{where}: the span {start}:{end} is not within the text (0:{length}) with start < end")
    return start, end
