#include "importers/internal/relation_stream.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/parallel.h"
#include "common/status_macros.h"
#include "importers/relation_jsonl.h"

namespace entente::importers::internal {
namespace {

// Blocks smaller than this are checked on the calling thread alone.
constexpr size_t kSplitBytes = size_t{64} << 10;

// Calls `fn(line)` for each non-blank line of `text` (whitespace stripped);
// stops at the first error. Adds to `*lines` the number of lines walked, up
// to and including a failing one.
template <typename Fn>
absl::Status ForEachLine(absl::string_view text, int64_t* lines, Fn fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == absl::string_view::npos) nl = text.size();
    absl::string_view line = absl::StripAsciiWhitespace(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++*lines;
    if (line.empty()) continue;
    ENTENTE_RETURN_IF_ERROR(fn(line));
  }
  return absl::OkStatus();
}

absl::Status AtLine(absl::string_view document, int64_t line, const absl::Status& why) {
  return absl::InvalidArgumentError(
      absl::StrCat(document, ":", line, ": ", why.message()));
}

// `block` in up to `count` parts of about equal size, each but the last ending
// after a newline; a block under kSplitBytes stays whole.
std::vector<absl::string_view> SplitAtLines(absl::string_view block, size_t count) {
  std::vector<absl::string_view> parts;
  if (block.size() < kSplitBytes) count = 1;
  size_t begin = 0;
  for (size_t i = 1; i < count && begin < block.size(); ++i) {
    const size_t nl = block.find('\n', std::max(begin, block.size() * i / count));
    if (nl == absl::string_view::npos) break;
    parts.push_back(block.substr(begin, nl + 1 - begin));
    begin = nl + 1;
  }
  parts.push_back(block.substr(begin));
  return parts;
}

// Pass 1 state: a parser and a scratch relation per part of a block.
class Checker {
 public:
  explicit Checker(absl::string_view document)
      : document_(document), parsers_(common::MachineParallelism()) {}

  // Checks one block, its parts in parallel; numbers continue from the
  // previous block.
  absl::Status Check(absl::string_view block) {
    const std::vector<absl::string_view> parts = SplitAtLines(block, parsers_.size());
    std::vector<Part> checked;
    checked.reserve(parts.size());
    for (size_t i = 0; i < parts.size(); ++i) checked.push_back({&parsers_[i]});
    common::ParallelFor(parts.size(), [&](size_t i) { checked[i].Run(parts[i]); });
    int64_t before = lines_;
    for (const Part& part : checked) {
      if (!part.status.ok()) return AtLine(document_, before + part.lines, part.status);
      before += part.lines;
    }
    lines_ = before;
    return absl::OkStatus();
  }
  int64_t lines() const { return lines_; }

 private:
  struct Parser {
    RelationLineParser parser;
    graph::Relation scratch;
  };
  struct Part {
    Parser* p;
    int64_t lines = 0;
    absl::Status status;
    void Run(absl::string_view text) {
      status = ForEachLine(text, &lines, [this](absl::string_view line) {
        return p->parser.Parse(line, &p->scratch);
      });
    }
  };

  const absl::string_view document_;
  std::vector<Parser> parsers_;  // One per core.
  int64_t lines_ = 0;
};

// Pass 2 parsing: one unit per line, in order.
class UnitMaker {
 public:
  explicit UnitMaker(absl::string_view document) : document_(document) {}

  // Fills *unit from each line of `block` in turn and calls `emit()` after
  // each; `emit` may move from *unit (storage left in it is reused).
  template <typename Emit>
  absl::Status Parse(absl::string_view block, ImportUnit* unit, Emit emit) {
    int64_t in_block = 0;
    ENTENTE_RETURN_IF_ERROR(ForEachLine(block, &in_block, [&](absl::string_view line) {
      absl::Status filled = Fill(line, lines_ + in_block, unit);
      if (!filled.ok()) return AtLine(document_, lines_ + in_block, filled);
      return emit();
    }));
    lines_ += in_block;
    return absl::OkStatus();
  }

