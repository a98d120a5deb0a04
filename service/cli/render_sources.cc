// The provenance section of `timeline --sources` and `path --sources`.

#include "absl/strings/str_cat.h"
#include "service/cli/render.h"

namespace entente::service::cli {
namespace {

namespace v1 = ::entente::v1;

constexpr size_t kMaxQuoteBytes = 300;

// Cuts at a UTF-8 character boundary at or before `max_bytes`.
std::string CutQuote(const std::string& quote) {
  if (quote.size() <= kMaxQuoteBytes) return quote;
  size_t end = kMaxQuoteBytes;
  while (end > 0 && (static_cast<unsigned char>(quote[end]) & 0xC0) == 0x80) --end;
  return absl::StrCat(quote.substr(0, end), "...");
}

std::string ReportText(const v1::Provenance& provenance) {
  std::string text = provenance.outlet().empty() ? "(no outlet)" : provenance.outlet();
  if (!provenance.reported().value().empty()) {
    absl::StrAppend(&text, ", ", provenance.reported().value());
  }
  if (provenance.item() > 0) absl::StrAppend(&text, ", item ", provenance.item());
  if (!provenance.document().empty()) {
    absl::StrAppend(&text, provenance.item() > 0 ? " of " : ", ", provenance.document());
  }
  if (!provenance.quote().empty()) {
    absl::StrAppend(&text, ": \"", CutQuote(provenance.quote()), "\"");
  }
  return text;
}

}  // namespace

std::string SourcesText(
    const google::protobuf::RepeatedPtrField<v1::Relation>& relations) {
  std::string out = "Sources:\n";
  for (const v1::Relation& relation : relations) {
    absl::StrAppend(&out, "  ",
                    relation.date().value().empty() ? "-" : relation.date().value(), " ",
                    TypeName(relation.type()), " ", relation.source().name(), " - ",
                    relation.target().name(), "\n");
    for (const v1::Provenance& provenance : relation.provenance()) {
      absl::StrAppend(&out, "    ", ReportText(provenance), "\n");
    }
  }
  return out;
}

}  // namespace entente::service::cli
