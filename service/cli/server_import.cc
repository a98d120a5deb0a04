#include "service/cli/server_import.h"

#include <fstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace entente::service::cli {
namespace {

namespace v1 = ::entente::v1;

constexpr size_t kPieceBytes = size_t{4} << 20;

using Writer = grpc::ClientWriter<v1::ImportDigestsRequest>;

// Relation JSON Lines as `entente extract` prints them start with "type".
bool LooksLikeRelationJsonl(absl::string_view head) {
  return absl::StartsWith(absl::StripLeadingAsciiWhitespace(head), "{\"type\"");
}

// Sends `in` as one document in pieces; false when the stream broke.
bool SendDocument(std::ifstream& in, const std::string& name,
                  const std::string& published, Writer& writer) {
  std::string piece(kPieceBytes, '\0');
  bool first = true;
  while (first || in) {
    in.read(piece.data(), static_cast<std::streamsize>(piece.size()));
    v1::ImportDigestsRequest request;
    v1::DigestDocument* document = request.mutable_document();
    document->set_name(name);
    document->set_published(published);
    document->set_continues(!first);
    document->set_text(piece.data(), static_cast<size_t>(in.gcount()));
    if (!writer.Write(request)) return false;
    first = false;
  }
  return true;
}

// Sends `in` as relation chunks of whole lines; false when the stream broke.
bool SendRelationChunks(std::ifstream& in, const std::string& name, Writer& writer) {
  std::string carry;
  std::string block(kPieceBytes, '\0');
  while (true) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    carry.append(block.data(), static_cast<size_t>(in.gcount()));
    const bool at_end = !in;
    if (at_end && !carry.empty() && carry.back() != '\n') carry += '\n';
    if (size_t end = carry.rfind('\n'); end != std::string::npos) {
      v1::ImportDigestsRequest request;
      request.mutable_relation_chunk()->set_name(name);
      request.mutable_relation_chunk()->set_jsonl(carry.substr(0, end + 1));
      carry.erase(0, end + 1);
      if (!writer.Write(request)) return false;
    }
    if (at_end) return true;
  }
}

ImportCounts CountsOf(const v1::ImportDigestsResponse& response) {
  ImportCounts counts;
  counts.documents = response.documents();
  counts.items = response.items();
  counts.relations_new = response.relations_new();
  counts.relations_merged = response.relations_merged();
  counts.relations_unchanged = response.relations_unchanged();
  counts.entities_new = response.entities_new();
  counts.documents_rejected = response.documents_rejected();
  for (const v1::RejectedDocument& rejected : response.rejected()) {
    counts.rejected.push_back({rejected.name(), rejected.reason()});
  }
  return counts;
}

}  // namespace

absl::StatusOr<ImportCounts> ImportThroughServer(GraphClient& client,
                                                 const std::vector<std::string>& files,
                                                 const std::string& published,
                                                 int64_t max_document_bytes) {
  std::vector<RejectedInput> rejected_here;
  v1::ImportDigestsResponse response;
  std::unique_ptr<grpc::ClientContext> context = client.NewContext();
  std::unique_ptr<Writer> writer = client.stub().ImportDigests(context.get(), &response);
  bool stream_ok = true;
  for (const std::string& path : files) {
    if (!stream_ok) break;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
      rejected_here.push_back({path, absl::StrCat(path, ": cannot open")});
      continue;
    }
    const int64_t size = static_cast<int64_t>(in.tellg());
    in.seekg(0);
    if (size <= max_document_bytes) {
      stream_ok = SendDocument(in, path, published, *writer);
      continue;
    }
    std::string head(64, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    in.seekg(0);
    if (!LooksLikeRelationJsonl(head)) {
      rejected_here.push_back(
          {path, absl::StrCat(path, ": larger than ", max_document_bytes,
                              " bytes; import it with --db")});
      continue;
    }
    stream_ok = SendRelationChunks(in, path, *writer);
  }
  writer->WritesDone();
  grpc::Status status = writer->Finish();
  if (!status.ok()) return FromGrpc(status);
  ImportCounts counts = CountsOf(response);
  counts.documents += static_cast<int64_t>(rejected_here.size());
  counts.documents_rejected += static_cast<int64_t>(rejected_here.size());
  for (RejectedInput& rejected : rejected_here) {
    counts.rejected.push_back(std::move(rejected));
  }
  return counts;
}

}  // namespace entente::service::cli
