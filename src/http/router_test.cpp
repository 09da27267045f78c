#include "http/router.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace voordeur::http {
namespace {

Handler answer(std::string body) {
  return [body](const Request&, const PathParams&) {
    Response r;
    r.body = body;
    return r;
  };
}

std::string call(const Router::Match& m) {
  return m.route ? m.route->handler(Request{}, m.params).body : "";
}

TEST(Router, MatchesLiteralRoutes) {
  Router router;
  router.add("GET", "/health", answer("health"));
  router.add("GET", "/api/v1/cases", answer("cases"));
  EXPECT_EQ(call(router.match("GET", "/health")), "health");
  EXPECT_EQ(call(router.match("GET", "/api/v1/cases")), "cases");
  EXPECT_EQ(router.match("GET", "/api/v1/case").route, nullptr);
  EXPECT_EQ(router.match("GET", "/api/v1/cases/x").route, nullptr);
  EXPECT_EQ(router.match("GET", "/api/v1").route, nullptr);
  EXPECT_EQ(router.match("GET", "").route, nullptr);
}

TEST(Router, ExtractsParameters) {
  Router router;
  router.add("GET", "/api/v1/cases/{case_id}/contacts/{id}", answer("contact"));
  auto m = router.match("GET", "/api/v1/cases/12/contacts/7");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/cases/{case_id}/contacts/{id}");
  EXPECT_EQ(m.params, (PathParams{{"case_id", "12"}, {"id", "7"}}));
}

TEST(Router, ParameterNeverMatchesAnEmptySegment) {
  Router router;
  router.add("GET", "/api/v1/cases/{id}/contacts", answer("contacts"));
  EXPECT_EQ(router.match("GET", "/api/v1/cases//contacts").route, nullptr);
  router.add("GET", "/api/v1/people/{id}", answer("person"));
  EXPECT_EQ(router.match("GET", "/api/v1/people/").route, nullptr);
}

TEST(Router, TrailingSlashIsADifferentPath) {
  Router router;
  router.add("GET", "/x", answer("x"));
  router.add("GET", "/api/v1/cases/{id}", answer("case"));
  EXPECT_NE(router.match("GET", "/x").route, nullptr);
  EXPECT_EQ(router.match("GET", "/x/").route, nullptr);
  EXPECT_FALSE(router.match("GET", "/x/").path_known);
  EXPECT_EQ(router.match("GET", "/api/v1/cases/3/").route, nullptr);
}

TEST(Router, LiteralSegmentBeatsParameterInEitherOrder) {
  Router a;
  a.add("GET", "/api/v1/signals/{id}", answer("by id"));
  a.add("GET", "/api/v1/signals/review", answer("review"));
  Router b;
  b.add("GET", "/api/v1/signals/review", answer("review"));
  b.add("GET", "/api/v1/signals/{id}", answer("by id"));
  for (const Router* r : {&a, &b}) {
    EXPECT_EQ(call(r->match("GET", "/api/v1/signals/review")), "review");
    auto m = r->match("GET", "/api/v1/signals/5");
    EXPECT_EQ(call(m), "by id");
    EXPECT_EQ(m.params.at("id"), "5");
  }
}

TEST(Router, EarlierLiteralSegmentWeighsMore) {
  Router router;
  router.add("GET", "/api/{kind}/latest", answer("kind latest"));
  router.add("GET", "/api/cases/{id}", answer("case"));
  EXPECT_EQ(call(router.match("GET", "/api/cases/latest")), "case");
  EXPECT_EQ(call(router.match("GET", "/api/people/latest")), "kind latest");
}

TEST(Router, ReportsKnownPathWithOtherMethod) {
  Router router;
  router.add("GET", "/api/v1/cases/{id}", answer("get"));
  router.add("PATCH", "/api/v1/cases/{id}", answer("patch"));
  auto m = router.match("DELETE", "/api/v1/cases/4");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
  EXPECT_TRUE(m.params.empty());
  auto unknown = router.match("DELETE", "/api/v1/nothing");
  EXPECT_EQ(unknown.route, nullptr);
  EXPECT_FALSE(unknown.path_known);
  EXPECT_EQ(call(router.match("PATCH", "/api/v1/cases/4")), "patch");
}

TEST(Router, MethodsAreCaseSensitive) {
  Router router;
  router.add("GET", "/health", answer("health"));
  EXPECT_EQ(router.match("get", "/health").route, nullptr);
  EXPECT_TRUE(router.match("get", "/health").path_known);
}

TEST(Router, RootPattern) {
  Router router;
  router.add("GET", "/", answer("root"));
  EXPECT_EQ(call(router.match("GET", "/")), "root");
  EXPECT_EQ(router.match("GET", "//").route, nullptr);
}

TEST(Router, ParameterValuesAreTakenVerbatimFromTheDecodedPath) {
  Router router;
  router.add("GET", "/api/v1/files/{name}", answer("file"));
  auto m = router.match("GET", "/api/v1/files/a b.txt");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("name"), "a b.txt");
}

