"""A policy database's export header (政策文号 / 实施日期 / 牵头单位 / 失效日期 / 文件状态 / 链接,
then 正文): before, its 牵头单位 line ended the header and the document had no title (i13)."""

from __future__ import annotations

from pathlib import Path

from policykg.loaders import parse

EXPORT = (
    "政策文号：穗埔组通〔2024〕6号\n"
    "实施日期： 2024-02-08\n"
    "牵头单位：组织部\n"
    "失效日期：2025-06-27\n"
    "文件状态： 已失效\n"
    "链接：https://zcdx.gdd.gov.cn/wedPc/policyDetail?param=1138\n"
    "正文\n"
    "穗埔组通〔2024〕6号\n\n"
    "广州开发区（黄埔区）促进人才高质量发展的政策措施\n"
    "为深入贯彻落实人才工作部署，制定本措施。\n"
    "一、遴选突出贡献企业家\n"
    "牵头单位：区工业和信息化局\n"
    "每年遴选突出贡献企业家，给予奖励。\n"
)


def test_the_export_header_gives_title_number_and_status(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text(EXPORT, encoding="utf-8")
    doc = parse(path)
    assert doc.metadata.title == "广州开发区（黄埔区）促进人才高质量发展的政策措施"
    assert doc.metadata.doc_number == "穗埔组通〔2024〕6号"
    assert doc.metadata.status == "已失效"
    # 牵头单位 in the body is a task's assignment, not a header field: it stays in the text.
    assert "牵头单位：区工业和信息化局" in doc.text
    assert "牵头单位：组织部" not in doc.text


LIBRARY_PAGE = (
    "北京市人民政府关于印发《北京市加快建设人工智能创新策源地实施方案》的通知\n"
    "[文件来源] 政府公报 2023年 第28期\n"
    "[主题分类] 科技教育/科技\n"
    "[发文机构] 北京市人民政府\n"
    "[联合发文单位]\n"
    "[成文日期] 2023-05-21\n"
    "[发文字号] \u200b京政发〔2023〕14号\n"
    "[废止日期]\n"
    "京政发〔2023〕14号\n"
    "各区人民政府，市政府各委、办、局：\n"
    "现将《北京市加快建设人工智能创新策源地实施方案》印发给你们，请认真贯彻落实。\n"
)


def test_a_policy_librarys_bracketed_fields_are_header_fields(tmp_path: Path) -> None:
    """Before: [发文字号] 京政发〔2023〕14号 stayed in the text, the document had no 文号, and its
    own number printed under the title was read as a citation (k03, k04, k05, k12, k13)."""
    path = tmp_path / "page.txt"
    path.write_text(LIBRARY_PAGE, encoding="utf-8")
    doc = parse(path)
    assert doc.metadata.doc_number == "京政发〔2023〕14号"
    assert doc.metadata.issuer == "北京市人民政府"
    assert "[发文字号]" not in doc.text and "[文件来源]" not in doc.text
