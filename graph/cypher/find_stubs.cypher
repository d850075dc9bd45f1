// Citation stubs: documents known only because a loaded one cites them (graph/reconcile.py).
MATCH (s:Document) WHERE s.stub = true
RETURN s.id AS id, s.title AS title, s.doc_number AS doc_number
