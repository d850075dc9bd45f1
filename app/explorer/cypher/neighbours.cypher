// description: A node and its direct neighbours, whatever their labels: what the explorer adds when a node is expanded.
// param: id str the node's id (e.g. doc:皖办发〔2024〕11号)
// param: limit int = 200 at most this many neighbours
MATCH (n)
WHERE n.id = $id
MATCH (n)-[r]-(m)
RETURN n, r, m
LIMIT $limit
