#ifndef ENTENTE_GRAPH_INTERNAL_ENTITY_NAMES_H_
#define ENTENTE_GRAPH_INTERNAL_ENTITY_NAMES_H_

// What entity search shares between the aliases column family and the
// entities known without being stored (StoreOptions::known_entities): how
// close a name is to a query, and an in-memory copy of the alias index.
//
// Thread-safety: KnownEntityIndex is immutable after construction; its const
// methods may be called from several threads at once.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"

namespace entente::graph::internal {

// The optimal string alignment distance between `a` and `b` (insertions,
// deletions, substitutions and swaps of two neighbours each cost 1), or
// `limit + 1` when it is larger than `limit`.
int NameDistance(absl::string_view a, absl::string_view b, int limit);

// The largest NameDistance a suggestion for a query of `length` bytes may
// have: 1 up to 4 bytes, 2 up to 8, else 3.
int SuggestionLimit(size_t length);

// The entities of StoreOptions::known_entities by id, and their search keys
// (EntitySearchKeys, keys.h) in byte order, as the aliases column family
// holds them.
class KnownEntityIndex {
 public:
  explicit KnownEntityIndex(std::shared_ptr<const std::vector<Entity>> entities);

  // The entity with this id; nullptr when none.
  const Entity* Find(absl::string_view id) const;

  // Each (alias_norm, entity id) pair, sorted by alias_norm then id.
  using Key = std::pair<std::string, const Entity*>;
  const std::vector<Key>& keys() const { return keys_; }
  // The first key whose alias_norm is not less than `prefix`.
  std::vector<Key>::const_iterator LowerBound(absl::string_view prefix) const;

 private:
  std::shared_ptr<const std::vector<Entity>> entities_;
  absl::flat_hash_map<absl::string_view, const Entity*> by_id_;
  std::vector<Key> keys_;
};

}  // namespace entente::graph::internal

#endif  // ENTENTE_GRAPH_INTERNAL_ENTITY_NAMES_H_
