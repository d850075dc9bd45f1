"""Task-division tables (序号 | 任务 | 牵头单位 | 责任单位): one task per row, its units by column.

The loaders print a table row as its cells joined by `|` (Word tables, markdown exports);
a header row naming a lead or duty column opens a table, and the rows after it with the
same number of cells are its tasks, until a line that is no such row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LEAD = re.compile(r"^(?:牵头单位|牵头部门|主责单位|牵头责任单位|牵头考核单位|负责考核部门)$")
_DUTY = re.compile(r"^(?:责任单位|责任部门|责任主体|责任处室)$")
_SUPPORT = re.compile(r"^(?:配合单位|配合部门|参与单位|参与部门|协办单位|支撑单位|协同单位)$")
_TASK = re.compile(
    r"^(?:重点任务|工作任务|主要任务|具体任务|任务内容|任务名称|工作内容|工作事项|主要内容|"
    r"工作措施|具体措施|任务措施|重点工作|任务|事项|措施|内容|考核内容|考核项目)$"
)
_NUMBER = re.compile(r"^(?:序号|编号|序)$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class TableRow:
    """One task row: where it stands, its number and task text, and its units by role."""

    start: int
    number: str
    task: str
    text: str  # every task-like cell of the row (工作事项 | 主要内容)
    lead: tuple[str, ...]
    duty: tuple[str, ...]
    support: tuple[str, ...]


def _cells(line: str) -> list[str]:
    return [_SPACES.sub("", c) for c in line.strip().strip("|").split("|")]


def _column(header: list[str], cells: list[str], pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The non-empty cells of a row under the headings pattern names."""
    return tuple(c for h, c in zip(header, cells, strict=True) if pattern.match(h) and c)


def _is_header(cells: list[str]) -> bool:
    role = any(_LEAD.match(c) or _DUTY.match(c) or _SUPPORT.match(c) for c in cells)
    return role and any(_TASK.match(c) for c in cells)


def table_rows(text: str) -> list[TableRow]:
    """Every task row of every task-division table in text."""
    rows: list[TableRow] = []
    header: list[str] | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        cells = _cells(line) if "|" in line else []
        if _is_header(cells):
            header = cells
            continue
        if header is None:
            continue
        if len(cells) != len(header):
            if len(cells) < 2:
                header = None  # the table ended; a row of merged cells does not end it
            continue
        described = _column(header, cells, _TASK)
        if not described:
            continue
        numbers = _column(header, cells, _NUMBER)
        rows.append(
            TableRow(
                start=start,
                number=numbers[0] if numbers else "",
                task=described[0],
                text=" | ".join(described),
                lead=_column(header, cells, _LEAD),
                duty=_column(header, cells, _DUTY),
                support=_column(header, cells, _SUPPORT),
            )
        )
    return rows
