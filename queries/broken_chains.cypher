// description: Broken chains: documents that rest on (根据/落实/参照) a document that is 失效, 废止 or a 征求意见稿, or that a later document repeals or amends, with the chain and dates; then documents known only from citations, most cited first (documents to fetch next).
// The first part has problem = 'broken' (one row per citing document and chain); the second
// problem = 'not loaded' (one row per stub, with how many documents cite it and a few of them).
// Start from the few documents that can break a chain, through the indexes on
// Document.status and CITES.relation, not from every document.
CALL {
  MATCH (a:Document)
  WHERE a.status IN ['失效', '已失效', '废止', '已废止', '征求意见稿']
  RETURN a
  UNION
  MATCH ()-[r:CITES]->(a)
  WHERE r.relation IN ['repeals', 'amends']
  RETURN a
}
WITH a
OPTIONAL MATCH (later:Document)-[r:CITES]->(a)
WHERE r.relation IN ['repeals', 'amends']
WITH a,
     collect(DISTINCT later) AS laters,
     collect(DISTINCT r.relation + ': ' + coalesce(later.doc_number, later.title) + ' ' + coalesce(later.date, '')) AS superseded
MATCH p = (x:Document)-[:CITES*1..6]->(a)
WHERE all(c IN relationships(p) WHERE c.relation IN ['basis', 'implements', 'applies'])
  AND NOT x IN laters
RETURN 'broken' AS problem,
       x.title AS document,
       x.doc_number AS doc_number,
       x.date AS date,
       length(p) AS depth,
       [n IN nodes(p) | coalesce(n.doc_number, n.title)] AS chain,
       [c IN relationships(p) | c.relation] AS relations,
       a.title AS cited,
       a.doc_number AS cited_doc_number,
       a.status AS cited_status,
       a.date AS cited_date,
       superseded,
       null AS citations,
       null AS cited_by
ORDER BY cited_doc_number, cited, depth, document
LIMIT 500
UNION ALL
MATCH (x:Document)-[:CITES]->(a:Document)
WHERE a.stub = true
WITH a, count(DISTINCT x) AS citations, collect(DISTINCT x.title) AS citing
RETURN 'not loaded' AS problem,
       null AS document,
       null AS doc_number,
       null AS date,
       null AS depth,
       null AS chain,
       null AS relations,
       a.title AS cited,
       a.doc_number AS cited_doc_number,
       a.status AS cited_status,
       a.date AS cited_date,
       null AS superseded,
       citations,
       citing[0..5] AS cited_by
ORDER BY citations DESC, cited_doc_number, cited
LIMIT 500
