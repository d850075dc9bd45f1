"""Issue 10, round 9: what the spent part sealed_6 showed. Shares of a benefit listed after
参照/按 (…的70%、80%和90%给予企业奖励, 按50%比例分配), the articles a rule points to (按第2、3条执行),
eligibility thresholds of the first clause (固定资产投资5000万元以上、亩均投资不低于100万元，…给企业
奖励) and amounts that size the projects or products that qualify (3亿元以上重大项目) are no goals;
以《A》和《B》为依据 is a basis citation; sectors listed at one level before their shared
departments (市发展改革、财政…等相关部门应当…) are each a unit."""

from __future__ import annotations

from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract
from policykg.loaders.extract.citations import find_citations
from tests.target_rows import target_metrics

PLAN = "柳河县关于支持重点产业加快发展的实施意见"


def _metrics(text: str) -> set[str]:
    return target_metrics(text, PLAN, "柳河县人民政府", "2017-05-01")


def test_listed_shares_of_a_benefit_are_no_goals() -> None:
    """Before: 分别参照其地方财政贡献的 = 70%, … = 80% and 给予企业奖励 = 90% (h05)."""
    text = (
        "第5条 对新引进的总部经济项目，年度地方财政贡献1000万元及以上至2000万元、2000万元以上的，"
        "分别参照其地方财政贡献的70%、80%和90%给予企业奖励，奖励额度不设上限。\n"
        "企业自兼并重组完成后的3年内，参照其年度新增地方财政贡献的70%给予企业奖励。\n"
        "项目建成运营后，由乡镇(街道)与经济开发区根据项目年度地方财政贡献按50%比例进行分配。\n"
        "项目固定资产投资奖励按第2、3条执行。\n"
    )
    assert _metrics(text) == set()


def test_thresholds_and_classes_of_what_qualifies_are_no_goals() -> None:
    """Before: 固定资产投资 >= 5000万元, 投资强度亩均投资 >= 100万元, …重大项目 >= 3亿元 and
    …大品种 >= 5000万元 were targets (h07)."""
    text = (
        "1.重点产业新上项目（不含采矿、选矿和矿产初级加工等矿产资源型项目）固定资产投资5000万元以上、"
        "投资强度亩均投资不低于100万元，在项目建设期，按项目固定资产实际投资额度给企业5%-20%奖励支持。\n"
        "2.重点产业新上项目固定资产投资3亿元以上重大项目，在享受第1款投资支持基础上，实行一事一议。\n"
        "3.医药企业引进年销售额5000万元以上大品种，给予一次性奖励。\n"
    )
    assert _metrics(text) == set()


def test_goals_beside_them_stay() -> None:
    """A goal with 以上 and no benefit in its sentence, and a share that is to be reached."""
    text = (
        "到2020年，全县规模以上工业企业主营业务收入达到300亿元以上。\n"
        "到2020年，旅游收入占地区生产总值的比重达到10%以上。\n"
    )
    assert len(_metrics(text)) == 2


def test_a_list_then_for_basis_is_a_basis_citation() -> None:
    text = (
        "深入贯彻落实《面向21世纪教育振兴行动计划》，以《教师法》和《职业教育法》为依据，加强建设。"
        "要认真贯彻落实《教师法》及其配套法规。"
    )
    relations = [(c.title, c.relation) for c in find_citations(text)]
    assert relations[:3] == [
        ("面向21世纪教育振兴行动计划", "implements"),
        ("教师法", "basis"),
        ("职业教育法", "basis"),
    ]


def test_sectors_listed_at_one_level_before_their_shared_departments_each_lead() -> None:
    """Before: no unit at all for 市发展改革、财政…等相关部门（单位）应当… (h04 missed 8); a list
    without a level (教育、卫生健康等部门要…) still names no organ in particular."""
    text = (
        "第四条 市发展改革、财政、国土资源、统计等相关部门（单位）应当按照各自职责负责绿色建筑的有关管理工作。\n"
        "第五条 教育、卫生健康等部门应当加强指导。\n"
    )
    meta = Metadata(title="新余市绿色建筑管理办法", issuer="新余市人民政府")
    extraction = extract(ParsedDocument("mem.txt", "txt", "utf-8", text, meta, ()))
    names = {n.id: n.properties.get("name") for n in extraction.nodes}
    assert sorted(str(names[r.end]) for r in extraction.relationships if r.type == "LED_BY") == [
        "新余市发展改革部门",
        "新余市国土资源部门",
        "新余市统计部门",
        "新余市财政部门",
    ]
