// Loaded documents, to match stubs against by 文号 or title (graph/reconcile.py).
MATCH (d:Document) WHERE d.stub = false
RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number
