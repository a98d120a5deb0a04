#ifndef ENTENTE_TESTS_BENCH_GDELT_GENERATOR_H_
#define ENTENTE_TESTS_BENCH_GDELT_GENERATOR_H_

// A seeded generator of GDELT-shaped event files for benchmarks: rows of the
// 2.0 export layout (61 tab-separated columns, ~390 bytes, like the real
// ones) with realistic frequencies:
//  - event codes weighted like a 2015 export file: mostly statements,
//    consultations, visits and appeals; a few percent of agreements, force
//    and protests; sanctions and downgrades rare;
//  - actors: about half the actor slots carry no country (a role or a
//    name only), a few percent a region (EUR, AFR, ...) or an organization
//    (IGOUNO, IGONAMDEV, ...); countries follow a skewed (Zipf) popularity
//    with the United States first;
//  - about a fifth of the rows are between two different countries, and
//    about 40 % of those repeat an earlier row's countries, code and day
//    (GDELT codes one event from many articles, and one article many times);
//  - DATEADDED advances 15 minutes every `rows_per_slot` rows; the event day
//    is mostly that day, sometimes a day or a year earlier.
// The same seed and options give the same bytes on every machine.
//
// Thread-safety: a GdeltGenerator is not thread-safe.

#include <cstdint>
#include <deque>
#include <random>
#include <string>

namespace entente::bench {

struct GdeltGeneratorOptions {
  uint64_t seed = 1;
  int64_t rows = 1'000'000;
  // Of the rows between two different countries, the share made by repeating
  // a recent such row (fresh rows repeat by chance too). Default 0.1, which
  // gives about 40 % repeated rows in all.
  double repeat_share = 0.1;
  int64_t first_event_id = 410'000'000;  // Ids stay below 2^31 for ~1.7e9 rows.
  int64_t rows_per_slot = 2'000;         // Rows per 15-minute file of GDELT 2.0.
};

class GdeltGenerator {
 public:
  explicit GdeltGenerator(const GdeltGeneratorOptions& options);

  // Appends the next row and its line break to *out; false (and nothing
  // appended) after options.rows rows.
  bool NextRow(std::string* out);
  int64_t produced() const { return produced_; }

 private:
  // What a repeated row copies: both actors, the code and the day.
  struct Fact {
    int actor1, actor2;  // Indices into the actor table.
    int code;            // Index into the code table.
    int day_back;        // Days before DATEADDED's day.
  };
  int PickActor();
  int PickCountryActor();
  int PickCode();
  int PickDayBack();
  void AppendRow(const Fact& fact, std::string* out);

  GdeltGeneratorOptions options_;
  std::mt19937_64 rng_;
  std::uniform_real_distribution<double> unit_{0.0, 1.0};
  std::deque<Fact> recent_;  // Recent two-country facts, newest last.
  int64_t produced_ = 0;
};

}  // namespace entente::bench

#endif  // ENTENTE_TESTS_BENCH_GDELT_GENERATOR_H_
