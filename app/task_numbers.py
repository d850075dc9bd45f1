"""Task numbers as printed (14, 七, (一), 1., 1﹒) in the order a reader counts them.

Sorted as text, 10 comes before 7 and 七 before 三; a researcher reads 1, 2 … 10 and
一, 二 … 十. A task's id ends in its position in the document's structure (#3.2.1), which
is the document's own order and comes first when present.
"""

from __future__ import annotations

import re
import unicodedata

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
          "七": 7, "八": 8, "九": 9}  # fmt: skip
UNITS = {"十": 10, "百": 100, "千": 1000}
# Brackets and the punctuation printed after a number: (一) （一） 〔一〕 1. 1、 1﹒ 1．
WRAPPING = "()（）〔〕[]【】.．﹒、,，:： \t"
POSITION = re.compile(r"#(\d+(?:\.\d+)*)$")


def chinese_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十三 → 13, 二十 → 20, 一百零五 → 105; None when not a numeral."""
    if not text or any(ch not in DIGITS and ch not in UNITS for ch in text):
        return None
    total, digit = 0, None
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * UNITS[ch]
            digit = None
    return total + (digit or 0)


def number_value(number: object) -> int | None:
    """The value of a printed task number, Arabic or Chinese, bracketed or not."""
    if number is None:
        return None
    text = unicodedata.normalize("NFKC", str(number)).strip(WRAPPING)
    if text.isdigit():
        return int(text)
    return chinese_number(text)


def number_key(number: object) -> tuple[int, int, str]:
    """Sort key: numbers by value (1 < 2 < 10, 一 < 三 < 十); unnumbered tasks last."""
    value = number_value(number)
    raw = "" if number is None else str(number)
    return (0, value, raw) if value is not None else (1, 0, raw)


def position_key(task_id: object) -> tuple[int, ...]:
    """The structural position at the end of a task id (task:…#3.2.1 → (3, 2, 1)); () if none."""
    match = POSITION.search(str(task_id or ""))
    return tuple(int(p) for p in match.group(1).split(".")) if match else ()
