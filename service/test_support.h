#ifndef ENTENTE_SERVICE_TEST_SUPPORT_H_
#define ENTENTE_SERVICE_TEST_SUPPORT_H_

// What the service tests share: the gazetteer as the server loads it, and a
// GraphServiceImpl behind an in-process gRPC server. Test code only.
//
// Thread-safety: as the parts (a stub may be used from any thread).

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "graph/store.h"
#include "grpcpp/grpcpp.h"
#include "importers/gazetteer.h"
#include "service/graph_service.h"

namespace entente::service::testing {

// From importers::DefaultIsoCodesDir(), as the server loads it.
inline absl::StatusOr<std::unique_ptr<importers::Gazetteer>> LoadTestGazetteer() {
  return importers::Gazetteer::Load(importers::DefaultIsoCodesDir());
}

// A relation of `type` between two entities named by their ids, dated
// `date`, with one report.
inline graph::Relation MakeRelation(graph::RelationType type, const std::string& a,
                                    const std::string& b, const std::string& date) {
  graph::Relation relation;
  relation.type = type;
  relation.source = {a, a, graph::KindOfId(a)};
  relation.target = {b, b, graph::KindOfId(b)};
  relation.date = *graph::DateWithPrecision::Parse(date);
  relation.confidence = 0.9;
  relation.provenance.push_back({.item = 1, .quote = a + " and " + b, .document = "t"});
  return relation;
}

// GraphServiceImpl over `store` (not owned; must outlive it), without an
// extractor, served in process; `stub` talks to it.
struct InProcessGraphService {
  explicit InProcessGraphService(graph::Store* store)
      : service(
            std::make_unique<GraphServiceImpl>(store, nullptr, GraphServiceOptions{})) {
    grpc::ServerBuilder builder;
    builder.RegisterService(service.get());
    server = builder.BuildAndStart();
    stub = v1::GraphService::NewStub(server->InProcessChannel({}));
  }
  ~InProcessGraphService() { server->Shutdown(); }

  std::unique_ptr<GraphServiceImpl> service;
  std::unique_ptr<grpc::Server> server;
  std::unique_ptr<v1::GraphService::Stub> stub;
};

}  // namespace entente::service::testing

#endif  // ENTENTE_SERVICE_TEST_SUPPORT_H_
