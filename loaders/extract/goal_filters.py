"""Numbers that are no goal: limits, payments, conditions, names, the text's own parts.

A policy text is full of numbers; only some are quantities to be reached. Each rule here
says which are not, for a reason a policy researcher would give.
"""

from __future__ import annotations

import re

from policykg.loaders.extract.context import Context

# An amount granted or a threshold of eligibility, not a goal: 最高奖励300万元, 投资1000万元及以上的.
GRANT_BEFORE = re.compile(
    r"(?:最高|最多|最长|最短|一次性|给予|奖励|补贴(?!性)|补助|资助|奖补|扶持|罚款)[^，,。；;]{0,8}?"
    # 分别给予1000元、1500元、2000元: every amount of the list, not only the first two.
    r"(?:\d+(?:\.\d+)?[万亿千百]?元[、和及或])*$"
)
# 每引进1名人才…给予, 每引进1个项目: the one unit a benefit is counted per, not a goal (每年新增10家
# and 每千人口4.5个 are: a period or a population is no such unit).
PER_ONE_BEFORE = re.compile(
    r"每(?!年|季|月|周|天|日|万|千|百|亿|平方|公里|亩|人口)[\u4e00-\u9fff]{1,3}$"
)
# Money that is a benefit, a fee or a fund, not an outcome: 补贴标准每人每月280元,
# 安排省级财政资金100亿元, 处10万元以下的罚款.
_PAYMENT = re.compile(r"补贴|补助|津贴|救助|保障标准|生活费|资助|奖励|资金|罚款|收费|缴费|每人每")
# A regulation sets rules, not goals: its numbers are limits, standards and conditions.
_REGULATION = re.compile(
    r"(?:办法|细则|条例|规定|规则|规范|指引|须知|标准)(?:[(（]试行[)）])?(?:》?的通知)?$"
)
_CLASS_NOUN = re.compile(r"[\u4e00-\u9fff]")
_ASSESSMENT = re.compile(r"考核|考评|评价|评估|目标管理")
# 名词解释 / 注释 at the end of a report: explanations of terms, no goals.
# Searched after a line break (a pattern opening on a literal is scanned for it in C, one
# opening on ^ was tried at every offset), the text's first line on its own.
_GLOSSARY_LINE = r"\s*(?:附件\s*\d*\s*)?(?:名词解释|名词注释|注释|释义)\s*$"
_FIRST_GLOSSARY = re.compile(_GLOSSARY_LINE, re.MULTILINE)
_GLOSSARY = re.compile(r"\n" + _GLOSSARY_LINE, re.MULTILINE)


def glossary_start(text: str) -> int:
    """Where the glossary heading (名词解释, 注释) of a report starts, else the text's end."""
    if "释" not in text:  # every heading the pattern knows holds it
        return len(text)
    if _FIRST_GLOSSARY.match(text):
        return 0
    found = _GLOSSARY.search(text)
    return found.start() + 1 if found else len(text)


# 30万元以上(科研机构20万元以上)的骨干人才, （组织150家企业及以上）的商协会: a threshold too.
ELIGIBLE_AFTER = re.compile(r"(?:及以上|以上|以下)?(?:[(（][^)）\n]{0,24}[)）]|[)）])?的")
# Numbers that are no goal: dates, ordinals, 1:1:1 ratios, counts inside 《titles》, the
# count of a list just named (洛阳等10个国家物流枢纽).
# A factor of a formula (…/总人数×100%) and a recommended size (规模宜为5000人) neither.
NOT_GOAL_BEFORE = re.compile(
    r"(?:第(?:\s*\d+\s*[、，,和及至到-])*|前|近|过去|[:：]|等|[×*]|宜为?|宜在)\s*$"
)
# The characters NOT_GOAL_BEFORE can end on (before the spaces its $ allows).
_NOT_GOAL_ENDS = frozenset("第、，,和及至到-前近去:：等×*宜为在")


def not_goal_before(text: str, value_start: int) -> bool:
    """A word right before the number makes it no goal (第3, 前5, 近3年, 等10个, 宜为5000人)."""
    start = max(0, value_start - 8)
    # The last character first: most numbers follow none NOT_GOAL_BEFORE can end on, and
    # the search tried the pattern at each offset before them.
    if text[start:value_start].rstrip()[-1:] not in _NOT_GOAL_ENDS:
        return False
    return NOT_GOAL_BEFORE.search(text, start, value_start) is not None


