#ifndef ENTENTE_SERVICE_REQUEST_LOG_H_
#define ENTENTE_SERVICE_REQUEST_LOG_H_

// A server interceptor that writes one JSON line per finished call to stderr:
//
//   {"time":"2026-11-27T20:31:07.123Z","method":"/entente.v1.GraphService/FindPaths",
//    "code":"OK","latency_ms":0.84,"peer":"ipv4:127.0.0.1:51234"}
//
// Failed calls add "message". Thread-safety: the factory is thread-safe; each
// call gets its own interceptor.

#include <memory>

#include "grpcpp/support/server_interceptor.h"

namespace entente::service {

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewRequestLogFactory();

}  // namespace entente::service

#endif  // ENTENTE_SERVICE_REQUEST_LOG_H_
