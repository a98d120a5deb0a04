#include "graph/internal/keys.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "graph/internal/coding.h"

namespace entente::graph::internal {

std::vector<std::string> ColumnFamilyNames() {
  return {"default",    kMetadataCf, kEntitiesCf, kAliasesCf,
          kRelationsCf, kEdgesCf,    kByEntityCf, kByPairCf};
}

std::string RelationKey(uint64_t relation_id) {
  std::string key;
  PutFixed64BE(&key, relation_id);
  return key;
}

std::string EntityPrefix(absl::string_view entity_id) {
  return absl::StrCat(entity_id, absl::string_view("\0", 1));
}

std::string PairPrefix(absl::string_view a, absl::string_view b) {
  if (b < a) std::swap(a, b);
  absl::string_view zero("\0", 1);
  return absl::StrCat(a, zero, b, zero);
}

std::string TimelineKey(absl::string_view prefix, int32_t first_day,
                        uint64_t relation_id) {
  std::string key(prefix);
  PutFixed32BE(&key, OrderedDay(first_day));
  PutFixed64BE(&key, relation_id);
  return key;
}

bool ParseTimelineTail(absl::string_view key, int32_t* first_day, uint64_t* relation_id) {
  if (key.size() < 12) return false;
  const char* tail = key.data() + key.size() - 12;
  *first_day = DayFromOrdered(DecodeFixed32BE(tail));
  *relation_id = DecodeFixed64BE(tail + 4);
  return true;
}

std::string IndexValue(RelationType type, int32_t end_day) {
  std::string value(1, static_cast<char>(type));
  PutFixed32BE(&value, OrderedDay(end_day));
  return value;
}

bool ParseIndexValue(absl::string_view value, RelationType* type, int32_t* end_day) {
  if (value.size() < 5 || static_cast<uint8_t>(value[0]) >= kRelationTypeCount) {
    return false;
  }
  *type = static_cast<RelationType>(value[0]);
  *end_day = DayFromOrdered(DecodeFixed32BE(value.data() + 1));
  return true;
}

std::string PrefixEnd(absl::string_view prefix) {
  std::string end(prefix);
  for (size_t i = end.size(); i > 0; --i) {
    if (static_cast<unsigned char>(end[i - 1]) != 0xff) {
      ++end[i - 1];
      end.resize(i);
      return end;
    }
  }
  return std::string();  // Unreachable for our prefixes: no upper bound.
}

std::string NormalizeAlias(absl::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    bool separator = absl::ascii_isspace(static_cast<unsigned char>(c)) || c == '-' ||
                     c == '_' || c == '.' || c == '\0';
    if (separator) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string AliasKey(absl::string_view alias_norm, absl::string_view entity_id) {
  return absl::StrCat(alias_norm, absl::string_view("\0", 1), entity_id);
}

std::set<std::string> EntitySearchKeys(const Entity& e) {
  std::set<std::string> keys;
  auto add = [&](absl::string_view text) {
    std::string norm = NormalizeAlias(text);
    if (!norm.empty()) keys.insert(std::move(norm));
  };
  add(e.id);
  if (size_t colon = e.id.find(':'); colon != std::string::npos) {
    add(absl::string_view(e.id).substr(colon + 1));
  }
  add(e.name);
  for (const std::string& alias : e.aliases) add(alias);
  return keys;
}

}  // namespace entente::graph::internal
