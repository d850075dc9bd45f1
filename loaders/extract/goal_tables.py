"""Indicator tables of plans (专栏 主要指标): one goal per row, in the table's target column.

A 规划 prints its goals as a table: 序号 | 指标 | 2020年 | 2025年 | 属性. Copied from a web
page or a PDF the table comes either as one row per line with cells split by | or as one
cell per line. Each row's indicator cell names the metric; the last target column (预期值,
目标值, or the last year column — earlier year columns are baselines) holds the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.loaders.extract.sentences import finds

_SPACES = re.compile(r"[\s\u3000]+")
_INDICATOR = re.compile(r"^(?:指标|指标名称|主要指标|指标内容)$")
_TARGET = re.compile(r"^(?:((?:19|20)\d{2})年?(?:目标值?|预期值?)?|预期值|目标值|目标)$")
_OTHER = re.compile(r"^(?:序号|属性|指标属性|单位|类别|领域|基期值|现状值|备注|年均增长)$")
_ORDINAL = re.compile(r"^\d{1,3}$")
_MAX_CELL = 40


@dataclass(frozen=True)
class IndicatorRow:
    """One row of an indicator table: where its value cell starts, and what it says."""

    start: int
    indicator: str
    cell: str
    year: int | None


# The characters a header cell opens on (its spaces left out): a line of prose is told by its
# first one, without taking the spaces out of all of it.
_HEADER_OPENS = frozenset("指主12预目序属单类领基现备年")


def _header_kind(cell: str) -> str | None:
    if cell.lstrip()[:1] not in _HEADER_OPENS:
        return None
    cell = _SPACES.sub("", cell)
    if _INDICATOR.match(cell):
        return "indicator"
    if _TARGET.match(cell):
        return "target"
    if _OTHER.match(cell):
        return "other"
    return None


def _rows(header: list[str], rows: list[list[tuple[int, str]]]) -> list[IndicatorRow]:
    kinds = [_header_kind(cell) for cell in header]
    targets = [i for i, kind in enumerate(kinds) if kind == "target"]
    if "indicator" not in kinds or not targets:
        return []
    name, value = kinds.index("indicator"), targets[-1]
    found = _TARGET.match(_SPACES.sub("", header[value]))
    year = int(found.group(1)) if found and found.group(1) else None
    out = []
    for row in rows:
        start, cell = row[value]
        out.append(IndicatorRow(start, _SPACES.sub("", row[name][1]), cell.strip(), year))
    return out


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset of the first non-blank character, stripped line) of every line."""
    out, position = [], 0
    for line in text.split("\n"):
        out.append((position + len(line) - len(line.lstrip()), line.strip()))
        position += len(line) + 1
    return out


def _vertical(lines: list[tuple[int, str]], i: int) -> tuple[list[IndicatorRow], int]:
    """A table printed one cell per line, its header starting at line i."""
    header = []
    while i < len(lines) and _header_kind(lines[i][1]):
        header.append(lines[i][1])
        i += 1
    if header[0] == "序号" and i < len(lines) and not _ORDINAL.match(lines[i][1]):
        header = header[1:]  # lines holding only a number were taken for page numbers
    width = len(header)
    rows: list[list[tuple[int, str]]] = []
    while i + width <= len(lines):
        cells = lines[i : i + width]
        if not all(0 < len(cell) <= _MAX_CELL for _, cell in cells):
            break
        if header[0].startswith("序号") and not _ORDINAL.match(cells[0][1]):
            break
        rows.append(cells)
        i += width
    return _rows(header, rows), i


def _piped(lines: list[tuple[int, str]], i: int) -> tuple[list[IndicatorRow], int]:
    """A table printed one row per line, cells split by |, its header at line i."""
    header = [cell.strip() for cell in lines[i][1].strip("|").split("|")]
    rows: list[list[tuple[int, str]]] = []
    i += 1
    while i < len(lines) and "|" in lines[i][1]:
        start, line = lines[i]
        cells, offset = [], start
        for cell in line.split("|"):
            cells.append((offset + len(cell) - len(cell.lstrip()), cell.strip()))
            offset += len(cell) + 1
        cells = [c for c in cells if c[1]] if line.startswith("|") else cells
        if len(cells) == len(header):
            rows.append(cells)
        i += 1
    return _rows(header, rows), i


# A line that is an indicator column's header, alone or as a cell: tables are rare, so the
# line-by-line reading runs only when one is there. It is matched after the line break or
# cell's bar before a 指 (指标, 主要指标), the match at the text's start on its own.
_SPACE = " \t\u3000"  # what may stand between a header cell's words and around them
_GAP = f"[{_SPACE}]*"
_HEADER_CELL = rf"{_GAP}(?:指{_GAP}标|主要指标)(?:名称|内容)?{_GAP}(?:\||\n)"
_FIRST_CELL = re.compile(_HEADER_CELL)
_ANY_TABLE = re.compile(r"[\n|]" + _HEADER_CELL)


def _has_header_cell(text: str) -> bool:
    """_ANY_TABLE.search(text) found a header: tried at the break or bar before each 指 (and
    before each 主要 ahead of one), across the spaces between. Scanning for the break or bar
    tested a character set at every character of the text."""
    for at in finds(text, "指"):
        for opening in (at, at - 2):  # 指标, 主要指标
            k = opening - 1
            while k >= 0 and text[k] in _SPACE:
                k -= 1
            if k >= 0 and text[k] in "\n|" and _ANY_TABLE.match(text, k):
                return True
    return False


def _names_indicators(text: str) -> bool:
    """指标 (or 指 标) is in text: every indicator header holds it."""
    # str tests first: half the texts have no 指标, and the search scanned their every line.
    return "指标" in text or "指 " in text or "指\t" in text or "指\u3000" in text


def indicator_rows(text: str) -> list[IndicatorRow]:
    """Every row of every indicator table in text."""
    if not _names_indicators(text) or not (_FIRST_CELL.match(text) or _has_header_cell(text)):
        return []
    lines = _lines(text)
    out: list[IndicatorRow] = []
    i = 0
    while i < len(lines):
        line = lines[i][1]
        if "|" in line and any(
            _header_kind(cell) == "indicator" for cell in line.strip("|").split("|")
        ):
            found, i = _piped(lines, i)
            out.extend(found)
        elif _header_kind(line) is not None and _header_run(lines, i):
            found, i = _vertical(lines, i)
            out.extend(found)
        else:
            i += 1
    return out


def _header_run(lines: list[tuple[int, str]], i: int) -> bool:
    """The run of header cells starting at line i holds an indicator and a target column."""
    kinds = []
    while i < len(lines) and (kind := _header_kind(lines[i][1])):
        kinds.append(kind)
        i += 1
    return "indicator" in kinds and "target" in kinds