TEST(Router, RoutesHaveAtMostSixteenSegmentsAndLongerPathsMatchNothing) {
  Router router;
  std::string sixteen;
  for (int i = 0; i < 16; ++i) sixteen += "/{p" + std::to_string(i) + "}";
  router.add("GET", sixteen, answer("deep"));
  EXPECT_THROW(router.add("GET", sixteen + "/x", answer("")), std::invalid_argument);
  std::string path;
  for (int i = 0; i < 16; ++i) path += "/s";
  EXPECT_EQ(call(router.match("GET", path)), "deep");
  EXPECT_EQ(router.match("GET", path + "/s").route, nullptr);
  EXPECT_FALSE(router.match("GET", path + "/s").path_known);
}

TEST(Router, RefusesMalformedOrClashingRoutes) {
  Router router;
  EXPECT_THROW(router.add("GET", "api/x", answer("")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/api//x", answer("")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/api/x/", answer("")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/api/x{id}", answer("")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/api/{id}/{id}", answer("")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/api/{a-b}", answer("")), std::invalid_argument);
  EXPECT_THROW(router.add("", "/api/x", answer("")), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/api/x", Handler{}), std::invalid_argument);
  router.add("GET", "/api/cases/{id}", answer(""));
  EXPECT_THROW(router.add("GET", "/api/cases/{case_id}", answer("")), std::invalid_argument);
  EXPECT_NO_THROW(router.add("PUT", "/api/cases/{id}", answer("")));
  EXPECT_EQ(router.routes().size(), 2u);
}

TEST(Router, KeepsRouteOptions) {
  Router router;
  router.add("POST", "/api/v1/session", answer("login"), RouteOptions{.slow = true});
  router.add("GET", "/api/v1/session", answer("me"));
  EXPECT_TRUE(router.match("POST", "/api/v1/session").route->options.slow);
  EXPECT_FALSE(router.match("GET", "/api/v1/session").route->options.slow);
}

TEST(Router, BodyLimitIsTheRoutesOwnOrTheServers) {
  Router router;
  router.add("POST", "/api/v1/consents/{id}/scan", answer("scan"), RouteOptions{.body_limit = 10 * 1024 * 1024});
  router.add("POST", "/api/v1/consents/{id}/withdrawal", answer("withdrawal"));
  EXPECT_EQ(router.body_limit("POST", "/api/v1/consents/3/scan", 1024), 10u * 1024 * 1024);
  EXPECT_EQ(router.body_limit("POST", "/api/v1/consents/3/withdrawal", 1024), 1024u);
  EXPECT_EQ(router.body_limit("GET", "/api/v1/consents/3/scan", 1024), 1024u);
  EXPECT_EQ(router.body_limit("POST", "/nothing", 1024), 1024u);
  EXPECT_EQ(router.max_body_limit(1024), 10u * 1024 * 1024);
  EXPECT_EQ(Router{}.max_body_limit(1024), 1024u);
}

}  // namespace
}  // namespace voordeur::http
