// The language server driven by JSON-RPC messages, as an editor sends them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "lsp/protocol.hpp"
#include "lsp/server.hpp"

namespace {

using liftlint::lsp::Json;
using liftlint::lsp::Server;

// A flawed plan: a forbidden deadlift, a misspelt exercise and a loaded rotation for a client with
// low back pain.
constexpr const char* flawed_plan =
    "client {\n"
    "  conditions low_back_pain\n"
    "  cleared yes by \"physiotherapist\" on 2026-09-14\n"
    "}\n"
    "mon strength 30min {\n"
    "  warmup 5min { cat-cow x10 }\n"
    "  Deadlift 3x5 @ 100kg\n"
    "  Goblet sqaut 3x10 @ 8kg\n"
    "  cooldown { hamstring stretch 30s }\n"
    "}\n";

std::string frame(const Json& m) {
  const auto body = m.dump();
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

class Lsp : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("liftlint-lsp-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string uri(const std::string& name) const { return "file://" + (dir_ / name).string(); }

  Json request(const std::string& method, Json params) {
    const auto out = server_.handle({{"jsonrpc", "2.0"}, {"id", ++id_}, {"method", method}, {"params", params}});
    EXPECT_EQ(out.size(), 1u) << method;
    return out.empty() ? Json{} : out.front();
  }
  Json result(const std::string& method, Json params) { return request(method, std::move(params))["result"]; }

  void notify(const std::string& method, Json params) {
    const auto out = server_.handle({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
    EXPECT_TRUE(out.empty()) << method;
  }

  void initialize() {
    result("initialize", {{"capabilities", Json::object()}});
    notify("initialized", Json::object());
  }

  // Opens a document and returns the diagnostics published for it.
  Json open(const std::string& name, const std::string& text) {
    notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri(name)}, {"languageId", "liftlint"}, {"version", 1}, {"text", text}}}});
    return published(name);
  }

  Json published(const std::string& name) {
    for (const auto& m : server_.publish_pending()) {
      if (m["params"]["uri"] == uri(name)) return m["params"];
    }
    ADD_FAILURE() << "no diagnostics published for " << name;
    return {};
  }

  static Json at(int line, int character) { return {{"line", line}, {"character", character}}; }
  Json doc(const std::string& name, int line, int character) {
    return {{"textDocument", {{"uri", uri(name)}}}, {"position", at(line, character)}};
  }

  static Json with_code(const Json& diagnostics, const std::string& code) {
    for (const auto& d : diagnostics) {
      if (d.value("code", "") == code) return d;
    }
    return nullptr;
  }

  std::filesystem::path dir_;
  Server server_;
  int id_ = 0;
};

TEST_F(Lsp, InitializeAnnouncesEveryFeatureAndTheServer) {
  const auto response = request("initialize", {{"capabilities", Json::object()}});
  const auto expected = Json::parse(R"({
    "jsonrpc": "2.0", "id": 1,
    "result": {
      "capabilities": {
        "positionEncoding": "utf-16",
        "textDocumentSync": {"openClose": true, "change": 1},
        "hoverProvider": true,
        "completionProvider": {"triggerCharacters": [" ", "."], "resolveProvider": false},
        "codeActionProvider": {"codeActionKinds": ["quickfix"]},
        "documentFormattingProvider": true,
        "documentSymbolProvider": true,
        "definitionProvider": true,
        "referencesProvider": true
      },
      "serverInfo": {"name": "liftlint", "version": ")" +
                                    std::string(liftlint::version()) + R"("}
    }
  })");
  EXPECT_EQ(response, expected);
}

TEST_F(Lsp, UsesBytesForPositionsWhenTheClientOffersThem) {
  const auto r = result("initialize", {{"capabilities", {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}}}});
  EXPECT_EQ(r["capabilities"]["positionEncoding"], "utf-8");
}

TEST_F(Lsp, RequestsBeforeInitializeAreRefused) {
  const auto r = request("textDocument/hover", doc("a.plan", 0, 0));
  EXPECT_EQ(r["error"]["code"], -32002);
}

