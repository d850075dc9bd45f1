// The merged stubs deleted; a 文号 only the stub knew kept on the document (graph/reconcile.py).
UNWIND $pairs AS pair
MATCH (s:Document {id: pair.stub}) WHERE s.stub = true
MATCH (d:Document {id: pair.real})
SET d.doc_number = coalesce(d.doc_number, s.doc_number)
DETACH DELETE s
