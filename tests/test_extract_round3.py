"""Issue 10, round 3: assignment forms of documents the rules had not seen (the spent sealed
parts): measures with their own units under one heading, unit lists closing a measure, and
the duties of a rule's articles. Sentences are shaped as printed in those documents."""

from __future__ import annotations

from pathlib import Path

from policykg.loaders import parse
from policykg.loaders.document import Metadata, ParsedDocument
from policykg.loaders.extract import extract

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus" / "docs"


def _doc(text: str, title: str, issuer: str) -> ParsedDocument:
    meta = Metadata(title=title, issuer=issuer)
    return ParsedDocument("mem.txt", "txt", "utf-8", text, meta)


def _duties(document: ParsedDocument) -> set[tuple[str, str, str]]:
    extraction = extract(document)
    names = {n.id: n.properties.get("name") for n in extraction.nodes}
    return {
        (str(names[r.start]), r.type, str(names[r.end]))
        for r in extraction.relationships
        if r.type in ("LED_BY", "SUPPORTED_BY")
    }


SHANGHAI = ("上海市某某若干意见", "上海市人民政府办公厅")


def test_each_paragraph_with_its_own_units_is_a_task_of_its_own() -> None:
    """Before: both measures were filed under （一）, so 市科委 led it once, not each measure."""
    text = (
        "一、提升科技服务供给质量\n（一）推动科技创新资源开放\n"
        "优化运营管理和开放共享考核制度，加大重大科技基础设施向社会开放力度。"
        "（责任单位：市科委、市发展改革委）\n"
        "加强校企合作，创建联合创新中心等平台，推动高校院所实验室向合作企业开放。"
        "（责任单位：市教委、市科委）\n"
    )
    assert _duties(_doc(text, *SHANGHAI)) == {
        ("优化运营管理和开放共享考核制度，加大重大科技基础设施向社会开放力度", "LED_BY", "上海市科学技术委员会"),
        ("优化运营管理和开放共享考核制度，加大重大科技基础设施向社会开放力度", "LED_BY",
         "上海市发展改革委"),
        ("加强校企合作，创建联合创新中心等平台，推动高校院所实验室向合作企业开放", "LED_BY",
         "上海市教育委员会"),
        ("加强校企合作，创建联合创新中心等平台，推动高校院所实验室向合作企业开放", "LED_BY",
         "上海市科学技术委员会"),
    }  # fmt: skip


def test_label_lines_under_an_item_stay_with_the_item() -> None:
    """牵头部门： / 参与部门： on lines of their own belong to the numbered item above them."""
    text = (
        "（一）规范中介服务\n3．严格执行《通用目录》。凡未纳入目录的事项一律不得作为审批条件。\n"
        "牵头部门：省政府办公厅\n参与部门：省级有关部门，各市、县、区政府\n完成时限：持续推进\n"
    )
    duties = _duties(_doc(text, "陕西省某某专项行动方案", "陕西省人民政府办公厅"))
    assert duties == {
        ("3 严格执行《通用目录》", "LED_BY", "陕西省人民政府办公厅"),
        ("3 严格执行《通用目录》", "SUPPORTED_BY", "各市、县、区政府"),
    }


def test_a_bracket_of_units_closing_a_measure_names_its_leads() -> None:
    """（市经济信息化委、市科委、相关区） after the measure's last sentence, with no label;
    相关区 names no one in particular."""
    text = (
        "八、培育产业创新生态\n"
        "16. 打造产业集聚区。构建“3+1”食品科技产业空间布局。在浦东新区建设合成生物食品开发先行区。"
        "（市经济信息化委、市科委、相关区）\n"
        "20. 提高公众接受度。搭建全媒体食品科技传播矩阵，创制多样态科普作品。（市委网信办、市科协）\n"
    )
    assert _duties(_doc(text, "上海市某某行动方案", "上海市科学技术委员会")) == {
        ("16 打造产业集聚区", "LED_BY", "上海市经济信息化委"),
        ("16 打造产业集聚区", "LED_BY", "上海市科学技术委员会"),
        ("20 提高公众接受度", "LED_BY", "上海市委网信办"),
        ("20 提高公众接受度", "LED_BY", "上海市科协"),
    }


def test_a_closing_bracket_of_places_or_examples_assigns_nothing() -> None:
    text = (
        "1. 建设先行区。在重点区域建设先行区。（浦东新区、闵行区）\n"
        "2. 推广示范项目。形成一批可复制的经验。（如智能工厂、数字车间）\n"
    )
    assert _duties(_doc(text, "上海市某某行动方案", "上海市科学技术委员会")) == set()


GUANGZHOU = ("广州市居家社区养老服务管理办法", "广州市人民政府办公厅")


