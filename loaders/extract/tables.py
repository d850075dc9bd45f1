"""Task-division tables (序号 | 任务 | 牵头单位 | 责任单位): one task per row, its units by column.

The loaders print a table row as its cells joined by `|` (Word tables, markdown exports);
a header row naming a lead or duty column opens a table, and the rows after it with the
same number of cells are its tasks, until a line that is no such row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Header cells by column, as sets: a cell holds no whitespace (_cells, _vertical_rows join
# its words), so being one of the words is what ^(?:…)$ matched.
_LEAD = frozenset(
    ("牵头单位", "牵头部门", "主责单位", "牵头责任单位", "牵头考核单位", "负责考核部门")
)
_DUTY = frozenset((
    "责任单位", "责任部门", "责任主体", "责任处室", "推进单位", "实施单位", "落实单位", "承办单位",
))  # fmt: skip
_SUPPORT = frozenset((
    "配合单位", "配合部门", "参与单位", "参与部门", "协办单位", "支撑单位", "协同单位",
))  # fmt: skip
_TASK = frozenset((
    "重点任务", "工作任务", "主要任务", "具体任务", "任务内容", "任务名称", "工作内容", "工作事项",
    "主要内容", "工作措施", "具体措施", "任务措施", "重点工作", "任务", "事项", "措施", "内容",
    "考核内容", "考核项目",
))  # fmt: skip
_NUMBER = frozenset(("序号", "编号", "序"))


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


def row_end(text: str, start: int) -> int:
    """End of the line a row starts on: the row as printed (a row of cells on lines of their
    own is its first cell's line)."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _cells(line: str) -> list[str]:
    return ["".join(c.split()) for c in line.strip().strip("|").split("|")]


def _column(header: list[str], cells: list[str], headings: frozenset[str]) -> tuple[str, ...]:
    """The non-empty cells of a row under the given headings."""
    return tuple(c for h, c in zip(header, cells, strict=True) if h in headings and c)


def _is_header(cells: list[str]) -> bool:
    role = any(c in _LEAD or c in _DUTY or c in _SUPPORT for c in cells)
    return role and any(c in _TASK for c in cells)


# Plain text of a table whose cells stand one per line (a Word table copied as text): header
# cells on consecutive lines, then rows opened by their number (1, 2, 3 …).
_OTHER_HEAD = frozenset((
    "各项分值", "分值", "分数", "权重", "考核指标", "考核标准", "评分标准", "评分细则", "考核方式",
    "考核办法", "说明", "备注", "完成时限", "完成时间", "时间节点", "进度安排", "目标要求", "工作目标",
    "牵头领导", "责任领导", "任务类型", "类别", "类型",
))  # fmt: skip
_GROUP = re.compile(r"^[一二三四五六七八九十]+、")
# A cell naming one unit of the jurisdiction: 县河长办, 县委宣传部 (short, no punctuation).
_UNIT_CELL = re.compile(
    r"^(?:省|市|县|区|州|镇|乡|中共)[^，,。；;：:、（）()\d\s]{1,14}"
    r"(?:办|局|部|委|站|中心|政府|队|所|院|厅|室|处|会|组|行)$"
)
_MAX_ROW_LINES = 40
# A header cell on a line of its own; searched after a line break (a pattern opening on a
# literal is scanned for it in C, one opening on ^ is tried at every offset), the first line
# on its own.
_HINT_LINE = r"[ \t]*(?:序号|编号|考核项目|重点任务|工作任务|主要任务|任务|责任单位|牵头单位|负责考核部门)[ \t]*$"
_FIRST_HINT = re.compile(_HINT_LINE, re.MULTILINE)
_VERTICAL_HINT = re.compile(r"\n" + _HINT_LINE, re.MULTILINE)
_SCORE_HEAD = frozenset(("各项分值", "分值", "分数", "评分标准", "评分细则"))
# A criterion closing with its score: …（10分）。 / …，得5分。
_SCORED = re.compile(r"\d分[)）]?[。；;，,]?$|扣完为止[)）]?[。；;]?$")
# A task cell: a short phrase, no score, not a numbered criterion.
_TASK_CELL = re.compile(r"^(?![\d(（])[^分]{4,40}(?<!部门)(?<!单位)(?<!项目)$")


_HEADER_CELLS = _LEAD | _DUTY | _SUPPORT | _TASK | _NUMBER | _OTHER_HEAD


def _header_cell(cell: str) -> bool:
    return cell in _HEADER_CELLS


def _vertical_rows(lines: list[tuple[int, str]]) -> list[TableRow]:
    """Rows of a one-cell-per-line table: after a header run naming a task column and one
    unit column (负责考核部门, 责任单位 …), a row is its task cell, its other cells, and the
    unit cells that close it (县河长办 / 县教育局); group headings (一、…) stand between rows."""
    rows: list[TableRow] = []
    i = 0
    while i < len(lines):
        run = i
        while run < len(lines) and _header_cell(lines[run][1]):
            run += 1
        if run - i < 3:  # most lines: no header run at all
            i = max(run, i + 1)
            continue
        header = [cell for _, cell in lines[i:run]]
        roles = [p for p in (_LEAD, _DUTY, _SUPPORT) if any(c in p for c in header)]
        if len(roles) > 1 or not any(c in _TASK for c in header):
            i = run
            continue
        if roles and _numbered(header, lines, run):
            found, i = _numbered_body(lines, run, roles[0])
        elif roles:
            found, i = _vertical_body(lines, run, roles[0])
        elif any(c in _SCORE_HEAD for c in header):
            found, i = _scored_blocks(lines, run)
        else:
            found, i = [], run
        rows.extend(found)
    return rows


# A cell listing units: 区规划资源局、区建设管理委、江宁路街道 (short pieces, most of them organs).
_LIST_SPLIT = re.compile(r"[、，,；;]")
_ROW_NUMBER = re.compile(r"^\d{1,3}$")


def _unit_list(cell: str) -> bool:
    pieces = [p for p in _LIST_SPLIT.split(cell) if p]
    if not pieces or any(len(p) > 20 or "。" in p for p in pieces):
        return False
    return 2 * sum(1 for p in pieces if _UNIT_CELL.match(p)) >= len(pieces)


def _numbered(header: list[str], lines: list[tuple[int, str]], start: int) -> bool:
    """A table whose rows open with their number (序号): 1 among the first body cells."""
    first = [cell for _, cell in lines[start : start + 4]]
    return any(c in _NUMBER for c in header) and "1" in first


def _numbered_body(
    lines: list[tuple[int, str]], start: int, role: frozenset[str]
) -> tuple[list[TableRow], int]:
    """Rows opened by their numbers 1, 2, 3 …: the cell after the number is the task, unit-list
    cells after it are its units; a row printed without units shares those of the row above
    (a cell merged down over several rows). Category cells between rows (行动二：… / 旧区改造)
    are no rows. The table ends at another header or where the numbers stop."""
    rows: list[TableRow] = []
    expected = 1
    current: tuple[int, str, str] | None = None  # (offset, number, task)
    units: list[str] = []
    shared: tuple[str, ...] = ()
    j = start
    since_row = 0

    def close() -> None:
        nonlocal shared
        if current is None:
            return
        if units:
            shared = tuple(units)
        if shared:
            at, number, task = current
            rows.append(_vertical_row([(at, task)], list(shared), role, number))

    while j < len(lines):
        cell = lines[j][1]
        if _header_cell(cell) or since_row > _MAX_ROW_LINES:
            break
        if cell == str(expected) and j + 1 < len(lines):
            close()
            current, units, since_row = (lines[j + 1][0], cell, lines[j + 1][1]), [], 0
            expected += 1
            j += 2
            continue
        if current is not None and _unit_list(cell):
            units.append(cell)
        since_row += 1
        j += 1
    close()
    return rows, j


def _scored_blocks(lines: list[tuple[int, str]], start: int) -> tuple[list[TableRow], int]:
    """An assessment scheme of units (考核项目 | 分值 | 考核内容 | 评分标准, one cell per line)
    lists under each unit (县水利局) its tasks, each followed by its scored criteria
    (1.…（10分）): the unit is every task's responsible unit."""
    rows: list[TableRow] = []
    unit: str | None = None
    previous = ""
    j = start
    while j < len(lines):
        at, cell = lines[j]
        if _header_cell(cell):
            break
        if _GROUP.match(cell):
            unit = None
        elif _UNIT_CELL.match(cell):
            unit = cell
        elif (
            unit is not None
            and _TASK_CELL.match(cell)
            and (_UNIT_CELL.match(previous) or _SCORED.search(previous))
        ):
            rows.append(TableRow(at, "", cell.rstrip(",，"), cell, (), (unit,), ()))
        previous = cell
        j += 1
    return rows, j


def _vertical_body(
    lines: list[tuple[int, str]], start: int, role: frozenset[str]
) -> tuple[list[TableRow], int]:
    """The rows after a header, and where the table ends."""
    rows: list[TableRow] = []
    row: list[tuple[int, str]] = []
    units: list[str] = []
    group: tuple[int, str] | None = None  # the heading (三、水岸联动…) of the rows since
    group_first = 0

    def close_group() -> None:
        # A group of one row: its heading names the task (as an only item under a heading).
        if group is not None and len(rows) == group_first + 1:
            only = rows[-1]
            rows[-1] = replace(only, start=group[0], task=group[1], text=f"{group[1]} {only.text}")

    j = start
    while j < len(lines):
        cell = lines[j][1]
        if _header_cell(cell) or len(row) > _MAX_ROW_LINES:
            break  # another table begins, or this is no longer a table
        if _GROUP.match(cell):
            if row and units:
                rows.append(_vertical_row(row, units, role))
            close_group()
            row, units = [], []
            bare = _GROUP.fullmatch(cell) is not None
            title = (
                lines[j + 1] if bare and j + 1 < len(lines) else (lines[j][0], _GROUP.sub("", cell))
            )
            group, group_first = title, len(rows)
            j += 2 if bare else 1
            continue
        if _UNIT_CELL.match(cell) and row:
            units.append(cell)
        elif units:
            rows.append(_vertical_row(row, units, role))
            row, units = [(lines[j][0], cell)], []
        else:
            row.append((lines[j][0], cell))
        j += 1
    if row and units:
        rows.append(_vertical_row(row, units, role))
    close_group()
    return rows, j


def _vertical_row(
    row: list[tuple[int, str]], units: list[str], role: frozenset[str], number: str = ""
) -> TableRow:
    grouped = tuple(units)
    return TableRow(
        start=row[0][0],
        number=number,
        task=row[0][1],
        text=" ".join(cell for _, cell in row),
        lead=grouped if role is _LEAD else (),
        duty=grouped if role is _DUTY else (),
        support=grouped if role is _SUPPORT else (),
    )


def table_rows(text: str) -> list[TableRow]:
    """Every task row of every task-division table in text."""
    # Most texts print no cells: reading them line by line found nothing, at a cost.
    rows = _piped_rows(text) if "|" in text else []
    if not (_FIRST_HINT.match(text) or _VERTICAL_HINT.search(text)):
        return rows  # no header cell on a line of its own: no table copied as text
    plain = [(start, "".join(line.split())) for start, line in _lines(text) if line.strip()]
    return rows + _vertical_rows(plain)


def _piped_rows(text: str) -> list[TableRow]:
    """The task rows of tables printed with their cells joined by |."""
    rows: list[TableRow] = []
    header: list[str] | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        cells = _cells(line) if "|" in line else []
        if cells and _is_header(cells):
            header = cells
            continue
        if header is None:
            continue
        columns = header
        if len(cells) != len(header):
            if len(cells) < 2:
                header = None  # the table ended; a row of merged cells does not end it
                continue
            if len(cells) > len(header) or len(cells) < 3:
                continue
            # Cells merged down from the row above (序号, 工作事项) are left out of this line:
            # its cells are the header's last ones, and it is a task of its own.
            columns = header[-len(cells) :]
        described = _column(columns, cells, _TASK)
        if not described:
            continue
        numbers = _column(columns, cells, _NUMBER)
        rows.append(
            TableRow(
                start=start,
                number=numbers[0] if numbers else "",
                task=described[0],
                text=" | ".join(described),
                lead=_column(columns, cells, _LEAD),
                duty=_column(columns, cells, _DUTY),
                support=_column(columns, cells, _SUPPORT),
            )
        )
    return rows


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    offset = 0
    for line in text.splitlines(keepends=True):
        out.append((offset, line))
        offset += len(line)
    return out
