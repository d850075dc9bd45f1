// description: One node by its id, whatever its label.
// param: id str the node's id
// One branch per label, each through that label's id index (see neighbours).
CALL {
  MATCH (n:Document {id: $id})
  RETURN n
  UNION ALL
  MATCH (n:Region {id: $id})
  RETURN n
  UNION ALL
  MATCH (n:Park {id: $id})
  RETURN n
  UNION ALL
  MATCH (n:Unit {id: $id})
  RETURN n
  UNION ALL
  MATCH (n:Industry {id: $id})
  RETURN n
  UNION ALL
  MATCH (n:Task {id: $id})
  RETURN n
  UNION ALL
  MATCH (n:Target {id: $id})
  RETURN n
}
RETURN n
