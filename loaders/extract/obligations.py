"""Duties a rule's articles lay on named organs with 应当 / 应 (ANNOTATION.md).

第二十条 区民政部门应当建立本区长者饭堂及运营机构的名册清单，并向社会公布。

A rule (办法, 细则, 条例) states an organ's duty as an obligation: the organ leads it, and the
sentence is a task of its own. Obligations of the parties a rule regulates (运营机构, 定点机构,
申请人) and of organs named by no one in particular (有关部门) are no assignment.
"""

from __future__ import annotations

import re

from policykg.loaders.extract.context import Context
from policykg.loaders.extract.sentences import clause_span
from policykg.loaders.extract.span_tasks import SpanTask, article_of, has_articles
from policykg.loaders.extract.unit_lists import (
    ARTICLE,
    CLAUSE,
    Ref,
    Resolver,
    prefix_units,
    sector_departments,
    subject_units,
)
from policykg.loaders.extract.units import UnitName

# 应当, 应: not 应用, 应急, 对应, 应届, 相应, 应有, 应予, 应在 (a condition: 应在…前).
# The look-behind stands after the literal 应, so the scan skips in C to each 应.
MUST = re.compile(r"应(?<![对相响供适回效反]应)(?:当|(?![用急届有予当]))")
# Organs of government: 区民政部门, 市医疗保障局, 镇人民政府（街道办事处）, 医保经办机构.
_ORGAN = re.compile(
    r"(?:局|委|办|厅|(?<!部)部|署|政府|办公室|管委会|管理委员会|办事处|部门|经办机构|残联|"
    r"残疾人联合会|[)）])$"
)
_VAGUE = re.compile(r"有关|相关")
_NOT_SUBJECT = re.compile(r"并|要求|由|将|请|对|向|经|按")
# A sentence's opening condition: …的，/ …后，/ …时，right before the subject.
_CONDITION = re.compile(r"(?:^|(?<=[。；;\n]))\s*(?P<sentence>[^。；;\n]{2,78}?(?:的|后|时)[，,])$")
_SENTENCE_END = re.compile(r"[。\n]")
_OPENS = ("", "。", "；", ";", "\n")
_COOPERATE = re.compile(r"会同(?P<sup>[^，,。；;：:\n]{2,60})")

Duty = tuple[int, str, Ref, SpanTask]


def article_obligations(
    ctx: Context, resolve: Resolver
) -> tuple[list[Duty], list[tuple[int, int]]]:
    """Lead duties of the organs a rule's sentences open with before 应当, one task per
    sentence, and the stretches of text they were read from."""
    text = ctx.text
    out: list[Duty] = []
    read: list[tuple[int, int]] = []
    if not has_articles(ctx):
        return out, read
    for m in MUST.finditer(text):
        index = article_of(ctx, m.start())
        if index is None:
            continue
        # 镇人民政府（街道办事处）应当: the subject may hold brackets.
        found = clause_span(text, max(0, m.start() - 40), m.start())
        if found is None:
            continue
        start = found[0]
        clause = text[start : found[1]]
        subject = start + len(clause) - len(clause.lstrip())
        article = ARTICLE.match(text[subject : m.start()])
        subject += article.end() if article else 0
        begin = subject
        if text[max(0, start - 1) : start] not in _OPENS:
            # 长者饭堂运营机构出现下列情形的，区民政部门…应当…: a condition may open the
            # sentence; the task is the whole sentence. Any other clause before the subject
            # (并要求市财政局要…) makes it no sentence of the organ's.
            condition = _CONDITION.search(text, max(0, start - 80), start)
            if condition is None:
                continue
            begin = condition.start("sentence")
            opening = ARTICLE.match(text[begin:start])
            begin += opening.end() if opening else 0
        if _NOT_SUBJECT.match(text, subject):
            continue  # 并要求镇人民政府应当…: the organ is an object, not the subject
        named = subject_units(resolve, text[subject : m.start()])
        if not all(isinstance(u, UnitName) and _ORGAN.search(u.name) for u in named):
            continue
        # 国务院市场监督管理部门和国务院有关部门应当…: 有关部门 is no one in particular.
        units = [u for u in named if not _VAGUE.search(u.name)]
        if not units:
            continue
        stop = _SENTENCE_END.search(text, m.end())
        end = stop.start() if stop else len(text)
        span = SpanTask(ctx.sections.deepest(begin) or index, begin, end)
        read.append((begin, end))
        out.extend((begin, "LED_BY", ref, span) for ref in units)
        cooperate = _COOPERATE.match(text, m.end())
        if cooperate:
            first = CLAUSE.split(cooperate.group("sup"))[0]
            level = text[subject : subject + 1]  # 市住房城乡建设局应会同发展改革、…等部门
            supports = sector_departments(resolve, first, level) or prefix_units(first, resolve)
            out.extend((begin, "SUPPORTED_BY", ref, span) for ref in supports)
    return out, read
