#include "lsp/server.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "authoring/format.hpp"
#include "authoring/pack_check.hpp"
#include "liftlint/report.hpp"
#include "lsp/features.hpp"

namespace liftlint::lsp {
namespace {

// JSON-RPC's and the protocol's error codes.
constexpr int method_not_found = -32601;
constexpr int invalid_params = -32602;
constexpr int server_not_initialized = -32002;
constexpr int request_cancelled = -32800;
constexpr int invalid_request = -32600;
constexpr int internal_error = -32603;

Json error_response(const Json& id, int code, const std::string& message) {
  return Json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

Json notification(const std::string& method, Json params) {
  return Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

// A file URI's path, with %XX escapes decoded; any other URI stands for itself.
std::string path_of(const std::string& uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.rfind(scheme, 0) != 0) return uri;
  std::string out;
  for (std::size_t i = scheme.size(); i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit(static_cast<unsigned char>(uri[i + 1])) != 0 &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 2])) != 0) {
      out.push_back(static_cast<char>(std::stoi(uri.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(uri[i]);
    }
  }
  return out;
}

// liftlint counts the columns of a file's first line after its byte order mark; the editor's text holds it.
void shift_location(Location& l, const std::string& path) {
  if (l.file == path && l.line == 1) l.column += 3;
}

Document::Kind kind_of(const std::string& path, const std::string& language) {
  const auto extension = std::filesystem::path(path).extension().string();
  if (std::filesystem::path(path).filename() == config_file_name) return Document::Kind::config;
  if (extension == ".rules" || language == "liftlint-rules") return Document::Kind::rules;
  if (extension == ".json" || language == "json") return Document::Kind::json_plan;
  return Document::Kind::plan;
}

long modified(const std::string& path) {
  struct stat st {};
  return path.empty() || ::stat(path.c_str(), &st) != 0 ? 0 : static_cast<long>(st.st_mtime);
}

}  // namespace

// An engine for each configuration file, rebuilt when the file changes.
struct Server::Engines {
  struct Entry {
    long mtime = 0;
    Config config;
    std::unique_ptr<Engine> engine;
    std::shared_ptr<const Knowledge> knowledge;
    std::vector<Problem> problems;  // why no engine was built, or settings it left out
  };
  std::map<std::string, Entry> by_config;
  std::string today;

  Entry& for_document(const std::string& path) {
    const auto dir = std::filesystem::path(path).parent_path().string();
    const auto config_path = find_config(dir.empty() ? "." : dir);
    auto& entry = by_config[config_path];
    const auto mtime = modified(config_path);
    if (entry.engine && entry.mtime == mtime) return entry;
    entry = Entry{};
    entry.mtime = mtime;
    entry.config = effective_config(config_path, {}, entry.problems);
    auto built = build_engine(entry.config, today, true);
    entry.problems.insert(entry.problems.end(), built.problems.begin(), built.problems.end());
    entry.engine = std::move(built.engine);
    // a pack that does not load leaves the document with the built-in rules, and the pack's errors
    if (!entry.engine) {
      EngineOptions fallback;
      fallback.readings = true;
      fallback.today = today;
      entry.engine = Engine::create(fallback).engine;
    }
    if (entry.engine) entry.knowledge = std::make_shared<const Knowledge>(*entry.engine);
    return entry;
  }
};

Server::Server(ServerOptions options) : options_(std::move(options)), engines_(std::make_unique<Engines>()) {
  engines_->today = options_.today;
}

Server::~Server() = default;

void Server::cancel(const Json& id) { cancelled_.insert(id.dump()); }

std::vector<Json> Server::handle(const Json& message) {
  std::vector<Json> out;
  if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
    // a response to a request of ours, or no message at all
    if (message.is_object() && message.contains("id") && !message.contains("result") && !message.contains("error")) {
      out.push_back(error_response(message["id"], invalid_request, "expected a method name as a string"));
    }
    return out;
  }
  if (message.contains("params") && !message["params"].is_object() && !message["params"].is_array() &&
      !message["params"].is_null()) {
    if (message.contains("id"))
      out.push_back(error_response(message["id"], invalid_request, "params must be an object"));
    return out;
  }
  const auto method = message["method"].get<std::string>();
  const bool request = message.contains("id");
  const Json params = message.value("params", Json::object());
  if (request && cancelled_.erase(message["id"].dump()) > 0) {
    out.push_back(error_response(message["id"], request_cancelled, "cancelled"));
    return out;
  }
  if (!initialized_ && method != "initialize" && method != "exit") {
    if (request) out.push_back(error_response(message["id"], server_not_initialized, "initialize first"));
    return out;
  }
  if (shut_down_ && method != "exit") {
    if (request) out.push_back(error_response(message["id"], invalid_request, "the server is shutting down"));
    return out;
  }
  try {
    auto result = dispatch(method, params, out);
    if (request && result.is_discarded()) {
      out.push_back(error_response(message["id"], method_not_found, fmt::format("no method '{}'", method)));
    } else if (request) {
      out.push_back(Json{{"jsonrpc", "2.0"}, {"id", message["id"]}, {"result", std::move(result)}});
    }
  } catch (const Json::exception&) {
    if (request) {
      out.push_back(error_response(message["id"], invalid_params,
                                   fmt::format("the params of '{}' are not as the protocol defines them", method)));
    }
  } catch (const std::exception& e) {
    if (request) out.push_back(error_response(message["id"], internal_error, e.what()));
  }
  return out;
}

