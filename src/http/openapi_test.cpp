// Keeps src/http/openapi.json honest: the document must describe exactly the routes that
// register_routes() builds, be a well-formed OpenAPI 3 document, and agree with the vocabulary,
// the length limits, the error-code table of errors.cpp and the contract in docs/api.md.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/accounts.h"
#include "app/auth.h"
#include "app/cases.h"
#include "app/clock.h"
#include "app/config.h"
#include "app/signals.h"
#include "domain/validation.h"
#include "domain/vocabulary.h"
#include "http/api.h"
#include "http/openapi.h"
#include "http/router.h"
#include "store/db.h"

namespace voordeur::http {
namespace {

using nlohmann::json;
using MethodAndPath = std::pair<std::string, std::string>;

const std::set<std::string> kOperationKeys = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};
const std::set<std::string> kOtherPathItemKeys = {"summary", "description", "servers", "parameters"};

const json& document() {
  static const json doc = json::parse(openapi_document(), nullptr, false);
  return doc;
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

std::string describe(const std::set<MethodAndPath>& routes) {
  std::string out;
  for (const auto& [method, path] : routes) out += "\n  " + method + " " + path;
  return out;
}

// A database file unique to this process; the file and its WAL files go away with the object.
class TempDbFile {
 public:
  TempDbFile()
      : path_((std::filesystem::temp_directory_path() /
               ("voordeur-openapi-test-" + std::to_string(::getpid()) + ".db"))
                  .string()) {
    remove_files();
  }
  ~TempDbFile() { remove_files(); }
  TempDbFile(const TempDbFile&) = delete;
  TempDbFile& operator=(const TempDbFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  void remove_files() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix, ignored);
  }
  std::string path_;
};

// The (method, pattern) pairs of the real route table, built as the server builds it.
std::set<MethodAndPath> registered_routes() {
  TempDbFile file;
  std::unique_ptr<store::Database> db = store::open_database("sqlite:" + file.path());
  store::migrate(*db);
  app::SystemClock clock;
  app::AuthService auth(*db, clock, app::AppConfig{});
  app::AccountService accounts(*db, clock);
  app::AccessLog access_log(*db, clock);
  app::SignalService signals(*db, clock, access_log);
  app::CaseService cases(*db, clock, access_log);
  app::PreparationService preparation(*db, clock, access_log);
  app::AccessLogService access_log_queries(*db, access_log);
  app::PersistenceService persistence(*db, clock, cases);
  app::RetentionService retention(*db, clock, domain::RetentionPeriods{});
  app::ConsentService consents(*db, clock, access_log, std::filesystem::temp_directory_path() / "voordeur-openapi-scans");
  app::RoleService roles(*db, clock);
  Api api{*db, auth, accounts, signals, cases, preparation, persistence, access_log_queries, retention, consents, roles};
  Router router;
  register_routes(router, api);
  std::set<MethodAndPath> routes;
  for (const Route& route : router.routes()) routes.emplace(route.method, route.pattern);
  return routes;
}

std::set<MethodAndPath> documented_routes() {
  std::set<MethodAndPath> routes;
  for (const auto& [path, item] : document().at("paths").items()) {
    for (const auto& [key, operation] : item.items()) {
      if (kOperationKeys.count(key) > 0) routes.emplace(upper(key), path);
    }
  }
  return routes;
}

struct Operation {
  std::string method;
  std::string path;
  const json* path_item;
  const json* operation;
};

std::vector<Operation> operations() {
  std::vector<Operation> out;
  for (const auto& [path, item] : document().at("paths").items()) {
    for (const auto& [key, operation] : item.items()) {
      if (kOperationKeys.count(key) > 0) out.push_back(Operation{upper(key), path, &item, &operation});
    }
  }
  return out;
}

// Follows local "$ref"s ("#/components/..."); throws when one does not resolve.
const json& resolve(const json& node) {
  const json* current = &node;
  for (int depth = 0; current->is_object() && current->contains("$ref"); ++depth) {
    if (depth > 8) throw std::runtime_error("$ref chain too long");
    const std::string ref = current->at("$ref").get<std::string>();
    if (ref.rfind("#/", 0) != 0) throw std::runtime_error("not a local $ref: " + ref);
    current = &document().at(json::json_pointer(ref.substr(1)));
  }
  return *current;
}

void collect_refs(const json& node, const std::string& where, std::vector<MethodAndPath>& refs) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "$ref" && value.is_string()) {
        refs.emplace_back(where, value.get<std::string>());
      } else {
        collect_refs(value, where + "/" + key, refs);
      }
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) collect_refs(node[i], where + "/" + std::to_string(i), refs);
  }
}

