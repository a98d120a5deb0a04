#ifndef ENTENTE_SERVICE_CLI_JSONL_H_
#define ENTENTE_SERVICE_CLI_JSONL_H_

// `--jsonl` output of the query commands: one record per line, relations in the
// relation JSON Lines format `entente extract` prints (attributes as plain JSON
// values), so that a timeline can be filtered with jq or imported again.
//
//   timeline, neighbors  one relation per line;
//   path                 one path per line: {"entities":[ids],"relations":[...]};
//   entities             one entity per line (as --json prints an Entity);
//   entity, stats        the response's one object (as --json).

#include <string>

#include "entente/v1/graph_service.pb.h"

namespace entente::service::cli {

// One line per relation, each ending in a newline; "" for none.
std::string RelationLines(
    const google::protobuf::RepeatedPtrField<entente::v1::Relation>& relations);

// One line per path.
std::string PathLines(const entente::v1::FindPathsResponse& response);

}  // namespace entente::service::cli

#endif  // ENTENTE_SERVICE_CLI_JSONL_H_