# A condition (如…的, 凡…的) states when a rule applies, not what is to be reached.
_CONDITION = re.compile(
    r"\s*(?:但是|但|其中)?(?:如|若|凡|如果|对于|对)[^，,。；;]*的(?=[，,。；;])"
)
# Counts of the text's own parts, not goals: 把握好5个方面, 以下14个方面的工作.
NOT_GOAL_AFTER = re.compile(
    r"(?:大|项|个|条)?(?:方面|部分|阶段|环节|原则|步骤|篇章|专项行动)|[\u4e00-\u9fff]{0,6}指标"
)

# The size of a place: 总规划面积约60.61平方公里, …功能区，面积约8.5平方公里. An area to be
# reached carries its verb (新增绿化面积约500公顷, 完成改造面积约3万平方米).
# 投资500万元以上技改项目超过1万个, 完成30万千瓦及以上热电联产电厂供热半径15公里范围内…关停:
# an amount with 以上 before a noun that another number in its clause counts or measures is the
# size class of that noun (an area to be reached, 完成50万平方米以上商业设施更新, has no second
# number).
_SIZE_CLASS_AFTER = re.compile(r"[\u4e00-\u9fff][^，,。；;\d\n]*\d")
# An amount with 以上 right before the kind of thing it sizes: a class, not an amount to reach.
_CLASS_NOUN_AFTER = re.compile(r"的?[\u4e00-\u9fff]{0,4}?(?:项目|企业|品种)")
_MEASURES = ("元", "千瓦", "吨", "米", "亩", "千伏安", "兆瓦", "千瓦时", "公顷", "标准煤")
_AREA_UNITS = frozenset({"平方公里", "公顷", "亩", "平方米", "万平方米", "万亩"})
_SIZE_BEFORE = re.compile(
    r"(?:(?!新增|建成|完成|达到|累计|改造|整治|治理|修复|造林)[^，,。；;])*面积(?:约为?|为)\s*"
)

# A number that sets a policy instrument is the instrument's setting, not an outcome the
# jurisdiction sets itself to reach: a contribution, guarantee or interest rate
# (养老保险单位费率从19%降低到16%), a down payment (最低首付比例为20%), an amount of a loan,
# guarantee, interest subsidy or withdrawal (单户担保金额500万元及以下), a deposit or a guarantee
# letter, a ceiling (贷款上限), a ratio a rule fixes (劳务报酬发放比例不低于15%), the time limit of
# a procedure (审批时限原则上不超过7个工作日, 公示期为5个工作日: unless it is to be cut, 时限压缩至),
# an applicant's past figures (上年度营业收入不超过4亿元), a share of an amount paid (按实际发生额的
# 80%), a setting changed (最高贷款金额由50万元调整为60万元), a condition of a purchase
# (购买商品房住房面积在144平方米以下).
# Two patterns, each opening on literals only (one pattern of both was tried at every offset
# of the clause): the instrument's word, or the rate and setting before the number.
_INSTRUMENT = re.compile(
    r"(?:费率|税率|利率|首付|贷款(?:额度|金额)|担保金额|贴息|保证金|保函|提取金额|上限|发放比例|"
    r"替代比例|提高比例|预付款比例|公示期|时限(?!压缩|缩短|压减)|上一?年度|注册资本|应纳税|购买|购房)[^，,。；;]*$"
)
_RATE_OR_SETTING = re.compile(r"按[^，,。；;]{1,16}的\s*$|由[^，,。；;]{1,16}调整为?\s*$|按\s*$")
# A quota of an award or a grant is a setting of the instrument, not a goal: 每年评选不超过10个
# 优秀专用模型, 单家企业每年申领算力券金额不超过800万元 (a ceiling after 单位GDP能耗 or 大班额比例
# stays a goal: no award or grant in its clause).
_QUOTA = re.compile(r"评选|评定|择优|遴选|申领|给予|奖励|补助|补贴")
# The ceilings among the comparators targets reads before a number (its _PRE): 最高 and 最多
# are none of them, so a quota printed with those is not caught here.
_CEILING = frozenset({"不超过", "不高于"})
# 按照不高于…服务合同年度累计金额的30%给予补贴: the rate by which a grant is paid.
# 分别参照其地方财政贡献的70%、80%和90%给予企业奖励: each share of a list is such a rate.
_PAID_BY = re.compile(r"(?:\s*[、和及]\s*\d+(?:\.\d+)?\s*%)*(?:的(?:标准|比例))?(?:给予|予以)")
_BY_CLAUSE = re.compile(r"\s*(?:一般|原则上|分别)?(?:按照?|参照|依照)")


