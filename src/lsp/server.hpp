// `liftlint lsp`: a Language Server Protocol server for plans (.plan, .json) and rule files (.rules).
#pragma once

#include <istream>
#include <map>
#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "liftlint/config.hpp"
#include "liftlint/liftlint.hpp"
#include "lsp/protocol.hpp"

namespace liftlint::lsp {

struct ServerOptions {
  std::string today;  // for waiver expiry; empty: the local date
};

struct Knowledge;

// One open document and what it was last read as.
struct Document {
  enum class Kind { plan, json_plan, rules, config };
  std::string uri;
  std::string path;
  std::string text;
  long version = 0;
  Kind kind = Kind::plan;
  // what the last analysis found, for the text above
  bool analysed = false;
  std::vector<Problem> problems;
  std::shared_ptr<const PlanReading> reading;
  const Engine* engine = nullptr;
  std::shared_ptr<const Knowledge> knowledge;  // the engine's catalogue, rules and vocabulary
  std::shared_ptr<const Engine> own_engine;    // a rule file's: the built-in pack with the file
};

// The server's state. handle() takes one message and returns what to send back: a response for a
// request, and nothing or notifications otherwise. Diagnostics are sent by publish_pending(), which
// the stdio loop calls once the client has stopped typing for a moment.
class Server {
 public:
  explicit Server(ServerOptions options = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  [[nodiscard]] std::vector<Json> handle(const Json& message);
  [[nodiscard]] std::vector<Json> publish_pending();
  [[nodiscard]] bool pending() const { return !pending_.empty(); }
  [[nodiscard]] bool exited() const { return exited_; }
  // 0 after a shutdown request, 1 when the client exits without one, as the protocol asks.
  [[nodiscard]] int exit_code() const { return shut_down_ ? 0 : 1; }
  // A request the client cancelled before it was handled: answered with RequestCancelled.
  void cancel(const Json& id);

 private:
  struct Engines;
  Json dispatch(const std::string& method, const Json& params, std::vector<Json>& notifications);
  Json initialize(const Json& params);
  void open(const Json& params);
  void change(const Json& params);
  void close(const Json& params, std::vector<Json>& notifications);
  Document* document(const Json& params);
  Document& analysed(Document& d);
  static void shift_past_byte_order_mark(Document& d);
  [[nodiscard]] Json diagnostics(const Document& d);
  [[nodiscard]] Json hover(const Json& params);
  [[nodiscard]] Json completion(const Json& params);
  [[nodiscard]] Json code_actions(const Json& params);
  [[nodiscard]] Json formatting(const Json& params);
  [[nodiscard]] Json symbols(const Json& params);
  [[nodiscard]] Json definition(const Json& params, bool references);

  ServerOptions options_;
  Encoding encoding_ = Encoding::utf16;
  std::map<std::string, Document> documents_;
  std::set<std::string> pending_;
  std::set<std::string> cancelled_;
  std::unique_ptr<Engines> engines_;
  bool initialized_ = false;
  bool shut_down_ = false;
  bool exited_ = false;
};

// The server over a stream pair (standard input and output), until the client's exit notification or
// the end of input. Returns the process's exit code.
int serve(std::istream& in, std::ostream& out, ServerOptions options);

}  // namespace liftlint::lsp
