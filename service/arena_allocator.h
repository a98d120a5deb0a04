#ifndef ENTENTE_SERVICE_ARENA_ALLOCATOR_H_
#define ENTENTE_SERVICE_ARENA_ALLOCATOR_H_

// ArenaMessageAllocator: gives each callback-API call a protobuf Arena for its
// request and response. A timeline answer holds hundreds of strings; on an
// arena they are freed at once when the call ends instead of one by one, and
// the first 8 KiB come from a block inside the holder rather than malloc.
//
// Thread-safety: thread-safe (each call gets its own holder).

#include "google/protobuf/arena.h"
#include "grpcpp/support/message_allocator.h"

namespace entente::service {

template <typename Request, typename Response>
class ArenaMessageAllocator : public grpc::MessageAllocator<Request, Response> {
 public:
  grpc::MessageHolder<Request, Response>* AllocateMessages() override {
    return new Holder();
  }

 private:
  class Holder : public grpc::MessageHolder<Request, Response> {
   public:
    Holder() : arena_(Options(initial_block_)) {
      this->set_request(google::protobuf::Arena::CreateMessage<Request>(&arena_));
      this->set_response(google::protobuf::Arena::CreateMessage<Response>(&arena_));
    }
    void Release() override { delete this; }

   private:
    static google::protobuf::ArenaOptions Options(char* block) {
      google::protobuf::ArenaOptions options;
      options.initial_block = block;
      options.initial_block_size = sizeof(initial_block_);
      return options;
    }

    alignas(16) char initial_block_[8192];
    google::protobuf::Arena arena_;  // After the block it starts in.
  };
};

}  // namespace entente::service

#endif  // ENTENTE_SERVICE_ARENA_ALLOCATOR_H_