TEST_F(Lsp, PublishesFindingsAndInputErrorsOnOpen) {
  initialize();
  const auto params = open("week.plan", flawed_plan);
  EXPECT_EQ(params["version"], 1);
  const auto deadlift = with_code(params["diagnostics"], "bp.avoid-deadlift");
  ASSERT_FALSE(deadlift.is_null()) << params.dump(2);
  EXPECT_EQ(deadlift["range"], (Json{{"start", at(6, 2)}, {"end", at(6, 10)}}));
  EXPECT_EQ(deadlift["severity"], 1);
  EXPECT_EQ(deadlift["source"], "liftlint");
  EXPECT_EQ(deadlift["message"].get<std::string>().rfind("avoid conventional deadlifts with back pain\nhelp: ", 0), 0u);
  bool unknown = false;
  for (const auto& d : params["diagnostics"]) {
    if (d["message"].get<std::string>().rfind("unknown exercise 'Goblet sqaut'\nhelp: did you mean 'goblet squat'?",
                                              0) == 0) {
      unknown = true;
      EXPECT_EQ(d["range"], (Json{{"start", at(7, 2)}, {"end", at(7, 14)}}));
      EXPECT_FALSE(d.contains("code"));
    }
  }
  EXPECT_TRUE(unknown) << params.dump(2);
}

// A line read as a note is shown as information, with its code, where the trainer wrote it.
TEST_F(Lsp, PublishesNotesAsInformation) {
  initialize();
  const auto params = open("notes.plan", "Monday\nGoblet squat 3x10\nRach\n");
  const auto note = with_code(params["diagnostics"], "plan.note");
  ASSERT_FALSE(note.is_null()) << params.dump(2);
  EXPECT_EQ(note["severity"], 3);
  EXPECT_EQ(note["range"], (Json{{"start", at(2, 0)}, {"end", at(2, 4)}}));
  EXPECT_EQ(note["message"].get<std::string>().rfind("'Rach' read as a note: no exercise the catalogue knows", 0), 0u);
}

TEST_F(Lsp, RelatedInformationPointsAtTheOtherSession) {
  initialize();
  const auto params =
      open("rest.plan", "mon strength 30min {\n  glute bridge 3x12\n}\ntue strength 30min {\n  glute bridge 3x12\n}\n");
  const auto recovery = with_code(params["diagnostics"], "bp.muscle-recovery");
  ASSERT_FALSE(recovery.is_null()) << params.dump(2);
  ASSERT_TRUE(recovery.contains("relatedInformation")) << recovery.dump(2);
  const auto& related = recovery["relatedInformation"][0];
  EXPECT_EQ(related["location"],
            (Json{{"uri", uri("rest.plan")}, {"range", {{"start", at(0, 0)}, {"end", at(0, 3)}}}}));
  EXPECT_EQ(related["message"].get<std::string>().rfind("the previous strength session is at ", 0), 0u);
}

TEST_F(Lsp, AChangeRepublishesAndAFixedPlanHasNoFinding) {
  initialize();
  open("week.plan", flawed_plan);
  std::string fixed = flawed_plan;
  fixed.replace(fixed.find("Deadlift 3x5 @ 100kg"), 20, "Glute bridge 3x12");
  notify("textDocument/didChange",
         {{"textDocument", {{"uri", uri("week.plan")}, {"version", 2}}}, {"contentChanges", {{{"text", fixed}}}}});
  const auto params = published("week.plan");
  EXPECT_EQ(params["version"], 2);
  EXPECT_TRUE(with_code(params["diagnostics"], "bp.avoid-deadlift").is_null());
}

TEST_F(Lsp, IncrementalChangesAreAppliedToo) {
  initialize();
  open("week.plan", flawed_plan);
  const Json range{{"start", at(6, 2)}, {"end", at(6, 10)}};
  notify("textDocument/didChange", {{"textDocument", {{"uri", uri("week.plan")}, {"version", 2}}},
                                    {"contentChanges", {{{"range", range}, {"text", "Trap-bar deadlift"}}}}});
  EXPECT_TRUE(with_code(published("week.plan")["diagnostics"], "bp.avoid-deadlift").is_null());
}

