// description: Every unit belongs to a region or park, except collective assignees and central organs (a name that starts with 国务院, 国家, 中共中央, 中央, 全国 or 中华人民共和国, or ends with 部, 总局 or 总署 and names no 省, 市, 县 or 区).
// The regions counted per unit (OPTIONAL MATCH): a NOT (u)-[:BELONGS_TO]->() test per unit
// is twice as slow in FalkorDB.
MATCH (u:Unit)
OPTIONAL MATCH (u)-[b:BELONGS_TO]->()
WITH u, count(b) AS places
WHERE places = 0
  AND coalesce(u.kind, '') <> 'collective'
  AND NOT any(p IN ['国务院', '国家', '中共中央', '中央', '全国', '中华人民共和国'] WHERE u.name STARTS WITH p)
  AND NOT (any(s IN ['部', '总局', '总署'] WHERE u.name ENDS WITH s)
           AND NOT any(w IN ['省', '市', '县', '区'] WHERE u.name CONTAINS w))
OPTIONAL MATCH (u)<-[r:LED_BY|SUPPORTED_BY|ISSUED_BY]-()
WITH u, collect(r)[0] AS r
ORDER BY u.name, u.id
RETURN count(u) AS count,
       collect({item: coalesce(u.full_name, u.name), document: r.doc, evidence: r.evidence, evidence_document: r.doc, evidence_start: r.evidence_start, evidence_end: r.evidence_end})[0..5] AS examples
