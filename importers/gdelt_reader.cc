#include "importers/gdelt_reader.h"

#include <cstring>
#include <fstream>
#include <numeric>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "common/status_macros.h"
#include "importers/internal/gdelt_facts.h"
#include "importers/internal/gdelt_input.h"
#include "importers/internal/gdelt_mapping.h"
#include "importers/internal/gdelt_row.h"

namespace entente::importers {
namespace {

using internal::ByteSource;
using internal::CameoMapping;
using internal::EventRule;
using internal::FactTable;
using internal::GdeltLayout;
using internal::GdeltRow;
using internal::PartyLookup;
using internal::RowProblem;

constexpr int64_t kProgressEvery = 1 << 16;
// A longer line is no GDELT row (they are well under 4 KiB); the cap keeps a
// file without line breaks from filling memory.
constexpr size_t kMaxLineBytes = size_t{1} << 20;

using SourceFactory = std::function<absl::StatusOr<std::unique_ptr<ByteSource>>()>;

// Calls on_line(line, number) for each line of the source without its line
// break (the last line may lack one). Lines are numbered from 1.
template <typename OnLine>
absl::Status ForEachLine(ByteSource& source, absl::string_view name, OnLine&& on_line) {
  std::string carry;
  int64_t number = 0;
  auto too_long = [&] {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ":", number + 1, ": a line longer than ", kMaxLineBytes,
                     " bytes: not a GDELT event file (rows are tab-separated lines)"));
  };
  while (true) {
    ENTENTE_ASSIGN_OR_RETURN(absl::string_view block, source.Next());
    if (block.empty()) break;
    size_t pos = 0;
    if (!carry.empty()) {
      const size_t nl = block.find('\n');
      const size_t take = nl == absl::string_view::npos ? block.size() : nl;
      if (carry.size() + take > kMaxLineBytes) return too_long();
      carry.append(block.data(), take);
      if (nl == absl::string_view::npos) continue;
      ENTENTE_RETURN_IF_ERROR(on_line(absl::string_view(carry), ++number));
      carry.clear();
      pos = nl + 1;
    }
    while (pos < block.size()) {
      const void* nl = std::memchr(block.data() + pos, '\n', block.size() - pos);
      if (nl == nullptr) break;
      const size_t end = static_cast<const char*>(nl) - block.data();
      ENTENTE_RETURN_IF_ERROR(on_line(block.substr(pos, end - pos), ++number));
      pos = end + 1;
    }
    if (block.size() - pos > kMaxLineBytes) return too_long();
    carry.append(block.data() + pos, block.size() - pos);
  }
  if (!carry.empty())
    ENTENTE_RETURN_IF_ERROR(on_line(absl::string_view(carry), ++number));
  return absl::OkStatus();
}

absl::string_view LayoutName(GdeltLayout layout) {
  return layout == GdeltLayout::kV2 ? "GDELT 2.0" : "GDELT 1.0";
}

// One read of a file: the passes, the counts and the facts.
class FileRead {
 public:
  FileRead(const CameoMapping& mapping, absl::string_view name,
           const GdeltReadOptions& options, const ImportSink& sink)
      : mapping_(mapping),
        name_(name),
        options_(options),
        sink_(sink),
        memory_bytes_(std::max<int64_t>(options.memory_bytes, 1)),
        facts_(&mapping) {}

