#include "service/cli/table.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace entente::service::cli {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Cuts `text` to at most `max_width` code points, ending in "..." when cut.
std::string Truncate(absl::string_view text, int max_width) {
  if (DisplayWidth(text) <= max_width) return std::string(text);
  int kept = 0;
  size_t end = 0;
  while (end < text.size() && kept < max_width - 3) {
    ++end;
    while (end < text.size() && IsContinuation(text[end])) ++end;
    ++kept;
  }
  return absl::StrCat(text.substr(0, end), "...");
}

void AppendLine(const std::vector<std::string>& cells, const std::vector<int>& widths,
                std::string* out) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    line += cells[i];
    if (i + 1 < cells.size()) {
      line.append(widths[i] - DisplayWidth(cells[i]) + 2, ' ');
    }
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  absl::StrAppend(out, line, "\n");
}

}  // namespace

int DisplayWidth(absl::string_view text) {
  int width = 0;
  for (char c : text) width += IsContinuation(c) ? 0 : 1;
  return width;
}

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void Table::AddRow(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

std::string Table::Render() const {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(rows_.size());
  for (const std::vector<std::string>& row : rows_) {
    std::vector<std::string> cut;
    for (const std::string& cell : row) cut.push_back(Truncate(cell, max_cell_width_));
    rows.push_back(std::move(cut));
  }
  std::vector<int> widths(headers_.size(), 0);
  for (size_t i = 0; i < headers_.size(); ++i) widths[i] = DisplayWidth(headers_[i]);
  for (const std::vector<std::string>& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  std::string out;
  AppendLine(headers_, widths, &out);
  for (const std::vector<std::string>& row : rows) AppendLine(row, widths, &out);
  return out;
}

}  // namespace entente::service::cli