std::set<std::string> string_set(const json& array) {
  std::set<std::string> out;
  for (const auto& v : array) out.insert(v.get<std::string>());
  return out;
}

std::set<std::string> problem_codes() {
  return string_set(document().at("components").at("schemas").at("ProblemCode").at("enum"));
}

std::filesystem::path api_md_path() {
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "docs" / "api.md";
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The words between backticks in `text`, in order.
std::vector<std::string> backticked(const std::string& text) {
  std::vector<std::string> out;
  static const std::regex word("`([^`]+)`");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

TEST(OpenApi, DocumentIsOpenApi3) {
  const json& doc = document();
  ASSERT_FALSE(doc.is_discarded()) << "openapi.json is not valid JSON";
  ASSERT_TRUE(doc.is_object());
  ASSERT_TRUE(doc.contains("openapi") && doc.at("openapi").is_string());
  EXPECT_EQ(doc.at("openapi").get<std::string>().rfind("3.", 0), 0u) << doc.at("openapi");
  EXPECT_EQ(doc.at("info").at("title"), "Voordeur API");
  EXPECT_EQ(doc.at("info").at("version"), "1");
  EXPECT_EQ(doc.at("servers"), json::parse(R"([{"url": "/"}])"));
  ASSERT_TRUE(doc.at("paths").is_object());
  EXPECT_FALSE(doc.at("paths").empty());
}

TEST(OpenApi, SecuritySchemesNameTheSessionCookieAndTheCsrfHeader) {
  const json& schemes = document().at("components").at("securitySchemes");
  EXPECT_EQ(schemes.at("sessionCookie").at("type"), "apiKey");
  EXPECT_EQ(schemes.at("sessionCookie").at("in"), "cookie");
  EXPECT_EQ(schemes.at("sessionCookie").at("name"), kSessionCookie);
  EXPECT_EQ(schemes.at("csrfToken").at("type"), "apiKey");
  EXPECT_EQ(schemes.at("csrfToken").at("in"), "header");
  EXPECT_EQ(schemes.at("csrfToken").at("name"), "X-CSRF-Token");
}

TEST(OpenApi, DocumentsExactlyTheRegisteredRoutes) {
  const std::set<MethodAndPath> registered = registered_routes();
  const std::set<MethodAndPath> documented = documented_routes();
  ASSERT_FALSE(registered.empty());

  std::set<MethodAndPath> undocumented;
  std::set_difference(registered.begin(), registered.end(), documented.begin(), documented.end(),
                      std::inserter(undocumented, undocumented.end()));
  std::set<MethodAndPath> nonexistent;
  std::set_difference(documented.begin(), documented.end(), registered.begin(), registered.end(),
                      std::inserter(nonexistent, nonexistent.end()));

  EXPECT_TRUE(undocumented.empty()) << "routes missing from openapi.json:" << describe(undocumented);
  EXPECT_TRUE(nonexistent.empty()) << "openapi.json documents routes the router does not have:"
                                   << describe(nonexistent);
}

TEST(OpenApi, PathItemsHoldOnlyOperationsAndCommonFields) {
  for (const auto& [path, item] : document().at("paths").items()) {
    for (const auto& [key, value] : item.items()) {
      EXPECT_TRUE(kOperationKeys.count(key) > 0 || kOtherPathItemKeys.count(key) > 0)
          << path << " has unexpected key '" << key << "' (methods are lower case)";
    }
  }
}

TEST(OpenApi, EveryOperationHasA2xxResponseAndAUniqueOperationId) {
  std::map<std::string, std::string> seen;
  for (const Operation& op : operations()) {
    const std::string name = op.method + " " + op.path;
    ASSERT_TRUE(op.operation->is_object()) << name;
    if (!op.operation->contains("operationId") || !op.operation->at("operationId").is_string() ||
        op.operation->at("operationId").get<std::string>().empty()) {
      ADD_FAILURE() << name << " has no operationId";
    } else {
      const std::string id = op.operation->at("operationId").get<std::string>();
      auto [it, inserted] = seen.emplace(id, name);
      EXPECT_TRUE(inserted) << "operationId " << id << " of " << name << " is also used by " << it->second;
    }
    ASSERT_TRUE(op.operation->contains("responses")) << name << " has no responses";
    bool has_2xx = false;
    for (const auto& [status, response] : op.operation->at("responses").items()) {
      if (status.size() == 3 && status[0] == '2') has_2xx = true;
    }
    EXPECT_TRUE(has_2xx) << name << " has no 2xx response";
  }
  EXPECT_FALSE(seen.empty());
}

TEST(OpenApi, EveryPathParameterIsDeclared) {
  static const std::regex param(R"(\{([A-Za-z0-9_]+)\})");
  for (const Operation& op : operations()) {
    std::set<std::string> in_pattern;
    for (auto it = std::sregex_iterator(op.path.begin(), op.path.end(), param); it != std::sregex_iterator(); ++it) {
      in_pattern.insert((*it)[1].str());
    }
    std::set<std::string> declared;
    for (const json* owner : {op.path_item, op.operation}) {
      if (!owner->contains("parameters")) continue;
      for (const auto& p : owner->at("parameters")) {
        const json& parameter = resolve(p);
        if (parameter.at("in") != "path") continue;
        declared.insert(parameter.at("name").get<std::string>());
        EXPECT_EQ(parameter.value("required", false), true) << op.method << " " << op.path << ": path parameter "
                                                            << parameter.at("name") << " must be required";
      }
    }
    EXPECT_EQ(declared, in_pattern) << op.method << " " << op.path;
  }
}

TEST(OpenApi, EveryReferenceResolves) {
  std::vector<MethodAndPath> refs;
  collect_refs(document(), "", refs);
  EXPECT_FALSE(refs.empty());
  for (const auto& [where, ref] : refs) {
    bool found = false;
    if (ref.rfind("#/", 0) == 0) {
      try {
        found = document().contains(json::json_pointer(ref.substr(1)));
      } catch (const json::exception&) {
        found = false;
      }
    }
    EXPECT_TRUE(found) << where << ": $ref " << ref << " does not resolve";
  }
}

// Every error response is problem+json, names its codes in backticks, and each named code has
// that HTTP status in errors.cpp's table.
TEST(OpenApi, ErrorResponsesAreProblemsWithMatchingCodes) {
  const std::set<std::string> codes = problem_codes();
  for (const Operation& op : operations()) {
    for (const auto& [status, ref_or_response] : op.operation->at("responses").items()) {
      const std::string name = op.method + " " + op.path + " " + status;
      const bool three_digits =
          status.size() == 3 && std::all_of(status.begin(), status.end(), [](char c) { return c >= '0' && c <= '9'; });
      ASSERT_TRUE(three_digits) << name << ": use explicit status codes";
      if (status[0] < '4') continue;
      const json& response = resolve(ref_or_response);
      ASSERT_TRUE(response.contains("content")) << name << " has no body";
      const json& content = response.at("content");
      EXPECT_EQ(content.size(), 1u) << name;
      ASSERT_TRUE(content.contains("application/problem+json")) << name << " is not application/problem+json";
      EXPECT_EQ(content.at("application/problem+json").at("schema"),
                json::parse(R"({"$ref": "#/components/schemas/Problem"})"))
          << name;
      int named = 0;
      for (const std::string& word : backticked(response.at("description").get<std::string>())) {
        if (codes.count(word) == 0) continue;
        ++named;
        EXPECT_EQ(std::to_string(status_of(word)), status) << name << " names code " << word;
      }
      EXPECT_GT(named, 0) << name << ": the description names no code of ProblemCode";
    }
  }
}

TEST(OpenApi, EnumsMatchTheVocabulary) {
  const json& schemas = document().at("components").at("schemas");
  const std::vector<std::pair<const char*, const domain::vocab::List*>> table = {
      {"Role", &domain::vocab::roles},
      {"ReporterKind", &domain::vocab::reporter_kinds},
      {"Sex", &domain::vocab::sexes},
      {"DirectReason", &domain::vocab::direct_reasons},
      {"ProblemArea", &domain::vocab::problem_areas},
      {"ReporterCanIntroduce", &domain::vocab::reporter_can_introduce},
      {"WorkerGenderPreference", &domain::vocab::worker_gender_preferences},
      {"PersonAware", &domain::vocab::person_aware},
      {"DecisionKind", &domain::vocab::decisions},
      {"SignalStatus", &domain::vocab::signal_statuses},
      {"CaseStatus", &domain::vocab::case_statuses},
      {"CasePhase", &domain::vocab::case_phases},
      {"TransitionEvent", &domain::vocab::transition_events},
      {"TimelineKind", &domain::vocab::timeline_kinds},
      {"ContactChannel", &domain::vocab::contact_channels},
      {"ContactOutcome", &domain::vocab::contact_outcomes},
      {"ClosureReason", &domain::vocab::closure_reasons},
      {"Indication", &domain::vocab::indications},
      {"ContraIndication", &domain::vocab::contra_indications},
      {"Companion", &domain::vocab::companions},
      {"CheckInOutcome", &domain::vocab::check_in_outcomes},
      {"ReviewDecision", &domain::vocab::review_decisions},
      {"HouseholdRole", &domain::vocab::household_roles},
      {"CaseConcerns", &domain::vocab::case_concerns},
      {"ErasureReason", &domain::vocab::erasure_reasons},
      {"ConsentRecipient", &domain::vocab::consent_recipients},
      {"ConsentScope", &domain::vocab::consent_scopes},
      {"ExchangeChannel", &domain::vocab::exchange_channels},
      {"ExchangeDirection", &domain::vocab::exchange_directions},
      {"ExchangeBasis", &domain::vocab::exchange_bases},
      {"ConsentStanceKind", &domain::vocab::consent_stances},
      {"ConsentState", &domain::vocab::consent_states},
  };
  for (const auto& [name, list] : table) {
    ASSERT_TRUE(schemas.contains(name)) << "schema " << name << " is missing";
    std::vector<std::string> expected(list->begin(), list->end());
    EXPECT_EQ(schemas.at(name).at("enum").get<std::vector<std::string>>(), expected) << "schema " << name;
  }
}

TEST(OpenApi, MaxLengthsFollowTheDomainLimits) {
  using namespace domain::limits;
  const std::vector<std::pair<const char*, std::size_t>> table = {
      {"/TeamInput/properties/name", name},
      {"/NewUser/properties/display_name", name},
      {"/NewUser/properties/password", password_max},
      {"/UserPatch/properties/display_name", name},
      {"/UserPatch/properties/password", password_max},
      {"/ReporterInput/properties/name", name},
      {"/ReporterInput/properties/relation", short_text},
      {"/ReporterInput/properties/organisation", short_text},
      {"/ReporterInput/properties/function", short_text},
      {"/ReporterInput/properties/phone", phone},
      {"/ReporterInput/properties/address", address},
      {"/PersonInput/properties/name", name},
      {"/PersonInput/properties/address", address},
      {"/PersonInput/properties/phone", phone},
      {"/SignalFields/properties/relation_to_person", short_text},
      {"/SignalFields/properties/known_since", short_text},
      {"/SignalFields/properties/contact_initiative", long_text},
      {"/SignalFields/properties/contact_nature", long_text},
      {"/SignalFields/properties/direct_reason_other", long_text},
      {"/SignalFields/properties/tried_and_result", long_text},
      {"/SignalFields/properties/what_would_help", long_text},
      {"/SignalFields/properties/others_in_contact", long_text},
      {"/SignalFields/properties/whereabouts", long_text},
      {"/SignalFields/properties/introduction_note", long_text},
      {"/SignalFields/properties/problem_areas_other", long_text},
      {"/SignalFields/properties/follow_up_agreed", long_text},
      {"/DecisionInput/properties/reason", short_text},
      {"/ContactInput/properties/with_whom", short_text},
      {"/ContactInput/properties/note", long_text},
      {"/ClosureInput/properties/note", long_text},
      {"/ReopenInput/properties/reason", short_text},
      {"/DecisionInput/properties/contra_indication_note", short_text},
      {"/FeedbackInput/properties/told", feedback_told},
      {"/PreparationInput/properties/strategy", long_text},
      {"/PreparationInput/properties/companion_name", short_text},
      {"/PriorInfoInput/properties/source", short_text},
      {"/PriorInfoInput/properties/content", long_text},
      {"/TransitionInput/properties/reason", short_text},
      {"/HandoverInput/properties/note", long_text},
      {"/ConsentInput/properties/organisation", short_text},
      {"/ConsentStanceInput/properties/note", long_text},
      {"/ExchangeInput/properties/organisation", short_text},
      {"/ExchangeInput/properties/contact_person", name},
      {"/ExchangeInput/properties/justification", long_text},
      {"/ExchangeInput/properties/peer_consulted", name},
  };
  const json& schemas = document().at("components").at("schemas");
  for (const auto& [pointer, limit] : table) {
    const json::json_pointer where(pointer);
    ASSERT_TRUE(schemas.contains(where)) << pointer << " is missing";
    const json& field = schemas.at(where);
    ASSERT_TRUE(field.contains("maxLength")) << pointer << " has no maxLength";
    EXPECT_EQ(field.at("maxLength").get<std::size_t>(), limit) << pointer;
  }
  EXPECT_EQ(schemas.at(json::json_pointer("/NewUser/properties/password/minLength")).get<std::size_t>(), password_min);
}

// docs/api.md: the rows "| `code` | status | when |" of the error table are exactly ProblemCode, each
// with its status in errors.cpp; the field error codes it lists are exactly FieldErrorCode.
TEST(OpenApi, ErrorCodesOfTheContractAreInTheProblemSchema) {
  const std::string contract = read_file(api_md_path());
  ASSERT_FALSE(contract.empty()) << "cannot read " << api_md_path();

  const std::set<std::string> codes = problem_codes();
  static const std::regex row(R"(^[ \t]*\|\s*`([a-z_]+)`\s*\|\s*([0-9]{3})\s*\|)", std::regex::multiline);
  std::set<std::string> in_table;
  for (auto it = std::sregex_iterator(contract.begin(), contract.end(), row); it != std::sregex_iterator(); ++it) {
    const std::string code = (*it)[1].str();
    in_table.insert(code);
    EXPECT_EQ(codes.count(code), 1u) << "docs/api.md code " << code << " is missing from ProblemCode";
    EXPECT_EQ(std::to_string(status_of(code)), (*it)[2].str()) << "status of " << code;
  }
  for (const auto& code : codes) EXPECT_EQ(in_table.count(code), 1u) << code << " is missing from docs/api.md";

  const std::string intro = "Field error codes in `errors[].code`:";
  const std::size_t start = contract.find(intro);
  ASSERT_NE(start, std::string::npos) << "docs/api.md no longer lists the field error codes";
  const std::size_t end = contract.find("\n\n", start);
  const std::vector<std::string> listed =
      backticked(contract.substr(start + intro.size(), end == std::string::npos ? end : end - start - intro.size()));
  const std::set<std::string> documented(listed.begin(), listed.end());
  EXPECT_EQ(string_set(document().at("components").at("schemas").at("FieldErrorCode").at("enum")), documented);
}

}  // namespace
}  // namespace voordeur::http
