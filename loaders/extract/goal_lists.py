"""Goals as read from text, and goals listed together: 花生、油菜收获机械化率分别达到65%和55%."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

LEADING = re.compile(
    r"^(?:——|—|-|\d+[.、]|[(（][一二三四五六七八九十\d]+[)）]|其中|力争|确保|全年|实现)+"
)


@dataclass(frozen=True)
class Goal:
    """One quantified goal read from text."""

    start: int
    metric: str
    value: float | None
    value_max: float | None
    unit: str
    comparator: str
    year: int | None
    baseline: float | None


_RESPECTIVELY = re.compile(r"分别")
_LAST_SENTENCE_PART = re.compile(r"[，,。；;：:\n][^，,。；;：:\n]*$")
_ITEM_SPLIT = re.compile(r"、|和|及|与")
_DANGLING = re.compile(r"[^总年新增全人均]产量|[^总年新增全人均]产值|[^总新增]储量")


def spread_enumerations(text: str, goals: list[Goal]) -> list[Goal]:
    """花生、油菜收获机械化率分别达到65%和55%: one goal per item, each with its own metric."""
    out = list(goals)
    for m in _RESPECTIVELY.finditer(text):
        clause_end = min(
            (i for i in (text.find(c, m.end()) for c in "，,。；;\n") if i >= 0), default=len(text)
        )
        members = [i for i, g in enumerate(out) if m.end() <= g.start < clause_end]
        cut = _LAST_SENTENCE_PART.search(text, max(0, m.start() - 60), m.start())
        subject = LEADING.sub(
            "", text[cut.start() + 1 if cut else max(0, m.start() - 60) : m.start()].strip()
        )
        items = [item for item in _ITEM_SPLIT.split(subject) if item]
        if len(members) < 2 or len(items) != len(members):
            continue
        width = len(items[0])
        last = items[-1]
        if len(last) <= width:
            continue
        # 原煤、原油、天然气产量: the last item may be a character longer than the first;
        # one character left before a measure noun is the item's (产量, not 气产量), unless
        # it is a modifier of the noun (粮食、棉花总产量).
        if _DANGLING.fullmatch(last, width):
            width += 1
        shared = last[width:]
        names = [*items[:-1], last[:width]]
        for index, name in zip(members, names, strict=True):
            out[index] = replace(out[index], metric=f"{name}{shared}")
    return out