TEST_F(Lsp, HoverOnAFindingShowsTheRuleItsSourcesAndTheExercise) {
  initialize();
  open("week.plan", flawed_plan);
  const auto hover = result("textDocument/hover", doc("week.plan", 6, 4));
  ASSERT_EQ(hover["contents"]["kind"], "markdown");
  const auto text = hover["contents"]["value"].get<std::string>();
  EXPECT_NE(text.find("**error[bp.avoid-deadlift]**: avoid conventional deadlifts with back pain"), std::string::npos);
  EXPECT_NE(text.find("\nSources:\n- "), std::string::npos) << text;
  EXPECT_NE(text.find("**deadlift** (catalogue)"), std::string::npos) << text;
  EXPECT_NE(text.find("- spinal load: high"), std::string::npos) << text;
}

TEST_F(Lsp, HoverOnAnExerciseNameShowsItsCatalogueEntry) {
  initialize();
  open("week.plan", flawed_plan);
  const auto text = result("textDocument/hover", doc("week.plan", 5, 17))["contents"]["value"].get<std::string>();
  EXPECT_EQ(text.rfind("**cat-cow** (catalogue)\n\n- muscles: ", 0), 0u) << text;
  EXPECT_NE(text.find("- also written: "), std::string::npos) << text;
}

TEST_F(Lsp, HoverOnBlankTextIsNull) {
  initialize();
  open("week.plan", flawed_plan + std::string("\n\n"));
  EXPECT_TRUE(result("textDocument/hover", doc("week.plan", 11, 0)).is_null());
}

TEST_F(Lsp, CompletesExerciseNamesWithTheirAttributes) {
  initialize();
  open("week.plan", "mon strength 30min {\n  gobl\n}\n");
  const auto r = result("textDocument/completion", doc("week.plan", 1, 6));
  EXPECT_TRUE(r["isIncomplete"].get<bool>());
  bool goblet = false;
  for (const auto& item : r["items"]) {
    EXPECT_NE(item["label"].get<std::string>().find("gobl"), std::string::npos) << item.dump();
    if (item["label"] == "goblet squat") {
      goblet = true;
      EXPECT_EQ(item["kind"], 12);
      EXPECT_EQ(item["detail"], "squat · standing · spinal load moderate · loaded");
    }
  }
  EXPECT_TRUE(goblet) << r.dump(2);
}

TEST_F(Lsp, CompletesRuleIdsInWaiversAndConditionsInTheClientBlock) {
  initialize();
  open("week.plan", "client {\n  conditions \n}\nmon strength 30min {\n  deadlift 3x8  waive bp.\n}\n");
  const auto rules = result("textDocument/completion", doc("week.plan", 4, 25));
  bool avoid = false;
  for (const auto& item : rules["items"]) avoid = avoid || item["label"] == "bp.avoid-deadlift";
  EXPECT_TRUE(avoid) << rules.dump(2).substr(0, 2000);
  const auto conditions = result("textDocument/completion", doc("week.plan", 1, 13));
  bool low_back_pain = false;
  for (const auto& item : conditions["items"]) {
    if (item["label"] == "low_back_pain") low_back_pain = item["detail"] == "Low back pain";
  }
  EXPECT_TRUE(low_back_pain) << conditions.dump(2).substr(0, 2000);
}

