// GraphServiceImpl: authorization, ImportDigests and WatchRelations.

#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "service/convert.h"
#include "service/entity_resolver.h"
#include "service/graph_service.h"
#include "service/grpc_status.h"
#include "service/import_pipeline.h"

namespace entente::service {
namespace {

// Compares without an early exit, so the time taken does not tell an attacker
// how much of a guessed token was right.
bool ConstantTimeEquals(absl::string_view a, absl::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char other = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= static_cast<unsigned char>(a[i]) ^ other;
  }
  return diff == 0;
}

// A document being received, possibly in several messages.
struct PendingDocument {
  std::string name;
  std::string text;
  importers::ImportOptions options;
};

// A failed stream's error, telling the client what it had already stored:
// whole items stay, so a retry of the rest is safe. Payloads are kept.
absl::Status WithImportedSoFar(const absl::Status& error, const ImportCounts& counts) {
  if (counts.items == 0) return error;
  absl::Status status(
      error.code(),
      absl::StrCat(error.message(), " (before this, ", counts.items, " items of ",
                   counts.documents, " documents were imported: ", counts.relations_new,
                   " relations new, ", counts.relations_merged, " merged; they stay)"));
  error.ForEachPayload([&](absl::string_view url, const absl::Cord& payload) {
    status.SetPayload(url, payload);
  });
  return status;
}

}  // namespace

absl::Status GraphServiceImpl::Authorize(const grpc::ServerContextBase& context,
                                         bool is_import) const {
  if (options_.auth_token.empty() || (!is_import && !options_.auth_all)) {
    return absl::OkStatus();
  }
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) {
    return absl::UnauthenticatedError(
        "this call needs the metadata \"authorization: Bearer <token>\"");
  }
  absl::string_view given(it->second.data(), it->second.size());
  if (!ConstantTimeEquals(given, absl::StrCat("Bearer ", options_.auth_token))) {
    return absl::UnauthenticatedError("the bearer token is not valid");
  }
  return absl::OkStatus();
}

grpc::Status GraphServiceImpl::ImportDigests(
    grpc::ServerContext* context, grpc::ServerReader<v1::ImportDigestsRequest>* reader,
    v1::ImportDigestsResponse* response) {
  CallsInFlight::Scope in_flight(&calls_in_flight_);
  absl::Status status = Authorize(*context, /*is_import=*/true);
  if (status.ok() && extractor_ == nullptr) {
    status = absl::FailedPreconditionError("this server was started without an importer");
  }
  if (status.ok()) status = DoImport(context, reader, response);
  return ToGrpcStatus(status);
}

