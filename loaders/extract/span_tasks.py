"""Tasks smaller than a section: a paragraph, or one duty clause of a rule's article.

（一）推动科技创新资源开放
    优化运营管理……（责任单位：市科委、市发展改革委）
    加强校企合作……（责任单位：市教委、市经济信息化委、市科委）

Each paragraph is a measure with its own responsible units; filed under the heading as one
task, the heading would list every unit once and "which unit leads what" would lose which
measure each leads. A heading whose own paragraph carries the assignment, or with only one
paragraph that does, stays one task.

第五条 市人力资源社会保障部门负责积分制入户工作的统筹协调和具体实施；组织开发积分制入户
信息系统……

A rule's article lists duties, each clause after 负责 (and each clause after it, up to the
sentence's end) one task of the unit named before 负责.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from policykg.loaders.extract.context import Context

# The paragraph's first sentence names the measure; a long one is cut.
_SENTENCE_END = re.compile(r"[。；;！？!?]")
_TITLE_CAP = 60
# A paragraph that is a label line (牵头部门：省审改办 / 完成时限：…) belongs to the item above.
_LABEL = re.compile(r"[^，,。；;：:\n]{2,10}[:：]")
_ARTICLE_NUMBER = re.compile(r"第[一二三四五六七八九十百零\d]+条")
_DUTY_END = re.compile(r"[。\n]")
_DUTY_SPLIT = re.compile(r"[；;]")
# A clause that turns from duties to obligations (应当根据…安排人员) ends the list.
_OBLIGATION = re.compile(r"\s*(?:应当|应|要|须|必须|可以|可)")


@dataclass(frozen=True)
class SpanTask:
    """A stretch of a section (a paragraph, a clause) that is a task of its own."""

    section: int  # index of the section it stands in
    start: int
    end: int

    def title(self, text: str) -> str:
        """The stretch's first sentence (up to 60 characters)."""
        body = text[self.start : self.end]
        stop = _SENTENCE_END.search(body)
        first = body[: stop.start()] if stop else body
        return first[:_TITLE_CAP].strip()


def paragraph_tasks(ctx: Context, positions: Iterable[int]) -> dict[int, SpanTask]:
    """Paragraph start → its task, for sections in which two or more paragraphs after the
    heading's own each carry an assignment (positions: where assignments were read)."""
    text = ctx.text
    found: dict[int, dict[int, SpanTask]] = {}
    for pos in positions:
        index = ctx.sections.deepest(pos)
        if index is None:
            continue
        start = paragraph_start(text, pos)
        if start <= ctx.sections.sections[index].start or _LABEL.match(text, start):
            continue  # the heading's own paragraph, or the item's label lines: the section
        end = text.find("\n", pos)
        paragraph = SpanTask(index, start, end if end >= 0 else len(text))
        found.setdefault(index, {})[start] = paragraph
    return {
        start: paragraph
        for paragraphs in found.values()
        if len(paragraphs) >= 2
        for start, paragraph in paragraphs.items()
    }


def paragraph_start(text: str, pos: int) -> int:
    """Where the paragraph holding pos begins."""
    return text.rfind("\n", 0, pos) + 1


def has_articles(ctx: Context) -> bool:
    """Whether the document is made of articles (第一条 …), as rules are."""
    # An article's number ends on 条: most numbers (一、, （一）, 1.) are told by that alone.
    for section in ctx.sections.sections:
        if section.number.endswith("条") and _ARTICLE_NUMBER.fullmatch(section.number):
            return True
    return False


def article_of(ctx: Context, pos: int) -> int | None:
    """The index of the article (第五条) that pos stands in, if it stands in one."""
    index = ctx.sections.deepest(pos)
    while index is not None:
        if _ARTICLE_NUMBER.fullmatch(ctx.sections.sections[index].number):
            return index
        path = ctx.sections.paths[index]
        index = ctx.sections.index_of(path.rsplit(".", 1)[0]) if "." in path else None
    return None


def duty_clauses(text: str, start: int) -> Iterator[tuple[int, int]]:
    """The clauses of a duty from start (just after 负责) to the sentence's end, split at
    ；, until a clause names a new subject's duty (负责 again)."""
    end_match = _DUTY_END.search(text, start)
    end = end_match.start() if end_match else len(text)
    position = start
    for piece in _DUTY_SPLIT.split(text[start:end]):
        if position > start and ("负责" in piece or _OBLIGATION.match(piece)):
            return
        stripped = piece.strip()
        if len(stripped) >= 4:
            lead = len(piece) - len(piece.lstrip())
            yield position + lead, position + lead + len(stripped)
        position += len(piece) + 1
