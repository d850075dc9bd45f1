// description: Stubs that name a loaded document under another id: by 文号, else by title key (not when the two 文号 disagree).
MATCH (s:Document)
WHERE s.stub = true
OPTIONAL MATCH (byNumber:Document {doc_number: s.doc_number})
WHERE byNumber.stub = false AND byNumber.id <> s.id
OPTIONAL MATCH (byTitle:Document {title_key: s.title_key})
WHERE byTitle.stub = false AND byTitle.id <> s.id
WITH s, coalesce(byNumber, byTitle) AS real
WHERE real IS NOT NULL
  AND (s.doc_number IS NULL OR real.doc_number IS NULL OR real.doc_number = s.doc_number)
RETURN s.id AS stub, min(real.id) AS real
ORDER BY stub