  absl::StatusOr<GdeltCounts> Run(const SourceFactory& open) {
    {
      ENTENTE_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source, open());
      ENTENTE_RETURN_IF_ERROR(Pass(*source, 1));
    }
    if (!overflowed_) {
      ENTENTE_RETURN_IF_ERROR(Drain());
      return counts_;
    }
    ++counts_.files_read_twice;
    const int64_t rows = counts_.rows;
    counts_.rows = 0;
    {
      ENTENTE_ASSIGN_OR_RETURN(std::unique_ptr<ByteSource> source, open());
      absl::Status status = Pass(*source, 2);
      if (!status.ok() && !sink_failed_ &&
          status.code() != absl::StatusCode::kFailedPrecondition) {
        // Pass 1 read this file whole: it changed, and drains already stored some.
        return absl::FailedPreconditionError(
            absl::StrCat(status.message(),
                         " (reading it a second time; some of it may be "
                         "stored: import it again)"));
      }
      ENTENTE_RETURN_IF_ERROR(status);
    }
    ENTENTE_RETURN_IF_ERROR(Drain());
    if (counts_.rows != rows) {
      return absl::FailedPreconditionError(
          absl::StrCat(name_, ": changed while it was read (", rows, " rows, then ",
                       counts_.rows, "); some of it may be stored: import it again"));
    }
    return counts_;
  }

 private:
  absl::Status Pass(ByteSource& source, int pass) {
    pass_ = pass;
    if (options_.on_progress) options_.on_progress(counts_, pass_);
    return ForEachLine(source, name_, [&](absl::string_view line, int64_t number) {
      return Line(line, number);
    });
  }

  absl::Status Line(absl::string_view line, int64_t number) {
    if (line.empty() || line == "\r") return absl::OkStatus();
    if (!layout_) {
      const int columns = internal::CountColumns(absl::StripSuffix(line, "\r"));
      layout_ = internal::LayoutWithColumns(columns);
      if (!layout_) {
        return absl::InvalidArgumentError(absl::StrCat(
            name_, ":", number, ": not a GDELT event file: ", columns,
            " tab-separated columns, expected 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0)"));
      }
    }
    ++counts_.rows;
    if (options_.on_progress && counts_.rows % kProgressEvery == 0) {
      options_.on_progress(counts_, pass_);
    }
    GdeltRow row;
    const RowProblem problem = internal::ParseGdeltRow(line, *layout_, &row, &detail_);
    if (problem != RowProblem::kNone) {
      if (options_.skip_bad_rows) {
        if (pass_ == 1)
          ++counts_.bad_rows[std::string(internal::RowProblemName(problem))];
        return absl::OkStatus();
      }
      if (problem == RowProblem::kColumns) {
        absl::StrAppend(&detail_, " (", LayoutName(*layout_), ", like line 1)");
      }
      if (pass_ == 2) {
        return absl::FailedPreconditionError(
            absl::StrCat(name_, ":", number, ": changed while it was read: ", detail_,
                         "; some of it may be stored: import it again"));
      }
      return absl::InvalidArgumentError(absl::StrCat(name_, ":", number, ": ", detail_));
    }
    const EventRule* rule = mapping_.FindEvent(row.event_code);
    if (rule == nullptr) {
      if (pass_ == 1) ++counts_.unmapped_by_root[row.event_root];
      return absl::OkStatus();
    }
    const PartyLookup a1 = mapping_.Resolve(row.actor1_code, row.actor1_country);
    const PartyLookup a2 = mapping_.Resolve(row.actor2_code, row.actor2_country);
    if (a1.kind == PartyLookup::Kind::kUnknown ||
        a2.kind == PartyLookup::Kind::kUnknown) {
      if (pass_ == 1) ++counts_.unknown_country;
      return absl::OkStatus();
    }
    const int parties =
        (a1.kind == PartyLookup::Kind::kParty) + (a2.kind == PartyLookup::Kind::kParty);
    if (parties < 2 || a1.party == a2.party) {
      if (pass_ == 1) {
        ++(parties == 0   ? counts_.no_party
           : parties == 1 ? counts_.one_party
                          : counts_.same_party);
      }
      return absl::OkStatus();
    }
    if (pass_ == 1) ++counts_.rows_mapped;
    if (overflowed_ && pass_ == 1) return absl::OkStatus();
    facts_.Add(row, *rule, a1.party, a2.party);
    if (facts_.MemoryBytes() > memory_bytes_) {
      if (pass_ == 2) return Drain();
      overflowed_ = true;  // Pass 1 goes on checking; pass 2 will load.
      facts_.Clear();
    }
    return absl::OkStatus();
  }

  // Hands the facts to the sink, with the entities each unit is the first to
  // use.
  absl::Status Drain() {
    return facts_.Drain(options_.relations_per_unit,
                        [&](std::vector<graph::Relation>&& relations) {
                          ImportUnit unit;
                          unit.document = std::string(name_);
                          unit.item = ++units_;
                          for (const graph::Relation& r : relations) {
                            ++counts_.relations_by_type[static_cast<int>(r.type)];
                            AddEntity(r.source.id, &unit);
                            AddEntity(r.target.id, &unit);
                          }
                          unit.relations = std::move(relations);
                          absl::Status status = sink_(std::move(unit));
                          sink_failed_ = !status.ok();
                          return status;
                        });
  }

  void AddEntity(const std::string& id, ImportUnit* unit) {
    if (!sent_.insert(id).second) return;
    if (const graph::Entity* party = mapping_.FindParty(id); party != nullptr) {
      unit->entities.push_back(*party);
    }
  }

  const CameoMapping& mapping_;
  const absl::string_view name_;
  const GdeltReadOptions& options_;
  const ImportSink& sink_;
  const int64_t memory_bytes_;
  FactTable facts_;
  absl::flat_hash_set<std::string> sent_;  // Parties given to the sink as entities.
  std::optional<GdeltLayout> layout_;
  GdeltCounts counts_;
  std::string detail_;
  int pass_ = 1;
  bool overflowed_ = false;
  bool sink_failed_ = false;  // The error came from the sink, not the file.
  int units_ = 0;
};

}  // namespace

