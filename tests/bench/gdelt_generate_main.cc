// gdelt_generate ROWS [SEED] [REPEAT_SHARE] > ROWS.export.CSV
// Writes GDELT-shaped 2.0 event rows (gdelt_generator.h), the input of the
// GDELT import benchmark. Zip the output (`zip out.zip out.CSV`) to import it
// as GDELT publishes it.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "tests/bench/gdelt_generator.h"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 4) {
    std::fprintf(stderr, "usage: gdelt_generate ROWS [SEED] [REPEAT_SHARE] > out.CSV\n");
    return 2;
  }
  entente::bench::GdeltGeneratorOptions options;
  options.rows = std::atoll(argv[1]);
  if (argc > 2) options.seed = std::strtoull(argv[2], nullptr, 10);
  if (argc > 3) options.repeat_share = std::atof(argv[3]);
  entente::bench::GdeltGenerator generator(options);
  std::string buffer;
  while (generator.NextRow(&buffer)) {
    if (buffer.size() >= (size_t{1} << 20)) {
      std::fwrite(buffer.data(), 1, buffer.size(), stdout);
      buffer.clear();
    }
  }
  std::fwrite(buffer.data(), 1, buffer.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
