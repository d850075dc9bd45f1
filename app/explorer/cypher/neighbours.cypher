// description: A node and its direct neighbours, whatever their labels: what the explorer adds when a node is expanded.
// param: id str the node's id (e.g. doc:皖办发〔2024〕11号)
// param: limit int = 200 at most this many neighbours
// One branch per label (every label of the ontology), each found through that label's id
// index: a node matched without a label is found by scanning every node of the graph.
CALL {
  MATCH (n:Document {id: $id})-[r]-(m)
  RETURN n, r, m
  UNION ALL
  MATCH (n:Region {id: $id})-[r]-(m)
  RETURN n, r, m
  UNION ALL
  MATCH (n:Park {id: $id})-[r]-(m)
  RETURN n, r, m
  UNION ALL
  MATCH (n:Unit {id: $id})-[r]-(m)
  RETURN n, r, m
  UNION ALL
  MATCH (n:Industry {id: $id})-[r]-(m)
  RETURN n, r, m
  UNION ALL
  MATCH (n:Task {id: $id})-[r]-(m)
  RETURN n, r, m
  UNION ALL
  MATCH (n:Target {id: $id})-[r]-(m)
  RETURN n, r, m
}
RETURN n, r, m
LIMIT $limit