def test_each_duty_of_an_article_is_a_task_of_its_unit() -> None:
    """A rule's article: 市X部门负责A；B；C。 gives three tasks of 市X部门; 会同 in a clause
    names its supporting unit (发展改革部门, not 发展改革部); 市（区）公安机关 is the city's
    and the districts'; a clause of obligations (应当…) ends the duties."""
    text = (
        "第一章 总则\n"
        "第五条 市人力资源社会保障部门负责积分制入户工作的统筹协调和具体实施；"
        "会同市发展改革部门制定积分急需工种目录；组织开发积分制入户信息系统。\n"
        "市（区）公安机关负责核查刑事处罚、治安处罚记录；办理入户手续。\n"
        "第七条 镇人民政府、街道办事处负责本辖区居家社区养老服务的组织实施等工作；"
        "应当根据辖区内户籍老年人数量安排相应人员。\n"
    )
    duties = _duties(_doc(text, *GUANGZHOU))
    assert duties == {
        ("积分制入户工作的统筹协调和具体实施", "LED_BY", "广州市人力资源社会保障部门"),
        ("会同市发展改革部门制定积分急需工种目录", "LED_BY", "广州市人力资源社会保障部门"),
        ("会同市发展改革部门制定积分急需工种目录", "SUPPORTED_BY", "广州市发展改革部门"),
        ("组织开发积分制入户信息系统", "LED_BY", "广州市人力资源社会保障部门"),
        ("核查刑事处罚、治安处罚记录", "LED_BY", "广州市公安机关"),
        ("核查刑事处罚、治安处罚记录", "LED_BY", "区公安机关"),
        ("办理入户手续", "LED_BY", "广州市公安机关"),
        ("办理入户手续", "LED_BY", "区公安机关"),
        ("本辖区居家社区养老服务的组织实施等工作", "LED_BY", "镇人民政府"),
        ("本辖区居家社区养老服务的组织实施等工作", "LED_BY", "街道办事处"),
    }


def test_units_sharing_a_level_or_an_organ_word_are_each_named() -> None:
    """市、区财政部门 is the city's and the districts' 财政部门; 市人力资源和社会保障、民政部门
    two city departments; 市民政部门是…主管部门，负责… names the subject once."""
    text = (
        "第一章 总则\n"
        "第五条 市民政部门是本市居家社区养老服务工作的主管部门，负责居家社区养老服务的统筹、指导等工作。\n"
        "第六条 市、区财政部门负责居家社区养老服务财政资金保障工作。\n"
        "市人力资源和社会保障、民政部门负责建立养老服务从业人员的职业技能评价体系。\n"
        "第九条 市、区民政部门应当会同同级规划和自然资源、住房城乡建设等部门，合理布局社区养老服务设施。\n"
        "第十二条 区级社区养老服务设施应当由区、镇人民政府和街道办事处负责建设。\n"
    )
    duties = _duties(_doc(text, *GUANGZHOU))
    units = {(task[:6], role, unit) for task, role, unit in duties}
    assert units == {
        ("居家社区养老", "LED_BY", "广州市民政部门"),
        ("居家社区养老", "LED_BY", "广州市财政部门"),
        ("居家社区养老", "LED_BY", "区财政部门"),
        ("建立养老服务", "LED_BY", "广州市人力资源和社会保障部门"),
        ("建立养老服务", "LED_BY", "广州市民政部门"),
        # A rule's 应当 sentence of named organs is their task (ANNOTATION.md, round 5).
        ("市、区民政部", "LED_BY", "广州市民政部门"),
        ("市、区民政部", "LED_BY", "区民政部门"),
        ("第十二条 区", "LED_BY", "区人民政府"),
        ("第十二条 区", "LED_BY", "镇人民政府"),
        ("第十二条 区", "LED_BY", "街道办事处"),
    }


def test_a_shanghai_markdown_export_gives_each_measure_its_units() -> None:
    """The spent sealed part's d05 (Markdown, bold headings): 0 of 120 assignments before."""
    tasks: dict[str, set[str]] = {}
    for document in parse(CORPUS / "d05.md").documents():
        for task, role, unit in _duties(document):
            if role == "LED_BY":
                tasks.setdefault(task, set()).add(unit)
    assert tasks["加强校企合作，创建联合创新中心等平台，推动高校院所图书馆、实验室、科技情报、教学资源等向合作企业开放"] == {
        "上海市教育委员会", "上海市经济信息化委", "上海市科学技术委员会",
    }  # fmt: skip
    assert len(tasks) >= 35


def test_an_organ_named_with_its_short_name_is_that_organ() -> None:
    """上海市科学技术委员会（以下简称市科委）负责…: the unit is the committee, not a name with
    its bracket (the spent sealed part's c13)."""
    text = (
        "第一章 总则\n第三条 上海市科学技术委员会（以下简称市科委）负责专家库的总体部署和统筹协调，"
        "研究制定相关政策和管理制度。\n"
    )
    duties = _duties(_doc(text, "上海市科技专家库管理办法", "上海市科学技术委员会"))
    assert {unit for _, _, unit in duties} == {"上海市科学技术委员会"}


def test_a_collective_after_a_vague_unit_and_a_noun_协同_are_read_apart() -> None:
    """（责任单位：市科委、各相关单位、各区政府）: 各区政府 is a collective of its own, 各相关单位
    no one; 优化部门协同、市区联动工作模式 is a noun phrase, not 优化部门 supporting (d05)."""
    text = (
        "（十九）加强统筹推进\n加强统筹推进，由市科委牵头，优化部门协同、市区联动工作模式，形成合力。"
        "（责任单位：市科委、各相关单位、各区政府）\n"
    )
    assert _duties(_doc(text, *SHANGHAI)) == {
        ("（十九） 加强统筹推进", "LED_BY", "上海市科学技术委员会"),
        ("（十九） 加强统筹推进", "LED_BY", "各区政府"),
    }
