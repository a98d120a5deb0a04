#include "service/cli/jsonl.h"

#include "common/json_string.h"
#include "importers/relation_jsonl.h"
#include "service/convert.h"

namespace entente::service::cli {

std::string RelationLines(
    const google::protobuf::RepeatedPtrField<entente::v1::Relation>& relations) {
  std::string out;
  for (const entente::v1::Relation& relation : relations) {
    out += importers::RelationToJsonLine(service::FromProto(relation));
    out += '\n';
  }
  return out;
}

std::string PathLines(const entente::v1::FindPathsResponse& response) {
  std::string out;
  for (const entente::v1::Path& path : response.paths()) {
    out += "{\"entities\":[";
    for (int i = 0; i < path.entities_size(); ++i) {
      if (i > 0) out += ',';
      common::AppendJsonString(path.entities(i).id(), &out);
    }
    out += "],\"relations\":[";
    for (int i = 0; i < path.relations_size(); ++i) {
      if (i > 0) out += ',';
      out += importers::RelationToJsonLine(service::FromProto(path.relations(i)));
    }
    out += "]}\n";
  }
  return out;
}

}  // namespace entente::service::cli
