"""A text file that holds one CSV record of a data-set export (province,year,title,…,full_text).

Scraped corpora are often saved one document per file with the CSV header kept. Read as
plain text, the header line became the document's title and the body kept its CSV quoting.
Here the record becomes header lines the metadata reader knows (标题:, 发布日期:, 原文链接:)
followed by the body.
"""

from __future__ import annotations

import csv
import io

# Column names of the body and of the fields carried over, as data sets print them.
_BODY = ("full_text", "fulltext", "text", "content", "body", "正文", "全文", "内容")
_FIELDS = {
    "title": "标题", "标题": "标题", "名称": "标题",
    "publish_date": "发布日期", "date": "发布日期", "pub_date": "发布日期", "发布日期": "发布日期",
    "source_url": "原文链接", "url": "原文链接", "link": "原文链接",
    "doc_number": "文号", "文号": "文号", "issuer": "发布单位", "发布机构": "发布单位",
}  # fmt: skip


def csv_record_text(text: str) -> str:
    """The record as header lines and body, or text unchanged when it is no such record."""
    first, _, _ = text.partition("\n")
    names = [name.strip().lower() for name in first.split(",")]
    body_column = next((name for name in names if name in _BODY), None)
    if len(names) < 2 or body_column is None or not any(n in _FIELDS for n in names):
        return text
    try:
        rows = list(csv.DictReader(io.StringIO(text)))
    except csv.Error:
        return text
    if len(rows) != 1:
        return text  # a file of many records is a data set, not a document
    row = {(key or "").strip().lower(): (value or "").strip() for key, value in rows[0].items()}
    header = [f"{_FIELDS[name]}: {row[name]}" for name in names if name in _FIELDS and row[name]]
    return "\n".join(header) + "\n\n" + row[body_column] + "\n"
