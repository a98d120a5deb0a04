#include "importers/import_source.h"

#include <fstream>
#include <map>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "importers/digest_reader.h"
#include "importers/internal/import_format.h"
#include "importers/internal/relation_stream.h"
#include "importers/relation_jsonl.h"

namespace entente::importers {
namespace {

// Groups merged relations into one unit per digest item (the item of their
// first provenance entry) and hands them to the sink in item order.
// The relations as extracted (before merging), by identity, with their explanations:
// what --explain reports for the merged relation they became.
struct Unmerged {
  std::vector<std::pair<graph::Relation, std::vector<std::string>>> relations;

  void Add(const ItemExtraction& x) {
    for (const graph::Relation& r : x.relations) {
      auto it = x.explanations.find(graph::RelationIdentity(r));
      relations.emplace_back(
          r, it != x.explanations.end() ? it->second : std::vector<std::string>());
    }
  }

  // The explanations of every extracted relation a merged one stands for: same type
  // and endpoints, dates equal or one a prefix of the other.
  std::vector<std::string> For(const graph::Relation& merged) const {
    std::vector<std::string> out;
    const std::string date = merged.date.ToString();
    for (const auto& [r, lines] : relations) {
      if (r.type != merged.type) continue;
      bool ends = (r.source.id == merged.source.id && r.target.id == merged.target.id) ||
                  (graph::IsSymmetric(r.type) && r.source.id == merged.target.id &&
                   r.target.id == merged.source.id);
      const std::string d = r.date.ToString();
      if (!ends || !(absl::StartsWith(date, d) || absl::StartsWith(d, date))) continue;
      for (const std::string& line : lines) {
        if (std::find(out.begin(), out.end(), line) == out.end()) out.push_back(line);
      }
    }
    return out;
  }
};

absl::StatusOr<ImportFileStats> SinkByItem(absl::string_view document,
                                           std::vector<ItemExtraction> extractions,
                                           const std::vector<int>& numbers, bool explain,
                                           const ImportSink& sink) {
  std::vector<graph::Relation> all;
  size_t count = 0;
  for (const ItemExtraction& x : extractions) count += x.relations.size();
  all.reserve(count);  // Relations are large: moved once, not again as `all` grows.
  std::map<std::string, graph::Entity> entities;
  Unmerged unmerged;
  for (ItemExtraction& x : extractions) {
    if (explain) unmerged.Add(x);
    for (graph::Relation& r : x.relations) all.push_back(std::move(r));
    for (graph::Entity& e : x.entities) entities.emplace(e.id, std::move(e));
  }
  all = MergeAndSortRelations(std::move(all));
  std::map<int, ImportUnit> units;
  for (int n : numbers) {
    units[n].document = std::string(document);
    units[n].item = n;
  }
  ImportFileStats stats;
  stats.items = static_cast<int64_t>(numbers.size());
  for (graph::Relation& r : all) {
    int item = r.provenance.empty() ? 0 : r.provenance.front().item;
    auto [at, added] = units.try_emplace(item);
    ImportUnit& unit = at->second;
    if (added) {  // The others have their document and number already.
      unit.document = std::string(document);
      unit.item = item;
    }
    for (const graph::EntityRef* ref : {&r.source, &r.target}) {
      bool seen = false;
      for (const graph::Entity& e : unit.entities) seen |= e.id == ref->id;
      if (seen) continue;
      auto it = entities.find(ref->id);
      unit.entities.push_back(it != entities.end()
                                  ? it->second
                                  : graph::Entity{ref->id, ref->name, ref->kind, {}});
    }
    if (explain) unit.explanations[graph::RelationIdentity(r)] = unmerged.For(r);
    unit.relations.push_back(std::move(r));
    ++stats.relations;
  }
  for (auto& [number, unit] : units) ENTENTE_RETURN_IF_ERROR(sink(std::move(unit)));
  return stats;
}

// What provenance records of a document read from `path`: its file name, never the
// importing machine's directories ("/home/x/digests/a.txt" -> "a.txt").
std::string DocumentName(absl::string_view path) {
  return std::string(path.substr(path.find_last_of('/') + 1));
}

// A JSON item without an id is named "FILE:LINE" by its reader: the file's name.
void NameJsonItem(absl::string_view path, DigestItem& item) {
  if (absl::StartsWith(item.document, absl::StrCat(path, ":"))) {
    item.document = DocumentName(item.document);
  }
}

// Tells options.on_note that `where` carries its own date, which wins over the
// options' when they differ ("documents" or "items" without a date use theirs).
void NoteOwnDate(const ImportOptions& options, absl::string_view where,
                 const graph::DateWithPrecision& own, absl::string_view things) {
  if (!options.published || *options.published == own || !options.on_note) return;
  options.on_note(absl::StrCat(where, own.ToString(), "; ", options.published_name, " ",
                               options.published->ToString(), " is for ", things,
                               " without a date and is not used"));
}

// A JSON item's own "published" wins; else the options'.
absl::Status ItemDate(absl::string_view document, int line_number,
                      const ImportOptions& options, DigestItem& item) {
  if (item.published.known()) {
    NoteOwnDate(options,
                absl::StrCat(document, ":", line_number, ": the item dates itself "),
                item.published, "items");
    return absl::OkStatus();
  }
  if (options.published) {
    item.published = *options.published;
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(document, ":", line_number,
                                                 ": item has no \"published\" date and "
                                                 "none was given (",
                                                 options.published_name, " YYYY-MM-DD)"));
}

// "2026-02-06-astana-times.txt" -> 2026-02-06: a day at the start of the file name.
std::optional<graph::DateWithPrecision> DateOfName(absl::string_view document) {
  absl::string_view name = document.substr(document.find_last_of('/') + 1);
  if (name.size() < 10) return std::nullopt;
  absl::StatusOr<graph::DateWithPrecision> date =
      graph::DateWithPrecision::Parse(name.substr(0, 10));
  if (!date.ok() || date->precision != graph::DatePrecision::kDay) return std::nullopt;
  if (name.size() > 10 && absl::ascii_isdigit(static_cast<unsigned char>(name[10])))
    return std::nullopt;
  return *date;
}

// The date a document's items take: its own (`own`, else its name's), else the
// options'. Notes a conflict between its own and the options'.
absl::StatusOr<graph::DateWithPrecision> PublicationDate(
    absl::string_view document, std::optional<graph::DateWithPrecision> own,
    absl::string_view own_source, const ImportOptions& options) {
  if (!own) {
    own = DateOfName(document);
    own_source = "its file name";
  }
  if (own) {
    NoteOwnDate(options, absl::StrCat(document, ": ", own_source, " dates it "), *own,
                "documents");
    return *own;
  }
  if (options.published) return *options.published;
  return absl::InvalidArgumentError(absl::StrCat(
      document, ": no publication date: give ", options.published_name,
      " YYYY-MM-DD, start the file with front matter (---, published: YYYY-MM-DD, ---) "
      "or name it YYYY-MM-DD-..."));
}

}  // namespace

namespace {

// Why a document may not be English news; "" when it reads as such.
std::string Doubt(absl::string_view document, size_t bytes,
                  const Extractor::WordCounts& words, int64_t items,
                  int64_t silent_items) {
  std::vector<std::string> why;
  if (words.words >= kDoubtMinWords &&
      static_cast<double>(words.function_words) <
          kMinFunctionWordShare * static_cast<double>(words.words)) {
    why.push_back(
        absl::StrCat(static_cast<int>(100.0 * static_cast<double>(words.function_words) /
                                      static_cast<double>(words.words)),
                     "% of its ", words.words,
                     " words are English function words (news has 30% or more)"));
  }
  if (items >= kDoubtMinItems && silent_items * 10 >= items * 9) {
    why.push_back(
        absl::StrCat(silent_items, " of its ", items, " items gave no relation"));
  }
  if (why.empty()) return "";
  return absl::StrCat(document, ": does not read as English news (", bytes / 1024,
                      " KB): ", absl::StrJoin(why, "; "));
}

}  // namespace

absl::StatusOr<ImportFileStats> ReadImportBytes(const Extractor& extractor,
                                                absl::string_view document,
                                                absl::string_view bytes,
                                                const ImportOptions& options,
                                                const ImportSink& sink) {
  if (static_cast<int64_t>(bytes.size()) > kMaxImportFileBytes) {
    return absl::ResourceExhaustedError(
        absl::StrCat(document, ": larger than ", kMaxImportFileBytes, " bytes"));
  }
  ENTENTE_ASSIGN_OR_RETURN(internal::ImportFormat format,
                           internal::DetectImportFormat(document, bytes));
  if (format == internal::ImportFormat::kRelationLines) {
    internal::RelationStreamOptions stream;
    stream.on_checked = options.on_checked;
    return internal::StreamRelationLines(
        document, internal::MemoryBlocks(bytes, stream.block_bytes), sink, stream);
  }
  std::vector<DigestItem> items;
  if (format == internal::ImportFormat::kJsonItems) {
    int line_number = 0;
    size_t pos = 0;
    while (pos < bytes.size()) {
      size_t nl = bytes.find('\n', pos);
      if (nl == absl::string_view::npos) nl = bytes.size();
      absl::string_view line = bytes.substr(pos, nl - pos);
      ++line_number;
      int64_t offset = static_cast<int64_t>(pos);
      pos = nl + 1;
      if (absl::StripAsciiWhitespace(line).empty()) continue;
      ENTENTE_ASSIGN_OR_RETURN(DigestItem item,
                               ParseJsonItem(document, line_number, offset, line));
      ENTENTE_RETURN_IF_ERROR(ItemDate(document, line_number, options, item));
      NameJsonItem(document, item);
      items.push_back(std::move(item));
    }
  } else {
    ENTENTE_ASSIGN_OR_RETURN(TextDigest digest, ParseTextDigest(document, bytes));
    ENTENTE_ASSIGN_OR_RETURN(
        graph::DateWithPrecision published,
        PublicationDate(document, digest.published, "its front matter", options));
    for (DigestItem& item : digest.items) {
      item.published = published;
      item.document = DocumentName(document);
      items.push_back(std::move(item));
    }
  }
  std::vector<ItemExtraction> extractions;
  std::vector<int> numbers;
  extractions.reserve(items.size());
  Extractor::WordCounts words;
  int64_t silent_items = 0;
  for (const DigestItem& item : items) {
    Extractor::WordCounts counts;
    // Merged per digest below.
    extractions.push_back(extractor.ExtractUnmerged(item, &counts, options.explain));
    numbers.push_back(item.number);
    words.words += counts.words;
    words.function_words += counts.function_words;
    silent_items += extractions.back().relations.empty() ? 1 : 0;
  }
  std::string doubt = Doubt(document, bytes.size(), words,
                            static_cast<int64_t>(items.size()), silent_items);
  if (!doubt.empty() && options.strict) {
    return absl::InvalidArgumentError(
        absl::StrCat(doubt, "; rejected (strict), nothing imported"));
  }
  absl::StatusOr<ImportFileStats> stats =
      SinkByItem(document, std::move(extractions), numbers, options.explain, sink);
  if (stats.ok()) stats->doubt = std::move(doubt);
  return stats;
}

namespace {

// A JSON Lines item stream read twice, one line in memory at a time: the first
// pass validates every line, the second extracts and hands each item to the
// sink. Memory does not grow with the file.
absl::StatusOr<ImportFileStats> StreamJsonItems(const Extractor& extractor,
                                                const std::string& path,
                                                const ImportOptions& options,
                                                const ImportSink& sink) {
  ImportFileStats stats;
  ImportOptions quiet = options;  // Notes are given once, in the first pass.
  quiet.on_note = nullptr;
  for (int pass = 0; pass < 2; ++pass) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
    std::string line;
    int line_number = 0;
    int64_t offset = 0;
    while (std::getline(in, line)) {
      ++line_number;
      int64_t line_offset = offset;
      offset += static_cast<int64_t>(line.size()) + 1;
      if (absl::StripAsciiWhitespace(line).empty()) continue;
      ENTENTE_ASSIGN_OR_RETURN(DigestItem item,
                               ParseJsonItem(path, line_number, line_offset, line));
      ENTENTE_RETURN_IF_ERROR(
          ItemDate(path, line_number, pass == 0 ? options : quiet, item));
      NameJsonItem(path, item);
      if (pass == 0) continue;
      ItemExtraction x = extractor.ExtractUnmerged(item, nullptr, options.explain);
      ImportUnit unit;
      unit.document = item.document;
      unit.item = item.number;
      unit.entities = std::move(x.entities);
      Unmerged unmerged;
      if (options.explain) unmerged.Add(x);
      unit.relations = MergeAndSortRelations(std::move(x.relations));
      if (options.explain) {
        for (const graph::Relation& r : unit.relations) {
          unit.explanations[graph::RelationIdentity(r)] = unmerged.For(r);
        }
      }
      ++stats.items;
      stats.relations += static_cast<int64_t>(unit.relations.size());
      ENTENTE_RETURN_IF_ERROR(sink(std::move(unit)));
    }
  }
  return stats;
}

}  // namespace

absl::StatusOr<ImportFileStats> ReadImportFile(const Extractor& extractor,
                                               const std::string& path,
                                               const ImportOptions& options,
                                               const ImportSink& sink) {
  {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
    std::string head(4096, '\0');
    probe.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(probe.gcount()));
    auto format = internal::DetectImportFormat(path, head);
    if (format.ok() && *format == internal::ImportFormat::kJsonItems) {
      return StreamJsonItems(extractor, path, options, sink);
    }
    if (format.ok() && *format == internal::ImportFormat::kRelationLines) {
      internal::RelationStreamOptions stream;
      stream.on_checked = options.on_checked;
      return internal::StreamRelationLines(
          path, internal::FileBlocks(path, stream.block_bytes), sink, stream);
    }
  }
  ENTENTE_ASSIGN_OR_RETURN(std::string bytes, internal::ReadFileBounded(path));
  return ReadImportBytes(extractor, path, bytes, options, sink);
}

}  // namespace entente::importers
