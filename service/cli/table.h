#ifndef ENTENTE_SERVICE_CLI_TABLE_H_
#define ENTENTE_SERVICE_CLI_TABLE_H_

// Readable, aligned text tables for the `entente` commands' default output.
//
//   Table table({"DATE", "TYPE", "SOURCE", "TARGET"});
//   table.AddRow({"2026-02-04", "trade_target", "Kazakhstan", "Pakistan"});
//   std::cout << table.Render();
//
//   DATE        TYPE          SOURCE      TARGET
//   2026-02-04  trade_target  Kazakhstan  Pakistan
//
// Columns are separated by two spaces and padded by display width (UTF-8 code
// points, so "Diário" aligns); the last column is never padded. Cells longer
// than the column limit are cut with "...".
//
// Thread-safety: not thread-safe; a value type.

#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace entente::service::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> headers);

  // Rows shorter than the header are padded with empty cells; extra cells
  // are dropped.
  void AddRow(std::vector<std::string> cells);
  // Cells wider than `max_width` code points are truncated (default 60).
  void set_max_cell_width(int max_width) { max_cell_width_ = max_width; }
  bool empty() const { return rows_.empty(); }

  std::string Render() const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  int max_cell_width_ = 60;
};

// Number of UTF-8 code points in `text` (continuation bytes not counted).
int DisplayWidth(absl::string_view text);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_TABLE_H_
