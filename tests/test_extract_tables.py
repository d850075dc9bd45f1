"""Issue 10, item 4: task-division tables (序号 | 任务 | 牵头单位 | 配合单位) in Word and web pages."""

from __future__ import annotations

from pathlib import Path

import docx

from policykg.loaders import parse
from policykg.loaders.extract import extract

ROWS = [
    ("序号", "重点任务", "牵头单位", "配合单位", "完成时限"),
    (
        "1",
        "加快推进5G网络建设",
        "省通信管理局、省发展改革委",
        "省财政厅，省工业和信息化厅",
        "2025年底",
    ),
    ("2", "推动数字乡村发展", "省农业农村厅", "各市人民政府", "持续推进"),
]
EXPECTED = {
    ("1 加快推进5G网络建设", "LED_BY", "河南省通信管理局"),
    ("1 加快推进5G网络建设", "LED_BY", "河南省发展改革委"),
    ("1 加快推进5G网络建设", "SUPPORTED_BY", "河南省财政厅"),
    ("1 加快推进5G网络建设", "SUPPORTED_BY", "河南省工业和信息化厅"),
    ("2 推动数字乡村发展", "LED_BY", "河南省农业农村厅"),
    ("2 推动数字乡村发展", "SUPPORTED_BY", "各市人民政府"),
}
INTRO = "河南省人民政府办公厅关于印发数字经济重点任务分工方案的通知"


def _duties(path: Path) -> set[tuple[str, str, str]]:
    out = set()
    for document in parse(path).documents():
        extraction = extract(document)
        names = {n.id: n.properties.get("name") for n in extraction.nodes}
        out |= {
            (str(names[r.start]), r.type, str(names[r.end]))
            for r in extraction.relationships
            if r.type in ("LED_BY", "SUPPORTED_BY")
        }
    return out


def test_a_word_task_division_table_gives_one_task_per_row(tmp_path: Path) -> None:
    """Before: table rows gave no assignment at all (each row folded into its heading)."""
    document = docx.Document()
    document.add_paragraph(INTRO)
    document.add_paragraph(
        "各市人民政府，省人民政府各部门：现将任务分工方案印发给你们，请认真贯彻落实。"
    )
    table = document.add_table(rows=len(ROWS), cols=len(ROWS[0]))
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "division.docx"
    document.save(str(path))
    assert _duties(path) == EXPECTED


def test_a_web_page_task_division_table_keeps_its_columns(tmp_path: Path) -> None:
    """Before: the web-page reader printed one cell per line, so no row had its units."""
    cells = "".join(
        "<tr>" + "".join(f"<td>{value}</td>" for value in row) + "</tr>" for row in ROWS
    )
    page = (
        f"<html><head><title>{INTRO}</title></head><body><div class='article'><h1>{INTRO}</h1>"
        "<p>各市人民政府，省人民政府各部门：现将任务分工方案印发给你们，请结合实际认真贯彻落实，"
        "确保各项任务按期完成并取得实效。</p>"
        f"<table>{cells}</table><p>各单位要加强组织领导，明确责任分工，细化工作措施，确保落实。</p>"
        "</div></body></html>"
    )
    path = tmp_path / "division.html"
    path.write_text(page, encoding="utf-8")
    assert _duties(path) == EXPECTED


def _text_table_duties(tmp_path: Path, lines: list[str]) -> set[tuple[str, str, str]]:
    """Duties read from a text file of those lines, tasks without their number."""
    path = tmp_path / "table.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return {(task.split(" ", 1)[-1], role, unit) for task, role, unit in _duties(path)}


def test_a_table_copied_as_text_with_one_cell_per_line(tmp_path: Path) -> None:
    """A 考核细则 whose Word table became one cell per line: header cells, then per row its
    item, score, criteria and the 负责考核部门 cells (numbers and scores are dropped as page
    furniture by the loaders); a group heading with one row names that row's task."""
    lines = [
        "宁都县2024年度乡镇安全生产工作考核细则",
        "序号", "考核项目", "分值", "考核指标", "负责考核部门",
        "一、", "落实安全生产责任",
        "1", "健全安全生产责任体系", "10",
        "1.乡镇主要负责人年内专题研究安全生产不少于4次，得5分；",
        "2.明确班子成员安全生产职责，得5分。",
        "县应急管理局",
        "2", "开展隐患排查治理", "15",
        "建立隐患排查台账，重大隐患整改率达100%，得15分。",
        "县应急管理局", "县消防救援大队",
        "二、", "加强宣传教育",
        "3", "10", "开展安全生产月活动，组织宣传不少于2次，得10分。",
        "县委宣传部",
    ]  # fmt: skip
    assert _text_table_duties(tmp_path, lines) == {
        ("健全安全生产责任体系", "LED_BY", "宁都县应急管理局"),
        ("开展隐患排查治理", "LED_BY", "宁都县应急管理局"),
        ("开展隐患排查治理", "LED_BY", "宁都县消防救援大队"),
        ("加强宣传教育", "LED_BY", "宁都县委宣传部"),
    }


