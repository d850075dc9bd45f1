// description: Every 文号 belongs to one loaded document.
// Each pair (or more) is listed with the title and source of every file; the document first
// listed holds the 文号 as its id, so citations by 文号 reach it (app/document_ids.py).
MATCH (d:Document)
WHERE d.doc_number IS NOT NULL AND coalesce(d.stub, false) = false
WITH d
ORDER BY d.id
WITH d.doc_number AS doc_number,
     collect(d.title) AS titles,
     collect(coalesce(d.title, d.id) + ' — ' + coalesce(d.source, '(no source)')) AS loaded
WHERE size(titles) > 1
WITH doc_number, titles, loaded
ORDER BY doc_number
RETURN count(doc_number) AS count,
       collect({item: doc_number, document: titles[0], evidence: loaded})[0..5] AS examples