int64_t GdeltCounts::relations() const {
  return std::accumulate(relations_by_type.begin(), relations_by_type.end(), int64_t{0});
}

int64_t GdeltCounts::unmapped() const {
  return std::accumulate(unmapped_by_root.begin(), unmapped_by_root.end(), int64_t{0});
}

int64_t GdeltCounts::bad() const {
  int64_t total = 0;
  for (const auto& [field, count] : bad_rows) total += count;
  return total;
}

int64_t GdeltCounts::skipped() const {
  return unmapped() + unknown_country + no_party + one_party + same_party + bad();
}

GdeltCounts& GdeltCounts::operator+=(const GdeltCounts& other) {
  rows += other.rows;
  rows_mapped += other.rows_mapped;
  for (size_t i = 0; i < relations_by_type.size(); ++i) {
    relations_by_type[i] += other.relations_by_type[i];
  }
  for (size_t i = 0; i < unmapped_by_root.size(); ++i) {
    unmapped_by_root[i] += other.unmapped_by_root[i];
  }
  unknown_country += other.unknown_country;
  no_party += other.no_party;
  one_party += other.one_party;
  same_party += other.same_party;
  for (const auto& [field, count] : other.bad_rows) bad_rows[field] += count;
  files_read_twice += other.files_read_twice;
  return *this;
}

bool LooksLikeGdelt(absl::string_view name, absl::string_view head) {
  if (internal::DetectCompression(head) != internal::Compression::kNone) return true;
  if (internal::CountColumns(head.substr(0, head.find('\n'))) >= 20) return true;
  return absl::EndsWithIgnoreCase(name, ".csv");
}

bool LooksLikeGdeltFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return LooksLikeGdelt(path, head);
}

absl::StatusOr<std::unique_ptr<GdeltReader>> GdeltReader::Create(
    const Gazetteer& gazetteer) {
  ENTENTE_ASSIGN_OR_RETURN(std::unique_ptr<CameoMapping> mapping,
                           CameoMapping::CreateEmbedded(gazetteer));
  return std::make_unique<GdeltReader>(std::move(mapping));
}

GdeltReader::GdeltReader(std::unique_ptr<internal::CameoMapping> mapping)
    : mapping_(std::move(mapping)) {}

GdeltReader::~GdeltReader() = default;

absl::StatusOr<GdeltCounts> GdeltReader::ReadFile(const std::string& path,
                                                  const GdeltReadOptions& options,
                                                  const ImportSink& sink) const {
  FileRead read(*mapping_, path, options, sink);
  return read.Run([&] { return internal::OpenGdeltInput(path, options.read_ahead); });
}

absl::StatusOr<GdeltCounts> GdeltReader::ReadBytes(absl::string_view name,
                                                   absl::string_view bytes,
                                                   const GdeltReadOptions& options,
                                                   const ImportSink& sink) const {
  FileRead read(*mapping_, name, options, sink);
  return read.Run(
      [&] { return internal::GdeltInputFromBytes(name, bytes, options.read_ahead); });
}

}  // namespace entente::importers
