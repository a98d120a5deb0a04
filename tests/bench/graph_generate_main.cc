// graph_generate RELATIONS [ENTITIES] [SEED] > out.jsonl
// Writes the synthetic graph (graph_generator.h) as relation JSON Lines, the
// format `entente extract` prints and `entente import` loads.

#include <cstdio>
#include <cstdlib>

#include "importers/relation_jsonl.h"
#include "tests/bench/graph_generator.h"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 4) {
    std::fprintf(stderr,
                 "usage: graph_generate RELATIONS [ENTITIES] [SEED] > out.jsonl\n");
    return 2;
  }
  entente::bench::GeneratorOptions options;
  options.relations = std::atoll(argv[1]);
  options.entities = argc > 2 ? std::atoll(argv[2]) : options.relations / 10 + 1;
  options.seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;
  entente::bench::SyntheticGraph graph(options);
  entente::graph::Relation r;
  std::string line;
  while (graph.Next(&r)) {
    line = entente::importers::RelationToJsonLine(r);
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  return 0;
}
