// description: Loaded documents with a 文号: which file and title hold it, for the id a newly loaded document takes (app/document_ids.py).
MATCH (d:Document)
WHERE d.stub = false AND d.doc_number IS NOT NULL
RETURN d.id AS id, d.doc_number AS doc_number, d.title_key AS title_key, d.source AS source
ORDER BY id