Json Server::dispatch(const std::string& method, const Json& params, std::vector<Json>& notifications) {
  if (method == "initialize") return initialize(params);
  if (method == "initialized" || method == "$/setTrace" || method == "workspace/didChangeConfiguration") return {};
  if (method == "shutdown") {
    shut_down_ = true;
    return nullptr;
  }
  if (method == "exit") {
    exited_ = true;
    return {};
  }
  if (method == "textDocument/didOpen") open(params);
  if (method == "textDocument/didChange") change(params);
  if (method == "textDocument/didClose") close(params, notifications);
  if (method.rfind("textDocument/did", 0) == 0 || method.rfind("$/", 0) == 0) return {};
  if (method == "textDocument/hover") return hover(params);
  if (method == "textDocument/completion") return completion(params);
  if (method == "textDocument/codeAction") return code_actions(params);
  if (method == "textDocument/formatting") return formatting(params);
  if (method == "textDocument/documentSymbol") return symbols(params);
  if (method == "textDocument/definition") return definition(params, false);
  if (method == "textDocument/references") return definition(params, true);
  return Json(Json::value_t::discarded);
}

Json Server::initialize(const Json& params) {
  initialized_ = true;
  const auto encodings = params.value("/capabilities/general/positionEncodings"_json_pointer, Json::array());
  const bool utf8 = std::find(encodings.begin(), encodings.end(), "utf-8") != encodings.end();
  encoding_ = utf8 ? Encoding::utf8 : Encoding::utf16;
  Json capabilities{
      {"positionEncoding", utf8 ? "utf-8" : "utf-16"},
      {"textDocumentSync", {{"openClose", true}, {"change", 1}}},
      {"hoverProvider", true},
      {"completionProvider", {{"triggerCharacters", Json::array({" ", "."})}, {"resolveProvider", false}}},
      {"codeActionProvider", {{"codeActionKinds", Json::array({"quickfix"})}}},
      {"documentFormattingProvider", true},
      {"documentSymbolProvider", true},
      {"definitionProvider", true},
      {"referencesProvider", true},
  };
  return Json{{"capabilities", std::move(capabilities)},
              {"serverInfo", {{"name", "liftlint"}, {"version", version()}}}};
}

void Server::open(const Json& params) {
  const auto& item = params.at("textDocument");
  Document d;
  d.uri = item.at("uri").get<std::string>();
  d.path = path_of(d.uri);
  d.text = item.at("text").get<std::string>();
  d.version = item.value("version", 0L);
  d.kind = kind_of(d.path, item.value("languageId", std::string{}));
  documents_[d.uri] = std::move(d);
  pending_.insert(item.at("uri").get<std::string>());
}

void Server::change(const Json& params) {
  auto* d = document(params);
  if (d == nullptr) return;
  for (const auto& change : params.at("contentChanges")) {
    if (change.contains("range")) {
      // an incremental change, from a client that ignored the full-text sync we asked for
      const LineIndex index(d->text, encoding_);
      const auto begin = index.offset(change["range"]["start"]);
      const auto end = std::max(begin, index.offset(change["range"]["end"]));
      d->text.replace(begin, end - begin, change.at("text").get<std::string>());
    } else {
      d->text = change.at("text").get<std::string>();
    }
  }
  d->version = params["textDocument"].value("version", d->version + 1);
  d->analysed = false;
  pending_.insert(d->uri);
}

void Server::close(const Json& params, std::vector<Json>& notifications) {
  const auto uri = params.at("textDocument").at("uri").get<std::string>();
  documents_.erase(uri);
  pending_.erase(uri);
  notifications.push_back(
      notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}}));
}

Document* Server::document(const Json& params) {
  const auto uri = params.at("textDocument").at("uri").get<std::string>();
  const auto it = documents_.find(uri);
  return it == documents_.end() ? nullptr : &it->second;
}