TEST_F(Lsp, CodeActionsOfferEveryFixAndAWaiver) {
  initialize();
  open("week.plan", flawed_plan);
  const auto actions = result("textDocument/codeAction", {{"textDocument", {{"uri", uri("week.plan")}}},
                                                          {"range", {{"start", at(6, 0)}, {"end", at(7, 0)}}},
                                                          {"context", {{"diagnostics", Json::array()}}}});
  std::vector<std::string> titles;
  for (const auto& a : actions) titles.push_back(a["title"]);
  const std::vector<std::string> expected{
      "replace 'deadlift' with 'trap-bar deadlift' (3 × 8, lighter)",
      "replace 'deadlift' with 'romanian deadlift' (3 × 8, lighter)",
      "waive bp.avoid-deadlift on this line",
      "waive bp.lighter-loads-more-reps on this line",
      "replace 'Goblet sqaut' with 'goblet squat'",
  };
  EXPECT_EQ(titles, expected);
  const auto& substitute = actions[0];
  EXPECT_EQ(substitute["kind"], "quickfix");
  EXPECT_FALSE(substitute["isPreferred"].get<bool>());
  const auto edits = substitute["edit"]["changes"][uri("week.plan")];
  const auto expected_edits = Json::parse(R"([
    {"range": {"start": {"line": 6, "character": 2}, "end": {"line": 6, "character": 10}}, "newText": "Trap-bar deadlift"},
    {"range": {"start": {"line": 6, "character": 13}, "end": {"line": 6, "character": 14}}, "newText": "8"},
    {"range": {"start": {"line": 6, "character": 14}, "end": {"line": 6, "character": 22}}, "newText": ""}
  ])");
  EXPECT_EQ(edits, expected_edits);
  const auto& typo = actions[4];
  EXPECT_TRUE(typo["isPreferred"].get<bool>());
  EXPECT_EQ(typo["edit"]["changes"][uri("week.plan")][0]["newText"], "Goblet squat");
  const auto waiver = actions[2]["edit"]["changes"][uri("week.plan")][0];
  EXPECT_EQ(waiver["newText"], "  waive bp.avoid-deadlift reason \"why this does not apply to this client\"");
  EXPECT_EQ(waiver["range"]["start"], at(6, 22));
}

TEST_F(Lsp, AWaiverFromACodeActionSuppressesTheFinding) {
  initialize();
  open("week.plan", flawed_plan);
  const auto actions = result("textDocument/codeAction", {{"textDocument", {{"uri", uri("week.plan")}}},
                                                          {"range", {{"start", at(6, 0)}, {"end", at(6, 0)}}},
                                                          {"context", {{"diagnostics", Json::array()}}}});
  std::string text = flawed_plan;
  const auto line_end = text.find("100kg") + 5;
  text.insert(line_end, actions[2]["edit"]["changes"][uri("week.plan")][0]["newText"].get<std::string>());
  notify("textDocument/didChange",
         {{"textDocument", {{"uri", uri("week.plan")}, {"version", 2}}}, {"contentChanges", {{{"text", text}}}}});
  const auto diagnostics = published("week.plan")["diagnostics"];
  EXPECT_TRUE(with_code(diagnostics, "bp.avoid-deadlift").is_null()) << diagnostics.dump(2);
}

TEST_F(Lsp, FormattingGivesOneEditOfTheWholeDocument) {
  initialize();
  open("week.plan", "mon strength 30min {\nglute bridge 3x12\n}\n");
  const auto edits =
      result("textDocument/formatting", {{"textDocument", {{"uri", uri("week.plan")}}}, {"options", Json::object()}});
  const auto expected =
      Json::parse(R"([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 3, "character": 0}},
                                         "newText": "mon strength 30min {\n  glute bridge 3x12\n}\n"}])");
  EXPECT_EQ(edits, expected);
}

