// description: Broken chains: documents that rest on (根据/落实/参照) a document that is 失效, 废止 or a 征求意见稿, or that a later document repeals or amends, with the chain and dates; then documents known only from citations, most cited first (documents to fetch next).
// The first part has problem = 'broken' (one row per citing document and chain); the second
// problem = 'not loaded' (one row per stub, with how many documents cite it and a few of them).
// Start from the few documents that can break a chain, through the indexes on
// Document.status and CITES.relation, not from every document.
CALL {
  MATCH ()-[r:CITES]->(a)
  WHERE r.relation IN ['repeals', 'amends']
  RETURN a
  UNION
  MATCH (a:Document)
  WHERE a.status IN ['失效', '已失效', '废止', '已废止', '征求意见稿']
  RETURN a
}
WITH a
// The last step into a first, so that the walk back never leaves through the repealing
// (or a merely mentioning) citation: the rest of the chain is at most five steps before it.
// coalesce() keeps FalkorDB from scanning the CITES.relation index for every a: a's own
// citations are few.
MATCH (y:Document)-[last:CITES]->(a)
WHERE coalesce(last.relation, '') IN ['basis', 'implements', 'applies']
MATCH p = (x:Document)-[:CITES*0..5]->(y)
WHERE all(c IN relationships(p) WHERE c.relation IN ['basis', 'implements', 'applies'])
  AND NOT (x)-[:CITES {relation: 'repeals'}]->(a)
  AND NOT (x)-[:CITES {relation: 'amends'}]->(a)
WITH a, collect({x: x, p: p, last: last}) AS chains
// What superseded a, only for the documents that head a broken chain.
CALL {
  WITH a
  OPTIONAL MATCH (later:Document)-[r:CITES]->(a)
  WHERE coalesce(r.relation, '') IN ['repeals', 'amends']
  WITH r, later
  ORDER BY later.date, later.doc_number, later.title, r.relation
  RETURN collect(DISTINCT r.relation + ': ' + coalesce(later.doc_number, later.title) + ' ' + coalesce(later.date, '')) AS superseded
}
UNWIND chains AS c
WITH a, superseded, c.x AS x, c.p AS p, c.last AS last
RETURN 'broken' AS problem,
       x.title AS document,
       x.doc_number AS doc_number,
       x.date AS date,
       length(p) + 1 AS depth,
       [n IN nodes(p) | coalesce(n.doc_number, n.title)] + coalesce(a.doc_number, a.title) AS chain,
       [c IN relationships(p) | c.relation] + last.relation AS relations,
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
// Citing documents collected as nodes, their titles read for the first five only: collecting
// every citing title was most of the time at 10,000 documents.
WITH a, collect(DISTINCT x) AS citing
WITH a, size(citing) AS citations, [c IN citing[0..5] | c.title] AS citing
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
       citing AS cited_by
ORDER BY citations DESC, cited_doc_number, cited
LIMIT 500
