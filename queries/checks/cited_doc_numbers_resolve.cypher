// description: Every cited 文号 resolves to a loaded document or to a stub whose issuing organ is known (ISSUED_BY).
MATCH (x:Document)-[c:CITES]->(a:Document)
WHERE a.doc_number IS NOT NULL AND a.stub = true AND NOT (a)-[:ISSUED_BY]->()
WITH a, collect(c)[0] AS c, collect(x.title)[0] AS citing
ORDER BY a.doc_number
RETURN count(a) AS count,
       collect({item: a.doc_number, document: citing, evidence: c.evidence, evidence_document: c.doc, evidence_start: c.evidence_start, evidence_end: c.evidence_end})[0..5] AS examples