absl::Status GraphServiceImpl::DoImport(
    grpc::ServerContext* context, grpc::ServerReader<v1::ImportDigestsRequest>* reader,
    v1::ImportDigestsResponse* response) {
  ImportPipeline pipeline(store_, extractor_, &broadcaster_);
  // Entities may gain aliases or names with every item.
  pipeline.set_progress([this](const ImportCounts&) { entities_.Clear(); });
  std::optional<PendingDocument> pending;
  auto flush = [&]() -> absl::Status {
    if (!pending.has_value()) return absl::OkStatus();
    PendingDocument document = std::move(*pending);
    pending.reset();
    return pipeline.ImportBytes(document.name, document.text, document.options);
  };
  auto read_all = [&]() -> absl::Status {
    v1::ImportDigestsRequest request;
    while (reader->Read(&request)) {
      if (request.has_relation_chunk()) {
        ENTENTE_RETURN_IF_ERROR(flush());
        const v1::RelationChunk& chunk = request.relation_chunk();
        if (chunk.name().empty()) {
          return InvalidFieldError("relation_chunk.name", "a name is required");
        }
        ENTENTE_RETURN_IF_ERROR(pipeline.ImportBytes(chunk.name(), chunk.jsonl(), {}));
        continue;
      }
      if (!request.has_document()) {
        return InvalidFieldError("payload", "the message carries no document or chunk");
      }
      v1::DigestDocument* document = request.mutable_document();
      if (document->continues()) {
        if (!pending.has_value() || pending->name != document->name()) {
          return InvalidFieldError(
              "document.continues",
              absl::StrCat("no document ", QuoteInput(document->name()),
                           " is in progress"));
        }
      } else {
        ENTENTE_RETURN_IF_ERROR(flush());
        if (document->name().empty()) {
          return InvalidFieldError("document.name", "a name is required");
        }
        pending.emplace();
        pending->name = document->name();
        pending->options.published_name = "document.published";
        if (!document->published().empty()) {
          auto published = graph::DateWithPrecision::Parse(document->published());
          if (!published.ok()) {
            return InvalidFieldError("document.published",
                                     absl::StrCat(QuoteInput(document->published()),
                                                  " is not a YYYY-MM-DD date"));
          }
          pending->options.published = *published;
        }
      }
      if (static_cast<int64_t>(pending->text.size() + document->text().size()) >
          options_.max_document_bytes) {
        return FieldLimitError(
            "document.text",
            absl::StrCat("document ", QuoteInput(document->name()), " is larger than ",
                         options_.max_document_bytes, " bytes"));
      }
      pending->text.append(document->text());
    }
    // Read() is false at the end of the stream and when the call was cancelled
    // (or the server gave up waiting at shutdown): only a complete stream may
    // import its last document.
    if (context->IsCancelled()) {
      return absl::CancelledError(
          "the import was cancelled; whole items already "
          "imported stay");
    }
    return flush();
  };
  absl::Status status = read_all();
  // Whatever happened, publish the items that were written.
  absl::Status finished = pipeline.Finish();
  entities_.Clear();
  if (status.ok()) status = finished;
  const ImportCounts& counts = pipeline.counts();
  if (!status.ok()) return WithImportedSoFar(status, counts);
  response->set_documents(counts.documents);
  response->set_items(counts.items);
  response->set_relations_new(counts.relations_new);
  response->set_relations_merged(counts.relations_merged);
  response->set_relations_unchanged(counts.relations_unchanged);
  response->set_entities_new(counts.entities_new);
  response->set_documents_rejected(counts.documents_rejected);
  for (const RejectedInput& rejected : counts.rejected) {
    v1::RejectedDocument* out = response->add_rejected();
    out->set_name(rejected.name);
    out->set_reason(rejected.reason);
  }
  return absl::OkStatus();
}

grpc::Status GraphServiceImpl::WatchRelations(
    grpc::ServerContext* context, const v1::WatchRelationsRequest* request,
    grpc::ServerWriter<v1::WatchRelationsResponse>* writer) {
  absl::Status status = Authorize(*context, /*is_import=*/false);
  if (status.ok()) status = DoWatch(context, *request, writer);
  return ToGrpcStatus(status);
}

absl::Status GraphServiceImpl::DoWatch(
    grpc::ServerContext* context, const v1::WatchRelationsRequest& request,
    grpc::ServerWriter<v1::WatchRelationsResponse>* writer) {
  WatchFilter filter;
  ENTENTE_ASSIGN_OR_RETURN(filter.types, TypesFromProto(request.types(), "types"));
  if (!request.entity().empty()) {
    CancellationWatcher::Scope cancellation(&cancellation_, context);
    ENTENTE_ASSIGN_OR_RETURN(
        graph::Entity entity,
        ResolveEntity(entities_, request.entity(), "entity", cancellation.flag()));
    filter.entity = entity.id;
  }
  std::shared_ptr<Subscription> subscription =
      broadcaster_.Subscribe(std::move(filter), options_.watch_queue);
  // Once the client has the initial metadata, the subscription is live: every
  // relation imported from then on reaches this stream.
  writer->SendInitialMetadata();
  graph::Relation relation;
  v1::WatchRelationsResponse response;
  while (!context->IsCancelled()) {
    switch (subscription->Next(absl::Milliseconds(100), &relation)) {
      case Subscription::Event::kRelation:
        response.Clear();
        ToProto(relation, response.mutable_relation());
        if (!writer->Write(response))
          return absl::CancelledError("the watcher went away");
        break;
      case Subscription::Event::kTimeout:
        break;
      case Subscription::Event::kClosed:
        return absl::UnavailableError("the server is shutting down; watch again later");
      case Subscription::Event::kOverflow:
        return absl::ResourceExhaustedError(absl::StrCat(
            "this watcher fell more than ", options_.watch_queue,
            " relations behind and was dropped; watch again and read faster"));
    }
  }
  return absl::CancelledError("the watcher cancelled");
}

void GraphServiceImpl::BeginShutdown() { broadcaster_.Close(); }

}  // namespace entente::service
