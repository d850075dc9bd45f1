// Each stub's incoming citations moved to the loaded document it names (graph/reconcile.py).
UNWIND $pairs AS pair
MATCH (a:Document)-[c:CITES]->(s:Document {id: pair.stub})
MATCH (d:Document {id: pair.real})
MERGE (a)-[n:CITES {doc: c.doc, relation: c.relation}]->(d)
SET n.evidence = c.evidence, n.evidence_start = c.evidence_start, n.evidence_end = c.evidence_end
DELETE c
