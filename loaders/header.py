"""政府信息公开 header lines: pipe tables, bullet lists, `来源: … 发布时间: …`, PKULaw 【…】, [键] 值."""

from __future__ import annotations

import re

# Header names as printed, mapped to the canonical name stored in Metadata.dates/extra.
# Names are matched with any spaces between their characters (索 引 号) and an optional colon.
KEYS: dict[str, str] = {
    "索引号": "索引号", "组配分类": "组配分类", "分类": "主题分类", "主题分类": "主题分类",
    "体裁分类": "体裁分类", "发布机构": "发布机构", "发文机关": "发文机关", "制发机关": "制发机关",
    "发文单位": "发文单位", "发布单位": "发布单位", "制定机关": "制定机关", "公开主体": "发布机构",
    "来源": "来源", "信息来源": "信息来源", "文章来源": "来源",
    "名称": "名称", "标题": "标题", "文件名称": "名称", "题名": "名称",
    "文号": "文号", "发文字号": "文号", "发布文号": "文号", "文件编号": "文号",
    "生成日期": "生成日期", "发文日期": "发文日期", "发布日期": "发布日期", "成文日期": "成文日期",
    "发布时间": "发布日期", "公布日期": "公布日期", "印发日期": "印发日期", "施行日期": "施行日期",
    "实施日期": "施行日期", "生效日期": "生效日期", "废止日期": "废止日期", "失效日期": "废止日期",
    "有效性": "有效性", "效力状态": "有效性", "时效性": "有效性", "是否有效": "有效性",
    "关键词": "关键词", "主题词": "关键词", "访问量": "访问量", "阅读量": "访问量",
    "浏览次数": "访问量", "效力级别": "效力级别", "法宝引证码": "法宝引证码",
    "公文种类": "公文种类", "时效": "有效性", "发布部门": "发文机关", "制定机关名称": "制定机关",
    "法规类别": "主题分类", "成文时间": "成文日期", "发文时间": "发文日期", "公布时间": "公布日期",
    "原文链接": "原文链接", "原文地址": "原文链接", "来源链接": "原文链接", "检索时间": "检索时间",
    "检索关键词": "关键词",
    # A policy database's export (政策文号 / 牵头单位 / 文件状态 / 链接 above 正文).
    "政策文号": "文号", "文件状态": "有效性", "链接": "原文链接",
    # The 北京 policy library's pages ([发文机构] 北京市人民政府 / [发文字号] 京政发〔2023〕14号).
    "发文机构": "发文机关", "联合发文单位": "联合发文单位", "文件来源": "来源",
}  # fmt: skip

_KEY_ALT = "|".join(r"\s*".join(map(re.escape, k)) for k in sorted(KEYS, key=len, reverse=True))
# A name followed by a colon, at the line start or after a space, bullet or pipe.
# Markdown exports print the name in bold (**发布机构**: …).
_KV = re.compile(rf"(?:^|(?<=[\s|•·●▪■*\-]))(?P<key>{_KEY_ALT})\**\s*[:：]\s*")
_PKULAW = re.compile(rf"^[【\[](?P<key>{_KEY_ALT})[】\]]\s*(?P<value>.*)$")
_INVISIBLE = str.maketrans("", "", "\u200b\u200c\u200d\u2060\ufeff")
_BULLET = re.compile(r"^[•·●▪■*\-]+\s*")
_TABLE_RULE = re.compile(r"^[\s|:：\-—]+$")
_SPACES = re.compile(r"\s+")


def canonical(name: str) -> str | None:
    """The canonical header name for a printed one (索 引 号: → 索引号), or None."""
    return KEYS.get(_SPACES.sub("", name).rstrip(":：").strip("【】"))


# Names that are a header's only inside a block of header lines: 牵头单位：A opens many a
# task's assignment in a body, but between 实施日期 and 失效日期 it is the export's field.
_BLOCK_FIELD = re.compile(r"\s*(?P<key>牵头单位)\s*[:：]\s*(?P<value>[^，,。；;]{1,30})\s*")


def block_fields(line: str) -> list[tuple[str, str]] | None:
    """The field of a line that is a header line only next to other header lines, or None."""
    match = _BLOCK_FIELD.fullmatch(line)
    return [(match["key"], match["value"].strip())] if match else None


def header_fields(line: str) -> list[tuple[str, str]] | None:
    """The (name, value) pairs of a header line, or None when the line is not a header line."""
    # Five `in` tests, not a pattern of the five marks: its call on every line cost more.
    if not (":" in line or "：" in line or "|" in line or "【" in line or "[" in line):
        return None
    if "|" in line:
        if _TABLE_RULE.match(line):
            return []
        return _pipe_fields(line)
    match = _PKULAW.match(line)
    if match:
        value = match["value"].translate(_INVISIBLE).strip()
        return [(KEYS[_SPACES.sub("", match["key"])], value)]
    body = _BULLET.sub("", line)
    # A body sentence may mention 来源: in passing; a header line starts with a name and is short.
    if len(body) > 160 or "。" in body or not _KV.match(body):
        return None
    matches = list(_KV.finditer(body))
    fields = []
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(body)
        fields.append((KEYS[_SPACES.sub("", match["key"])], body[match.end() : end].strip()))
    return fields


def _pipe_fields(line: str) -> list[tuple[str, str]] | None:
    cells = [cell.strip() for cell in line.split("|")]
    fields: list[tuple[str, str]] = []
    index = 0
    while index < len(cells):
        name = canonical(cells[index]) if cells[index] else None
        if name is None:
            index += 1
            continue
        nxt = cells[index + 1] if index + 1 < len(cells) else ""
        if nxt and canonical(nxt) is None:
            fields.append((name, nxt))
            index += 2
        else:
            fields.append((name, ""))
            index += 1
    return fields or None
