#ifndef ENTENTE_IMPORTERS_RELATION_JSONL_H_
#define ENTENTE_IMPORTERS_RELATION_JSONL_H_

// The relation JSON line of ../shared/spec/relations.md:
//
//   {"type":"trade_target",
//    "source":{"id":"country:KAZ","name":"Kazakhstan","kind":"country"},
//    "target":{...}, "date":"2026-02-04", "reported":"2026-02-05",
//    "attributes":{"amount":1000000000,"currency":"USD"}, "confidence":0.9,
//    "provenance":[{"item":7,"outlet":"...","headline":"...","reported":"...",
//                   "quote":"...","start":7074,"end":7154,"document":"...",
//                   "extractor":"entente-extract/1"}]}
//
// Integer attributes are JSON integers, reals are JSON numbers with a
// fraction, strings and string lists as such. Gold-file extras ("required",
// "match") are ignored when reading.
//
// Thread-safety: pure functions.

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "graph/model.h"

namespace simdjson::dom {
class parser;
}  // namespace simdjson::dom

namespace entente::importers {

// One line, no trailing newline. RelationFromJsonLine(RelationToJsonLine(r))
// == r for every relation with a known type.
std::string RelationToJsonLine(const graph::Relation& relation);

// InvalidArgument with the field at fault for anything that is not such a
// line (bad JSON, unknown type, bad date, endpoint without id).
absl::StatusOr<graph::Relation> RelationFromJsonLine(absl::string_view line);

// Parses relation lines one after another, reusing its parser and the
// storage of the relation it fills: much cheaper per line than
// RelationFromJsonLine, which sets up a parser each time.
//
// Thread-safety: not thread-safe; use one per thread.
class RelationLineParser {
 public:
  RelationLineParser();
  ~RelationLineParser();
  RelationLineParser(const RelationLineParser&) = delete;
  RelationLineParser& operator=(const RelationLineParser&) = delete;

  // Overwrites every field of *relation with the line's relation (its
  // strings keep their storage); the errors of RelationFromJsonLine. On
  // error *relation holds a mix of old and new fields.
  absl::Status Parse(absl::string_view line, graph::Relation* relation);

 private:
  std::unique_ptr<simdjson::dom::parser> parser_;
};

}  // namespace entente::importers

#endif  // ENTENTE_IMPORTERS_RELATION_JSONL_H_
