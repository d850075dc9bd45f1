"""The printed name of a goal's metric: the indicator a number is about, without the verbs,
years and examples around it.

"开展补贴性职业技能培训超30万人次" is about 补贴性职业技能培训; "引育5家以上具有核心技术的
创新企业" about 创新企业 (the head noun after the number); "推动A、B等12个示范园区建设" about
示范园区建设. Keeping only the indicator is what lets the same metric be found in two documents.
"""

from __future__ import annotations

import re

# What a clause starts with before its indicator: list marks, framing words and action verbs
# (the action is the kind of goal, the indicator is what is counted); 全省/全市 is the
# goal's scope, not part of its indicator (全省地区生产总值年均增长5% → 地区生产总值); a time
# adverbial (上半年, 一季度, 三年内, 元宵节前) says when, not what.
_LEADING = re.compile(
    r"^(?:——|—|-|\d+[.、]|[(（][一二三四五六七八九十\d]+[)）]|其中|力争|确保|全年|今年|年内|实现|原则上|全[省市区县](?!域|级|范围)|"
    r"(?:努力|持续|着力|积极|大力|加快|加力|全力|深入|稳步|逐步|重点|高质量|进一步)|"
    r"(?:明年|今年)?(?:上半年|下半年|[一二三四]季度|[一二三四五六七八九十两]年内|(?:春节|元宵节|年底)前)|"
    r"(?:组织开展|开展|组织|推动|推进|实施|完成|支持|引导|争取|动员|吸纳|累计|培育|引育|"
    r"打造|构建|改扩建|建设|建成|建好|现有|办好|形成|组建|认定|启动|举办|新开发|开发|募集|提供|遴选|将))+"
)
# 在北京、沈阳等地建设8个中央级库, 依托消防总队建设31个省级库: where is not what.
_WHERE = re.compile(
    r"^(?:(?:在|依托|围绕|面向)[^，,。；;]{1,24}?|[^，,。；;]{1,12}?等地)(?:建设|新建|布局|设立|打造)"
)
# The last service or action in a long clause (…的社会人员开展职业技能培训) names the goal.
_LAST_ACTION = re.compile(r"^.*(?:开展|提供|举办)(?=[^，,。；;]{2})")
# 为<whom>提供/开展<service>: the service is the indicator.
_FOR_WHOM = re.compile(r"^为[^，,。；;为]{1,16}?(?:(?:免费)?(?:提供|开展|适配)|$)")
# A year phrase that opens the clause: 到2025年, 2023年, 力争2035年底.
_YEAR_PHRASE = re.compile(
    r"^(?:力争|确保|争取)?(?:到|至|在|于)?\s*(?:19|20)\d{2}\s*年(?:底|末)?前?"
)
# The examples before 等 name members; the indicator follows (not 等级, 等次, 同等 …).
_EXAMPLES = re.compile(r"^.*[^同平对均]等(?![级次同待于效额地])")
_TOTAL = re.compile(r"(?:共|共计|合计|总计|累计)$")
# After the number: a qualifier in brackets (县（市、区）), items joined by 、 that are no new
# quantity, up to the clause end.
_AFTER = re.compile(
    r"(?:[^，,。；;：:\n、(（|和]|和(?!\s*\d)|[(（][^)）\n]{0,8}[)）]|、(?![^，,。；;、\n]*\d))"
    r"{0,30}"
)
# After the number, what is not its object: a second verb phrase (并逐步提升), a comparator.
_AFTER_SKIP = re.compile(r"的|以上|左右|增长|,|并|且|同时|逐步|进一步|[(（]")
_HEAD = re.compile(r"^.*的")
_EARLIER_ITEM = re.compile(r"^.*\d[^和及与]*[和及与]")
_MIN = 2
_LIST_MARK = re.compile(r"^(?:\d+[.、]|[(（][一二三四五六七八九十\d]+[)）])")
_LIGHT_VERB = re.compile(r"进行|实现(?=下降|降低|增长|提高|提升|翻番)")


def opening(before: str, has_object: bool = False) -> str:
    """A clause's words before its number, without year, list mark, verbs and places (all of
    them may go when the number is followed by its object: 在北京等地建设8个中央级库)."""
    before = before.strip()
    # str tests first: most clauses join no items, and the pattern backtracked over each.
    if "和" in before or "及" in before or "与" in before:
        before = _EARLIER_ITEM.sub("", before)  # 建设20个A和(35个B)
    before = _YEAR_PHRASE.sub("", _LIST_MARK.sub("", before))  # （5）2018年流量资费…
    before = _LEADING.sub("", before)
    least = 0 if has_object else _MIN
    for pattern in (_FOR_WHOM, _WHERE, _LAST_ACTION):
        found = pattern.match(before)
        if found and len(before) - found.end() >= least:
            before = before[found.end() :]
    # 进行 is a light verb, and so is 实现 before a change (流量资费实现下降30%)
    return _LIGHT_VERB.sub("", _LEADING.sub("", before))


