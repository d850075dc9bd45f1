// description: Every 文号 belongs to one loaded document.
MATCH (d:Document)
WHERE d.doc_number IS NOT NULL AND coalesce(d.stub, false) = false
WITH d.doc_number AS doc_number, collect(d.title) AS titles
WHERE size(titles) > 1
WITH doc_number, titles
ORDER BY doc_number
RETURN count(doc_number) AS count,
       collect({item: doc_number, document: titles[0], evidence: titles})[0..5] AS examples
