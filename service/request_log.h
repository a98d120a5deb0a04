#ifndef ENTENTE_SERVICE_REQUEST_LOG_H_
#define ENTENTE_SERVICE_REQUEST_LOG_H_

// A server interceptor that writes one JSON line per finished call to stderr:
//
//   {"time":"2026-11-27T20:31:07.123Z","method":"/entente.v1.GraphService/FindPaths",
//    "code":"OK","latency_ms":0.84,"peer":"ipv4:127.0.0.1:51234"}
//
// Failed calls add "message". "code" is the status the client got, which is
// not always the one the handler returned: past the call's deadline the client
// has DEADLINE_EXCEEDED, a stream whose request message gRPC rejected for its
// size has RESOURCE_EXHAUSTED, and a call that failed before its status could
// reach the client (cancelled, connection lost) is logged CANCELLED; then
// "handler_code" says what the handler returned. A unary call whose request
// is over the size limit never reaches the service and is not logged.
// gRPC cancels a call whose message it rejected on a thread of its own, so a
// stream that ended without error waits up to 5 ms at its end for that
// cancellation to show before its line is written.
//
// Thread-safety: the factory is thread-safe; each call gets its own
// interceptor.

#include <memory>

#include "grpcpp/support/server_interceptor.h"

namespace entente::service {

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
NewRequestLogFactory();

}  // namespace entente::service

#endif  // ENTENTE_SERVICE_REQUEST_LOG_H_