def quota(text: str, clause_start: int, value_start: int, end: int, pre: str | None) -> bool:
    """The number is a ceiling of an award or grant, or the rate a grant is paid by."""
    if pre in _CEILING and _QUOTA.search(text, clause_start, value_start):
        return True
    if _PAID_BY.match(text, end) is None:
        return False
    if _BY_CLAUSE.match(text, clause_start, value_start):
        return True
    # the 90% of 参照其…的70%、80%和90%给予: its clause opens at the comma, not the 、
    comma = max(text.rfind(c, 0, value_start) for c in "，,；;。：:\n") + 1
    return _BY_CLAUSE.match(text, comma, value_start) is not None


# 对<whom, with conditions>，给予<benefit>: the numbers of such a sentence describe who gets a
# benefit and how much, not a goal (对不裁员或少裁员（裁员率低于5.5%）的参保企业，给予…返还).
_BENEFICIARY = re.compile(
    r"(?:^|(?<=[，,：:；;。\n]))\s*(?:\d+[.、]|[(（][一二三四五六七八九十\d]+[)）])?\s*"
    r"对(?:于)?(?![标接外照于应比])[^。；;]*$"
)
_BENEFIT = re.compile(r"给予|予以|补贴|奖励|补助|奖补|返还|贴息")
# 杰出专家最高200平方米，优秀专家约120平方米: the tiers after a cap are caps too.
_CAP = re.compile(r"(?:最高|最多)\s*\d+(?:\.\d+)?\s*(?P<unit>[^\d\s，,。；;]{1,4})")


def instrument(text: str, clause_start: int, value_start: int) -> bool:
    """The number sets a policy instrument: a rate, a cap, a time limit, a threshold."""
    return (
        _INSTRUMENT.search(text, clause_start, value_start) is not None
        or _RATE_OR_SETTING.search(text, clause_start, value_start) is not None
    )


_FLOORS = ("不低于", "不少于")
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")


class Grants:
    """Whether a benefit word (_BENEFIT) opens between a number and its sentence's end.

    The numbers of one sentence ask with the same end from further on: the first word found
    answers those before it (searching to the end for each number was ~0.5 % of a run, the
    sentences of tables and lists being long).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.searched: dict[int, tuple[int, int]] = {}  # end -> (from, first opening or -1)

    def after(self, pos: int, end: int) -> bool:
        """A benefit word opens (and ends) in text[pos:end]."""
        known = self.searched.get(end)
        if known is not None and known[0] <= pos and (known[1] < 0 or known[1] >= pos):
            return known[1] >= 0
        found = _BENEFIT.search(self.text, pos, end)
        self.searched[end] = (pos, found.start() if found is not None else -1)
        return found is not None


def benefit(grants: Grants, sentence: tuple[int, int], clause_start: int, m: re.Match[str]) -> bool:
    """The number describes a benefit's beneficiaries or amount, or is a tier after a cap."""
    text = grants.text
    start, end = sentence
    granted = grants.after(m.end(), end)
    if granted and _BENEFICIARY.search(text, start, m.start()):
        return True
    threshold = m.group("post") in ("以上", "及以上") or text.endswith(_FLOORS, 0, m.start("value"))
    if granted and threshold and not _CLAUSE_BREAK.search(text, start, m.start()):
        # 吸纳脱贫劳动力10人以上，将其认定为…，给予…奖励; 新上项目（不含采矿、选矿…）固定资产投资
        # 5000万元以上、投资强度亩均投资不低于100万元，…给企业奖励: thresholds of the first clause
        return True
    cap = text.rfind("最", start, clause_start)
    if cap < 0:
        return False
    found = _CAP.search(text, cap, clause_start)
    return found is not None and m.group("unit").startswith(found.group("unit")[:1])