TEST_F(Lsp, DocumentSymbolsAreWeeksSessionsAndExercises) {
  initialize();
  open("week.plan", flawed_plan);
  const auto symbols = result("textDocument/documentSymbol", {{"textDocument", {{"uri", uri("week.plan")}}}});
  ASSERT_EQ(symbols.size(), 1u) << symbols.dump(2);
  EXPECT_EQ(symbols[0]["name"], "Week 1");
  const auto& session = symbols[0]["children"][0];
  EXPECT_EQ(session["name"], "Mon");
  EXPECT_EQ(session["detail"], "strength");
  EXPECT_EQ(session["range"]["start"], at(4, 0));
  EXPECT_EQ(session["range"]["end"], at(8, 36));
  std::vector<std::string> names;
  for (const auto& line : session["children"]) names.push_back(line["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"cat-cow", "deadlift", "goblet squat", "hamstring stretch"}));
}

constexpr const char* pack =
    "source clinic {\n"
    "  author    \"Riverside Clinic\"\n"
    "  title     \"House rules\"\n"
    "  year      2025\n"
    "  evidence  advice.practitioner\n"
    "}\n"
    "\n"
    "rule riverside.no-back-extension {\n"
    "  severity  error\n"
    "  cite      clinic\n"
    "  message   \"avoid back extensions\"\n"
    "  forbid    exercise \"back extension\"\n"
    "}\n";

TEST_F(Lsp, RuleFilesGetDiagnosticsSymbolsAndDefinitions) {
  initialize();
  const auto params = open("clinic.rules", pack);
  EXPECT_EQ(params["diagnostics"], Json::array()) << params.dump(2);
  const auto symbols = result("textDocument/documentSymbol", {{"textDocument", {{"uri", uri("clinic.rules")}}}});
  ASSERT_EQ(symbols.size(), 2u) << symbols.dump(2);
  EXPECT_EQ(symbols[0]["name"], "clinic");
  EXPECT_EQ(symbols[0]["range"]["end"]["line"], 5);
  EXPECT_EQ(symbols[1]["name"], "riverside.no-back-extension");
  EXPECT_EQ(symbols[1]["kind"], 12);
  const auto definition = result("textDocument/definition", doc("clinic.rules", 9, 13));
  EXPECT_EQ(definition,
            (Json::array({{{"uri", uri("clinic.rules")}, {"range", {{"start", at(0, 7)}, {"end", at(0, 13)}}}}})));
  const auto references = result("textDocument/references", doc("clinic.rules", 0, 8));
  EXPECT_EQ(references.size(), 2u) << references.dump(2);
}

TEST_F(Lsp, AnOwnSourceAndRuleAreKnownInTheirRuleFile) {
  initialize();
  open("clinic.rules", pack);
  const auto source = result("textDocument/hover", doc("clinic.rules", 9, 13))["contents"]["value"].get<std::string>();
  EXPECT_EQ(source.rfind("**clinic** (source)\n\nRiverside Clinic (2025). House rules.", 0), 0u) << source;
  const auto rule = result("textDocument/hover", doc("clinic.rules", 7, 8))["contents"]["value"].get<std::string>();
  EXPECT_EQ(rule.rfind("**riverside.no-back-extension** (error, clinic pack)\n\navoid back extensions", 0), 0u) << rule;
}

TEST_F(Lsp, HoverOnASourceInARuleFileShowsTheReference) {
  initialize();
  open("clinic.rules",
       "rule mine.walk {\n  cite      who2020\n  message   \"walk\"\n  forbid    exercise \"burpee\"\n}\n");
  const auto text = result("textDocument/hover", doc("clinic.rules", 1, 14))["contents"]["value"].get<std::string>();
  EXPECT_EQ(text.rfind("**who2020** (source)\n\nWorld Health Organization (2020)", 0), 0u) << text;
}

TEST_F(Lsp, ABrokenRuleFileGetsItsErrors) {
  initialize();
  const auto params = open("broken.rules", "rule mine.x {\n  severity  eror\n}\n");
  ASSERT_EQ(params["diagnostics"].size(), 1u) << params.dump(2);
  EXPECT_EQ(params["diagnostics"][0]["range"]["start"], at(1, 12));
  EXPECT_EQ(params["diagnostics"][0]["message"], "expected one of: error, warning, info, found 'eror'");
}

TEST_F(Lsp, HalfTypedPlansAndNonsenseNeverThrow) {
  initialize();
  const std::string text = flawed_plan;
  for (std::size_t cut = 0; cut <= text.size(); cut += 7) {
    open("half.plan", text.substr(0, cut));
    for (const char* method : {"textDocument/hover", "textDocument/completion", "textDocument/definition"}) {
      const auto r = request(method, doc("half.plan", 3, 5));
      EXPECT_FALSE(r.contains("error")) << method << " at " << cut << ": " << r.dump();
    }
  }
  for (const auto& garbage : {Json(42), Json::array(), Json{{"method", 7}}, Json{{"id", 9}}}) {
    for (const auto& m : server_.handle(garbage)) EXPECT_TRUE(m.contains("error")) << m.dump();
  }
  const auto bad = request("textDocument/hover", {{"textDocument", 3}});
  EXPECT_EQ(bad["error"]["code"], -32602);
  EXPECT_EQ(request("no/such", Json::object())["error"]["code"], -32601);
}

TEST_F(Lsp, AMethodThatIsNotAStringIsRefusedAndTheServerGoesOn) {
  for (const auto& method : {Json(7), Json(nullptr), Json(true), Json::array({"initialize"}), Json::object()}) {
    const auto out = server_.handle({{"jsonrpc", "2.0"}, {"id", 1}, {"method", method}});
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0]["error"]["code"], -32600);
    EXPECT_TRUE(server_.handle({{"jsonrpc", "2.0"}, {"method", method}}).empty());
  }
  std::istringstream in(frame({{"jsonrpc", "2.0"}, {"id", 1}, {"method", 5}, {"params", {{"id", 1}}}}) +
                        frame({{"jsonrpc", "2.0"}, {"method", Json::array()}, {"params", {{"id", 1}}}}) +
                        frame({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "initialize"}, {"params", Json::object()}}));
  std::ostringstream out;
  EXPECT_EQ(liftlint::lsp::serve(in, out, {}), 1);
  EXPECT_NE(out.str().find(R"("id":2,"jsonrpc":"2.0","result":{"capabilities")"), std::string::npos) << out.str();
}