Document& Server::analysed(Document& d) {
  if (d.analysed) return d;
  auto& engines = engines_->for_document(d.path);
  d.engine = engines.engine.get();
  d.knowledge = engines.knowledge;
  d.problems.clear();
  d.reading = nullptr;
  for (const auto& p : engines.problems) {
    if (p.location.file == d.path || p.location.file.empty()) d.problems.push_back(p);
  }
  if (d.kind == Document::Kind::rules) {
    EngineOptions options;
    options.default_rules = engines.config.default_rules.value;
    options.rule_files.push_back(RuleFile{d.path, d.text});
    options.drafts = true;
    auto checked = authoring::check_packs(options, true);
    for (auto* list : {&checked.errors, &checked.warnings}) {
      for (auto& p : *list) d.problems.push_back(std::move(p));
    }
    // a file that loads is known by its own rules and sources too: hover, completion
    if (checked.errors.empty()) {
      if (auto own = Engine::create(options); own) {
        d.own_engine = std::shared_ptr<const Engine>(std::move(own.engine));
        d.engine = d.own_engine.get();
        d.knowledge = std::make_shared<const Knowledge>(*d.own_engine);
      }
    }
  } else if (d.kind == Document::Kind::config) {
    // its problems, as saved, are among the engine's; the configuration is no plan to check
  } else if (d.engine != nullptr) {
    auto report =
        d.engine->check_text(d.path, d.text, d.kind == Document::Kind::json_plan ? PlanFormat::json : PlanFormat::text);
    for (auto* list : {&report.errors, &report.findings, &report.notes}) {
      for (auto& p : *list) d.problems.push_back(std::move(p));
    }
    d.reading = report.reading;
  }
  if (d.text.rfind("\xEF\xBB\xBF", 0) == 0) shift_past_byte_order_mark(d);
  d.analysed = true;
  return d;
}

void Server::shift_past_byte_order_mark(Document& d) {
  for (auto& p : d.problems) {
    shift_location(p.location, d.path);
    for (auto& n : p.notes) {
      if (n.location) shift_location(*n.location, d.path);
    }
    for (auto& f : p.fixes) {
      for (auto& e : f.edits) shift_location(e.location, d.path);
    }
  }
}

Json Server::diagnostics(const Document& d) {
  const LineIndex index(d.text, encoding_);
  Json out = Json::array();
  for (const auto& p : d.problems) out.push_back(diagnostic_json(p, d, index));
  return out;
}

std::vector<Json> Server::publish_pending() {
  std::vector<Json> out;
  for (const auto& uri : pending_) {
    auto it = documents_.find(uri);
    if (it == documents_.end()) continue;
    auto& d = analysed(it->second);
    out.push_back(notification("textDocument/publishDiagnostics",
                               {{"uri", uri}, {"version", d.version}, {"diagnostics", diagnostics(d)}}));
  }
  pending_.clear();
  return out;
}

Json Server::hover(const Json& params) {
  auto* d = document(params);
  if (d == nullptr) return nullptr;
  auto& doc = analysed(*d);
  const LineIndex index(doc.text, encoding_);
  const auto [line, column] = index.line_column(index.offset(params.at("position")));
  const auto text = hover_text(doc, line, column, index);
  if (text.empty()) return nullptr;
  return Json{{"contents", {{"kind", "markdown"}, {"value", text}}}};
}

Json Server::completion(const Json& params) {
  auto* d = document(params);
  if (d == nullptr) return Json::array();
  auto& doc = analysed(*d);
  const LineIndex index(doc.text, encoding_);
  const auto offset = index.offset(params.at("position"));
  const auto [line, column] = index.line_column(offset);
  return completion_items(doc, index.line(line).substr(0, column - 1));
}

Json Server::code_actions(const Json& params) {
  auto* d = document(params);
  if (d == nullptr) return Json::array();
  auto& doc = analysed(*d);
  const LineIndex index(doc.text, encoding_);
  // every action is a quick fix: a client that asks only for other kinds gets none
  const auto only = params.value("/context/only"_json_pointer, Json::array({"quickfix"}));
  const bool quickfix = std::any_of(only.begin(), only.end(), [](const Json& kind) {
    return kind.is_string() && std::string("quickfix").rfind(kind.get<std::string>(), 0) == 0;
  });
  if (!quickfix) return Json::array();
  const auto first = index.line_column(index.offset(params.at("range").at("start"))).first;
  const auto last = index.line_column(index.offset(params.at("range").at("end"))).first;
  return actions_for(doc, std::min(first, last), std::max(first, last), index);
}

Json Server::formatting(const Json& params) {
  auto* d = document(params);
  if (d == nullptr || d->kind == Document::Kind::json_plan) return nullptr;
  const auto kind = d->kind == Document::Kind::rules ? authoring::FileKind::rules : authoring::FileKind::plan;
  const bool bom = d->text.rfind("\xEF\xBB\xBF", 0) == 0;
  const auto layout = authoring::lay_out(d->path, bom ? d->text.substr(3) : d->text, kind);
  // a file that does not read has no layout: its errors are already among the diagnostics
  if (!layout.errors.empty() || layout.changes_meaning) return nullptr;
  const auto after = bom ? "\xEF\xBB\xBF" + layout.text : layout.text;
  if (after == d->text) return Json::array();
  const LineIndex index(d->text, encoding_);
  return Json::array(
      {{{"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", index.end()}}}, {"newText", after}}});
}

