#ifndef ENTENTE_TESTS_BENCH_HTTP_LOAD_CLIENT_H_
#define ENTENTE_TESTS_BENCH_HTTP_LOAD_CLIENT_H_

// A bounded HTTP load client for the JSON API (service/http/): `concurrency`
// kept-alive connections, each a thread with one
//   GET /api/v1/entities/{id}/timeline?page_size=50
// in flight at a time (the same request as load_client.h's timelines), for a
// fixed time. A call is an error unless the answer is 200. Reports as
// load_client.h does, under QueryKind::kTimeline.
//
// Thread-safety: RunHttpLoad is called from one thread; it starts its own.

#include <string>

#include "tests/bench/load_client.h"

namespace entente::bench {

// Uses options.concurrency, duration, entities and seed; path_share is ignored.
LoadReport RunHttpLoad(const std::string& host, int port, const LoadOptions& options);

}  // namespace entente::bench

#endif  // ENTENTE_TESTS_BENCH_HTTP_LOAD_CLIENT_H_