TEST_F(Lsp, AByteOrderMarkDoesNotShiftTheFirstLine) {
  initialize();
  const auto params = open("bom.plan", "\xEF\xBB\xBFmon strength 30min { Goblet sqaut 3x10 }\n");
  Json unknown;
  for (const auto& d : params["diagnostics"]) {
    if (d["message"].get<std::string>().rfind("unknown exercise", 0) == 0) unknown = d;
  }
  ASSERT_FALSE(unknown.is_null()) << params.dump(2);
  // the mark is one UTF-16 code unit, U+FEFF, before the text
  EXPECT_EQ(unknown["range"]["start"], at(0, 22));
  const auto actions = result("textDocument/codeAction", {{"textDocument", {{"uri", uri("bom.plan")}}},
                                                          {"range", {{"start", at(0, 0)}, {"end", at(0, 0)}}},
                                                          {"context", {{"diagnostics", Json::array()}}}});
  Json typo;
  for (const auto& a : actions) {
    if (a["title"] == "replace 'Goblet sqaut' with 'goblet squat'") typo = a;
  }
  ASSERT_FALSE(typo.is_null()) << actions.dump(2);
  EXPECT_EQ(typo["edit"]["changes"][uri("bom.plan")][0]["range"], (Json{{"start", at(0, 22)}, {"end", at(0, 34)}}));
}

TEST_F(Lsp, PositionsCountUtf16CodeUnits) {
  initialize();
  const auto params =
      open("emoji.plan", "client { conditions low_back_pain }\nmon strength 30min { 💪 deadlift 3x5 @ 100kg }\n");
  const auto finding = with_code(params["diagnostics"], "bp.avoid-deadlift");
  ASSERT_FALSE(finding.is_null()) << params.dump(2);
  // the emoji is 4 bytes and 2 UTF-16 code units
  EXPECT_EQ(finding["range"]["start"], at(1, 24));
}

TEST_F(Lsp, ACancelledRequestIsAnsweredAsCancelled) {
  initialize();
  server_.cancel(Json(id_ + 1));
  EXPECT_EQ(request("textDocument/hover", doc("a.plan", 0, 0))["error"]["code"], -32800);
}