def _head(after: str) -> str:
    """The head noun of what follows the number (1000例病例的脑数据集 → 脑数据集)."""
    head = _HEAD.sub("", after)
    return head if len(head) >= _MIN else after


# 超5个县（市、区）开展全域幸福河湖建设, 在22个城市开展试评价: the number counts the places or
# bodies that do something; the indicator is named 开展全域幸福河湖建设的县（市、区）
# (ANNOTATION.md, round 7). Not after 为: 为10万名残疾人提供康复服务 counts the people served.
# The verb must follow a noun of two characters at least (实施方案 is no split).
_ACTED = re.compile(
    r"^(?P<who>[^，,。；;]{2,}?)(?P<does>(?:开展|实现|实施|完成|设置|配备|提供|发放|纳入|接入|"
    r"享受|获得|取得)[^，,。；;的]{2,})$"
)
_RECIPIENTS = re.compile(r"为\s*(?:超|超过|约|近)?\s*$")
# 为10万名残疾人提供基本康复服务: the people served and the service, without the verb that
# joins them (残疾人基本康复服务), as a researcher would list it; 配备/发放 stay (what is
# equipped or paid is no service: 社区卫生服务中心配备医保刷脸支付终端).
_SERVED_WITH = re.compile(r"^(?P<who>[^，,。；;]{2,}?)(?:提供|开展)(?P<what>[^，,。；;的]{2,})$")


def _acted_on(after: str) -> str:
    """开展全域幸福河湖建设的县（市、区） for 县（市、区）开展全域幸福河湖建设, else after as it is."""
    found = _ACTED.match(after)
    if found is None:
        return after
    return f"{found.group('does')}的{found.group('who')}"


def metric_name(text: str, start: int, value_start: int, end: int) -> str:
    """The indicator of the number between value_start and end, read in text[start:…]."""
    after_match = _AFTER.match(text, end)  # match at an offset: no copy of the text
    after = after_match.group().rstrip("、") if after_match else ""
    has_object = bool(after) and not _AFTER_SKIP.match(after)
    before = _TOTAL.sub("", opening(text[start:value_start], has_object))
    if has_object:
        after = _head(after)
        served = _RECIPIENTS.search(text, start, value_start) or text.startswith("为", value_start)
        if before in ("", "在") and not served:
            after, before = _acted_on(after), ""
        elif served:
            service = _SERVED_WITH.match(after)
            if service is not None:
                after = f"{service.group('who')}{service.group('what')}"
            before = "" if before == "为" else before
        metric = f"{before}{after}" if before else after
    else:
        metric = before
    examples = _EXAMPLES.match(metric)
    if examples and len(metric) - examples.end() >= _MIN:
        metric = metric[examples.end() :]
    if "|" in metric:  # a table row: the last cell with words before the number
        cells = [cell.strip() for cell in metric.split("|") if cell.strip()]
        metric = _LEADING.sub("", cells[-1]) if cells else ""
    return metric.replace("进行", "").strip()


def leading_year(text: str) -> int | None:
    """The year a clause opens with (2023年达到80% → 2023), if any."""
    found = _YEAR_PHRASE.match(text.strip())
    if not found:
        return None
    digits = re.search(r"\d{4}", found.group())
    return int(digits.group()) if digits else None


# What the indicator is compared with (能耗较2020年下降, 排放量同比下降, 供应量在原有年度供地
# 计划基础上增加), the list words left after it (利用率分别, 利用率均) and the 控制目标 a cap is
# announced with (涨幅控制目标为7%) are no part of its name.
_COMPARED_WITH = re.compile(
    r"(?:比|较)(?:19|20)\d{2}年(?:底|末|度)?(?:水平)?|同比(?!例)|在[^，,。；;在]{1,16}?基础上"
    r"|(?:分别|均|控制目标)$"
)
# 新能源汽车新车销售量达到汽车新车销售总量的20%: a share, named 新能源汽车新车销售量占…比例.
_SHARE_OF = re.compile(r"^(?P<part>[^，,。；;]{2,}?)(?:达到|达)(?P<whole>[^，,。；;]{2,})的$")

# 即时结算资金占本地医保基金月结算资金的80%: the share named with 占, …比例 as above.
_SHARE_NAMED = re.compile(r"^[^，,。；;占]{2,}占[^，,。；;]{2,}的$")


def plain_metric(metric: str) -> str:
    """A metric without its compared-with year and list words; a share as 占…比例."""
    metric = _COMPARED_WITH.sub("", metric)
    share = _SHARE_OF.match(metric)
    if share:
        return f"{share.group('part')}占{share.group('whole')}比例"
    if _SHARE_NAMED.match(metric):
        return f"{metric[:-1]}比例"  # 即时结算资金占本地医保基金月结算资金的80%以上
    return metric