def is_regulation(title: str) -> bool:
    """A 管理办法, 实施细则, 条例 … (not an assessment scheme, whose indicators are goals)."""
    return bool(_REGULATION.search(title.strip())) and not _ASSESSMENT.search(title)


def no_goal(ctx: Context, m: re.Match[str], clause_start: int, sentence_start: int) -> bool:
    """A number that is no goal: part of a name in quotes, round-the-clock hours, an age, a
    period, a condition, a size class, money paid out (benefits, funds, fines)."""
    text, value_start, end = ctx.text, m.start("value"), m.end()
    unit, post = m.group("unit"), m.group("post")
    opened = text.count("“", sentence_start, value_start) - text.count(
        "”", sentence_start, value_start
    )
    if opened > 0:
        return True  # “民营经济32条”, “15分钟生活圈”: part of a name
    if unit == "小时" and m.group("value") == "24":
        return True  # 24小时服务: round the clock
    if unit == "周" and text[end : end + 1] in ("岁", "年"):
        return True  # 70周岁, 10周年: an age, an anniversary
    if unit == "个" and text[end : end + 1] == "月":
        return True  # 3个月: a period or a deadline, not a quantity to reach
    if _CONDITION.match(text, clause_start):
        return True
    if text.find("门槛", sentence_start, value_start) >= 0:
        return True  # 对应门槛如下：住宿和餐饮业年度营业额200万元以上: thresholds, not goals
    if post in ("以下", "及以下") and _CLASS_NOUN.match(text, end):
        return True  # 10万千瓦及以下燃煤机组: a size class, not a goal
    if (
        post in ("以上", "及以上")
        and unit.endswith(_MEASURES)
        and _SIZE_CLASS_AFTER.match(text, end)
    ):
        return True  # 投资500万元以上技改项目超过1万个: a size class of what is counted
    if post in ("以上", "及以上") and unit.endswith("元") and _CLASS_NOUN_AFTER.match(text, end):
        return True  # 固定资产投资3亿元以上重大项目, 年销售额5000万元以上大品种: which ones qualify
    if text.startswith(("范围内", "半径内", "以内范围"), end):
        return True  # 供热半径15公里范围内的燃煤锅炉: where a rule applies, not what to reach
    if unit in _AREA_UNITS and _SIZE_BEFORE.fullmatch(text, clause_start, value_start):
        return True  # 面积约30平方公里: how large a place is, not an area to reach
    if unit == "分钟" and "圈" in text[end : end + 8]:
        return True  # 15分钟就业创业服务圈: how near a service is, the name of a network
    if unit.endswith("元"):
        if text.startswith(("标准", "的标准"), end):
            return True  # 按人口不低于5元标准下拨: the rate of a payment
        return bool(_PAYMENT.search(text, max(sentence_start, value_start - 40), value_start))
    return False


# A limit a text sets for others is a norm, not a goal it sets itself: 首次缴纳比例不得低于50%,
# 预售价格原则上不得超过10%, 项目参与单位一般不超过2个, 每处建筑面积原则上不少于1000平方米.
_NORM_BEFORE = re.compile(r"(?:不得|原则上|一般)\s*(?:不得|在)?\s*$")
# 工程投资额在100万元以下（含）的, 营业面积在100平方米以上: who qualifies, not what is to be reached
# (控制在, 保持在, 稳定在 are goals' own verbs and read as comparators before this is asked).
_THRESHOLD_AT = re.compile(r"(?<!控制|保持|稳定|维持)在\s*$")
_THRESHOLD_AFTER = re.compile(r"\s*(?:[(（]含[)）])?\s*(?:及以上|以上|及以下|以下|以内)")
_GOAL_VERB = re.compile(r"确保|力争|争取|保持|稳定|控制")


def norm_set(text: str, clause_start: int, comparator_start: int, m: re.Match[str]) -> bool:
    """The number is a limit set for others (不得/原则上/一般 before its comparator) or a
    threshold of eligibility (X在100万元以下)."""
    if _NORM_BEFORE.search(text, max(clause_start, comparator_start - 6), comparator_start):
        return True
    value_start = m.start("value")
    if _THRESHOLD_AT.search(text, max(clause_start, value_start - 4), value_start) is None:
        return False
    threshold = m.group("post") or _THRESHOLD_AFTER.match(text, m.end())
    return bool(threshold) and _GOAL_VERB.search(text, clause_start, value_start) is None