TEST_F(Lsp, TheConfigurationBesideThePlanApplies) {
  std::ofstream(dir_ / ".liftlint.json")
      << R"({"rules": {"bp.avoid-deadlift": {"severity": "off", "reason": "the clinic coaches deadlifts"}}})";
  initialize();
  const auto diagnostics = open("week.plan", flawed_plan)["diagnostics"];
  EXPECT_TRUE(with_code(diagnostics, "bp.avoid-deadlift").is_null()) << diagnostics.dump(2);
  EXPECT_FALSE(with_code(diagnostics, "bp.lighter-loads-more-reps").is_null()) << diagnostics.dump(2);
}

TEST_F(Lsp, TheConfigurationFileShowsItsOwnMistakes) {
  const std::string text = R"({"fail-on": "warning"})";
  std::ofstream(dir_ / ".liftlint.json") << text;
  initialize();
  const auto diagnostics = open(".liftlint.json", text)["diagnostics"];
  ASSERT_EQ(diagnostics.size(), 1u) << diagnostics.dump(2);
  EXPECT_EQ(diagnostics[0]["message"].get<std::string>().rfind("unknown key \"fail-on\" in the configuration\n", 0),
            0u);
  EXPECT_EQ(diagnostics[0]["range"]["start"], at(0, 1));
}

TEST_F(Lsp, RequestsAfterShutdownAreRefused) {
  initialize();
  EXPECT_TRUE(result("shutdown", nullptr).is_null());
  EXPECT_EQ(request("textDocument/hover", doc("a.plan", 0, 0))["error"]["code"], -32600);
}

TEST_F(Lsp, ShutdownThenExitEndsWithZeroAndExitAloneWithOne) {
  initialize();
  EXPECT_TRUE(result("shutdown", nullptr).is_null());
  notify("exit", nullptr);
  EXPECT_TRUE(server_.exited());
  EXPECT_EQ(server_.exit_code(), 0);
  Server other;
  EXPECT_TRUE(other.handle({{"jsonrpc", "2.0"}, {"method", "exit"}}).empty());
  EXPECT_EQ(other.exit_code(), 1);
}

std::vector<Json> frames(const std::string& text) {
  std::istringstream in(text);
  std::vector<Json> out;
  while (auto body = liftlint::lsp::read_frame(in)) out.push_back(Json::parse(*body));
  return out;
}

TEST_F(Lsp, ServesFramedMessagesOverStreams) {
  const auto plan_uri = uri("week.plan");
  std::istringstream in(
      frame({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", Json::object()}}}}) +
      "Content-Length: 5\r\n\r\n{oops" +
      frame({{"jsonrpc", "2.0"},
             {"method", "textDocument/didOpen"},
             {"params", {{"textDocument", {{"uri", plan_uri}, {"version", 1}, {"text", flawed_plan}}}}}}) +
      frame({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}}));
  std::ostringstream out;
  EXPECT_EQ(liftlint::lsp::serve(in, out, {}), 1);  // the input ended without an exit
  const auto messages = frames(out.str());
  ASSERT_EQ(messages.size(), 4u) << out.str();
  // responses in the order of the requests; diagnostics whenever the server had a quiet moment
  std::vector<Json> responses;
  Json diagnostics;
  for (const auto& m : messages) {
    if (m.contains("method")) {
      diagnostics = m;
    } else {
      responses.push_back(m);
    }
  }
  ASSERT_EQ(responses.size(), 3u);
  EXPECT_EQ(responses[0]["id"], 1);
  EXPECT_EQ(responses[1]["error"]["code"], -32700);
  EXPECT_EQ(responses[2]["id"], 2);
  EXPECT_EQ(diagnostics["method"], "textDocument/publishDiagnostics");
  EXPECT_FALSE(with_code(diagnostics["params"]["diagnostics"], "bp.avoid-deadlift").is_null());
}

}  // namespace
