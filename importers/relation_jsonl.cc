#include "importers/relation_jsonl.h"

namespace entente::importers {

std::string RelationToJsonLine(const graph::Relation&) { return "{}"; }
absl::StatusOr<graph::Relation> RelationFromJsonLine(absl::string_view) {
  return absl::UnimplementedError("RelationFromJsonLine");
}
void AppendJsonString(absl::string_view text, std::string* out) {
  out->append(text.data(), text.size());
}

}  // namespace entente::importers
