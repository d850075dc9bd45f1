// description: The industries two documents promote and the places they apply to or mention: what they share.
// param: a str id of the first document
// param: b str id of the second document
MATCH (d:Document)-[r:PROMOTES|APPLIES_TO|MENTIONS]->(x)
WHERE d.id IN [$a, $b]
RETURN d.id AS doc,
       labels(x)[0] AS kind,
       x.name AS name,
       type(r) AS relation
ORDER BY kind, name