Json Server::symbols(const Json& params) {
  auto* d = document(params);
  if (d == nullptr) return Json::array();
  auto& doc = analysed(*d);
  const LineIndex index(doc.text, encoding_);
  return doc.kind == Document::Kind::rules ? rule_file_symbols(index) : plan_symbols(doc, index);
}

Json Server::definition(const Json& params, bool references) {
  auto* d = document(params);
  if (d == nullptr) return nullptr;
  const LineIndex index(d->text, encoding_);
  const auto offset = index.offset(params.at("position"));
  std::vector<const Document*> open;
  for (const auto& [uri, doc] : documents_) open.push_back(&doc);
  const bool declaration = params.value("/context/includeDeclaration"_json_pointer, true);
  return find_names(*d, offset, open, references, declaration, encoding_);
}

namespace {

// Messages read from the client by a thread of their own, so that a cancellation or a change can
// arrive while the server works.
class Inbox {
 public:
  void push(std::optional<Json> message) {
    std::lock_guard lock(mutex_);
    if (message) {
      messages_.push_back(std::move(*message));
    } else {
      closed_ = true;
    }
    ready_.notify_one();
  }

  // Everything received so far; waits up to `wait` for the first message.
  std::deque<Json> take(std::chrono::milliseconds wait, bool& closed) {
    std::unique_lock lock(mutex_);
    ready_.wait_for(lock, wait, [&] { return !messages_.empty() || closed_; });
    closed = closed_ && messages_.empty();
    return std::exchange(messages_, {});
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Json> messages_;
  bool closed_ = false;
};

// Diagnostics wait until the client has been quiet this long, so that typing is not slowed down.
constexpr auto quiet_time = std::chrono::milliseconds(60);

// What the reading thread shares with the server's: kept alive by both, since a thread still reading
// when the client exits is left behind.
struct Shared {
  Inbox inbox;
  std::mutex done_mutex;
  std::condition_variable done_signal;
  bool done = false;
};

void read_messages(std::istream& in, const std::shared_ptr<Shared>& shared) {
  while (auto body = read_frame(in)) {
    auto message = Json::parse(*body, nullptr, false);
    // answered by the server's thread, which alone writes
    shared->inbox.push(message.is_discarded() ? Json{{"unreadable", true}} : std::move(message));
  }
  shared->inbox.push(std::nullopt);
  std::lock_guard lock(shared->done_mutex);
  shared->done = true;
  shared->done_signal.notify_all();
}

bool is_cancellation(const Json& m) {
  if (!m.is_object() || !m.contains("method") || m["method"] != "$/cancelRequest") return false;
  return m.contains("params") && m["params"].is_object() && m["params"].contains("id");
}

void handle_batch(Server& server, std::deque<Json>& batch, const std::function<void(const std::vector<Json>&)>& send) {
  // a cancellation counts for requests of the same batch that are still waiting
  for (const auto& m : batch) {
    if (is_cancellation(m)) server.cancel(m["params"]["id"]);
  }
  for (const auto& m : batch) {
    if (m.is_object() && m.contains("unreadable")) {
      send({error_response(nullptr, -32700, "the message is not JSON")});
    } else {
      send(server.handle(m));
    }
    if (server.exited()) return;
  }
}

}  // namespace

int serve(std::istream& in, std::ostream& out, ServerOptions options) {
  Server server(std::move(options));
  auto shared = std::make_shared<Shared>();
  std::thread reader([&in, shared] { read_messages(in, shared); });
  const std::function<void(const std::vector<Json>&)> send = [&](const std::vector<Json>& messages) {
    for (const auto& m : messages) write_frame(out, m);
  };
  bool closed = false;
  while (!server.exited() && !closed) {
    auto batch = shared->inbox.take(server.pending() ? quiet_time : std::chrono::hours(1), closed);
    if (batch.empty()) {
      send(server.publish_pending());
      continue;
    }
    handle_batch(server, batch, send);
  }
  if (!server.exited()) send(server.publish_pending());
  // a stream that ends is read to its end; one the client keeps open is left to the reading thread
  std::unique_lock lock(shared->done_mutex);
  if (shared->done_signal.wait_for(lock, std::chrono::milliseconds(200), [&] { return shared->done; })) {
    lock.unlock();
    reader.join();
  } else {
    lock.unlock();
    reader.detach();
  }
  return server.exited() ? server.exit_code() : 1;
}

}  // namespace liftlint::lsp