 private:
  absl::Status Fill(absl::string_view line, int64_t number, ImportUnit* unit) {
    unit->relations.resize(1);
    graph::Relation& r = unit->relations[0];
    ENTENTE_RETURN_IF_ERROR(parser_.Parse(line, &r));
    unit->document.assign(document_.data(), document_.size());
    unit->item = static_cast<int>(number);
    unit->entities.resize(r.target.id != r.source.id ? 2 : 1);
    SetEndpoint(r.source, &unit->entities[0]);
    if (unit->entities.size() == 2) SetEndpoint(r.target, &unit->entities[1]);
    return absl::OkStatus();
  }
  static void SetEndpoint(const graph::EntityRef& end, graph::Entity* entity) {
    entity->id = end.id;
    entity->name = end.name;
    entity->kind = end.kind;
    entity->aliases.clear();
  }

  const absl::string_view document_;
  RelationLineParser parser_;
  int64_t lines_ = 0;
};

absl::Status SinkOne(ImportUnit& unit, const ImportSink& sink, ImportFileStats* stats) {
  ++stats->items;
  stats->relations += static_cast<int64_t>(unit.relations.size());
  return sink(std::move(unit));
}

absl::Status SinkLines(absl::string_view document, const BlockReader& read,
                       const ImportSink& sink, ImportFileStats* stats) {
  UnitMaker maker(document);
  ImportUnit unit;
  return read([&](absl::string_view block) {
    return maker.Parse(block, &unit, [&] { return SinkOne(unit, sink, stats); });
  });
}

}  // namespace

BlockReader FileBlocks(const std::string& path, size_t block_bytes) {
  return [path, block_bytes](const BlockFn& block) -> absl::Status {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
    std::string buffer(std::max<size_t>(block_bytes, 1), '\0');
    size_t have = 0;  // Bytes in buffer not yet given to `block`.
    absl::Status status;
    while (status.ok()) {
      if (have == buffer.size()) buffer.resize(buffer.size() * 2);  // A long line.
      ssize_t n = ::read(fd, buffer.data() + have, buffer.size() - have);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        status = absl::DataLossError(
            absl::StrCat(path, ": read failed: ", std::strerror(errno)));
        break;
      }
      if (n == 0) {
        if (have > 0) status = block(absl::string_view(buffer.data(), have));
        break;
      }
      have += static_cast<size_t>(n);
      size_t end = absl::string_view(buffer.data(), have).rfind('\n');
      if (end == absl::string_view::npos) continue;
      status = block(absl::string_view(buffer.data(), end + 1));
      std::memmove(buffer.data(), buffer.data() + end + 1, have - end - 1);
      have -= end + 1;
    }
    ::close(fd);
    return status;
  };
}

BlockReader MemoryBlocks(absl::string_view bytes, size_t block_bytes) {
  block_bytes = std::max<size_t>(block_bytes, 1);
  return [bytes, block_bytes](const BlockFn& block) -> absl::Status {
    size_t pos = 0;
    while (pos < bytes.size()) {
      size_t end = bytes.size();
      if (end - pos > block_bytes) {
        size_t nl = bytes.find('\n', pos + block_bytes - 1);
        if (nl != absl::string_view::npos) end = nl + 1;
      }
      ENTENTE_RETURN_IF_ERROR(block(bytes.substr(pos, end - pos)));
      pos = end;
    }
    return absl::OkStatus();
  };
}

absl::StatusOr<ImportFileStats> StreamRelationLines(
    absl::string_view document, const BlockReader& read, const ImportSink& sink,
    const RelationStreamOptions& options) {
  {
    Checker checker(document);
    auto check = [&](absl::string_view block) {
      absl::Status status = checker.Check(block);
      if (status.ok() && options.on_checked) options.on_checked(checker.lines());
      return status;
    };
    ENTENTE_RETURN_IF_ERROR(read(check));
  }
  ImportFileStats stats;
  ENTENTE_RETURN_IF_ERROR(SinkLines(document, read, sink, &stats));
  return stats;
}

}  // namespace entente::importers::internal