def test_a_row_under_merged_cells_is_a_task_of_its_own(tmp_path: Path) -> None:
    """A web table whose 序号 and 工作事项 cells span two rows prints the second row without
    them: its cells are the header's last ones (主要内容 | 牵头单位 | 配合单位)."""
    page = (
        f"<html><head><title>{INTRO}</title></head><body><div class='article'><h1>{INTRO}</h1>"
        "<p>各市人民政府，省人民政府各部门：现将任务分工方案印发给你们，请结合实际认真贯彻落实，"
        "确保各项任务按期完成并取得实效。</p><table>"
        "<tr><td>序号</td><td>工作事项</td><td>主要内容</td><td>牵头单位</td><td>配合单位</td></tr>"
        "<tr><td rowspan='2'>1</td><td rowspan='2'>推进数字乡村建设。</td>"
        "<td>建设农村千兆光网，行政村通达率达到100%。</td><td>省通信管理局</td><td>省财政厅</td></tr>"
        "<tr><td>发展农村电子商务，培育县域直播基地。</td><td>省商务厅</td><td>省农业农村厅</td></tr>"
        "</table><p>各单位要加强组织领导，明确责任分工，细化工作措施，确保落实。</p>"
        "</div></body></html>"
    )
    path = tmp_path / "division.html"
    path.write_text(page, encoding="utf-8")
    duties = {(task.split(" ", 1)[-1][:8], role, unit) for task, role, unit in _duties(path)}
    assert duties == {
        ("推进数字乡村建设", "LED_BY", "河南省通信管理局"),
        ("推进数字乡村建设", "SUPPORTED_BY", "河南省财政厅"),
        ("发展农村电子商务", "LED_BY", "河南省商务厅"),
        ("发展农村电子商务", "SUPPORTED_BY", "河南省农业农村厅"),
    }


def test_an_assessment_scheme_lists_each_units_tasks_under_it(tmp_path: Path) -> None:
    """考核细则 of departments, one cell per line: the 考核项目 cell names the unit, then each
    task with its scored criteria (1.…（10分）); no 责任单位 column at all."""
    lines = [
        "宁都县2024年度生态环境保护工作部门考核细则",
        "序号", "考核项目", "各项分值", "考核内容", "评分标准",
        "一、", "部门履职考核项目",
        "1", "县水利局", "30", "加强河道采砂管理",
        "1.开展联合巡查，年内不少于4次（10分）；",
        "2.建立采砂许可台账（10分）。",
        "20", "推进水土流失综合治理",
        "完成年度治理任务，按完成比例得分（20分）。",
        "2", "县林业局", "40", "加强湿地保护修复",
        "1.完成湿地修复面积任务（20分）；",
        "2.对破坏湿地行为进行查处，出现一例未查处扣5分（20分）。",
    ]  # fmt: skip
    assert _text_table_duties(tmp_path, lines) == {
        ("加强河道采砂管理", "LED_BY", "宁都县水利局"),
        ("推进水土流失综合治理", "LED_BY", "宁都县水利局"),
        ("加强湿地保护修复", "LED_BY", "宁都县林业局"),
    }


def test_a_numbered_table_copied_one_cell_per_line_shares_merged_unit_cells(
    tmp_path: Path,
) -> None:
    """A district's 重点任务清单 (real shape): 任务类型 | 序号 | 工作任务 | 推进单位, category
    cells between rows, one unit-list cell per row; a unit cell merged down over rows 2-3 is
    printed once, after row 2, and is theirs too."""
    intro = (
        "为全面落实本市关于实施城市更新行动的决策部署，进一步明确各项重点任务的推进单位和完成时限，"
        "制定本清单，各单位要按照职责分工抓好落实。"
    )
    lines = [
        "上海市静安区人民政府办公室关于转发区建设管理委城市更新行动方案的通知", intro, intro,
        "静安区城市更新行动重点任务清单", "任务类型", "序号", "工作任务", "推进单位",
        "行动一：再造发展新极行动", "1", "推进走马塘片区规划研究",
        "区规划资源局、区建设管理委、区发展改革委、各相关街镇",
        "旧区改造", "2", "全面完成中心城区零星二级旧里以下房屋改造。",
        "区房管局、区旧改总办",
        "旧住房更新改造", "3", "完成既有多层住宅加装电梯700台",
        "行动二：重塑美丽新居行动", "4", "完成公共空间优化项目，推进静安公园改造。", "区绿化市容局",
        intro,
    ]  # fmt: skip
    duties = {(task[:8], role, unit) for task, role, unit in _text_table_duties(tmp_path, lines)}
    assert duties == {
        ("推进走马塘片区规", "LED_BY", "静安区规划资源局"),
        ("推进走马塘片区规", "LED_BY", "静安区建设管理委"),
        ("推进走马塘片区规", "LED_BY", "静安区发展改革委"),
        ("全面完成中心城区", "LED_BY", "静安区房管局"),
        ("全面完成中心城区", "LED_BY", "静安区旧改总办"),
        ("完成既有多层住宅", "LED_BY", "静安区房管局"),
        ("完成既有多层住宅", "LED_BY", "静安区旧改总办"),
        ("完成公共空间优化", "LED_BY", "静安区绿化市容局"),
    }
