#include "http/message.h"

#include <gtest/gtest.h>

#include "http/url.h"

namespace voordeur::http {
namespace {

TEST(PercentDecode, DecodesEscapesAndOptionallyPlus) {
  std::string out;
  ASSERT_TRUE(url::percent_decode("/a%20b/%C3%A9", out, false));
  EXPECT_EQ(out, "/a b/\xC3\xA9");
  ASSERT_TRUE(url::percent_decode("a+b", out, false));
  EXPECT_EQ(out, "a+b");
  ASSERT_TRUE(url::percent_decode("a+b%2B", out, true));
  EXPECT_EQ(out, "a b+");
}

TEST(PercentDecode, RejectsMalformedEscapes) {
  std::string out;
  EXPECT_FALSE(url::percent_decode("%", out, false));
  EXPECT_FALSE(url::percent_decode("abc%4", out, false));
  EXPECT_FALSE(url::percent_decode("%zz", out, false));
  EXPECT_FALSE(url::percent_decode("%g0", out, false));
}

TEST(Request, HeaderLookupIsByLowerCaseName) {
  Request r;
  r.headers["x-csrf-token"] = "abc";
  EXPECT_EQ(r.header("x-csrf-token"), "abc");
  EXPECT_EQ(r.header("missing"), "");
}

TEST(Request, CookieFindsExactNameAmongSeveral) {
  Request r;
  r.headers["cookie"] = "theme=dark; voordeur_session=s3cr3t;other=1;  quoted=\"v a\" ";
  EXPECT_EQ(r.cookie("voordeur_session"), "s3cr3t");
  EXPECT_EQ(r.cookie("theme"), "dark");
  EXPECT_EQ(r.cookie("other"), "1");
  EXPECT_EQ(r.cookie("quoted"), "v a");
  EXPECT_EQ(r.cookie("session"), "");
  EXPECT_EQ(r.cookie("voordeur"), "");
  Request none;
  EXPECT_EQ(none.cookie("voordeur_session"), "");
}

TEST(Request, QueryParamDecodesNamesAndValues) {
  Request r;
  r.query = "scope=mine&status=open&q=de+Vries%20%26+zn&empty=&flag&na%6De=x";
  EXPECT_EQ(r.query_param("scope"), "mine");
  EXPECT_EQ(r.query_param("status"), "open");
  EXPECT_EQ(r.query_param("q"), "de Vries & zn");
  EXPECT_EQ(r.query_param("name"), "x");
  EXPECT_EQ(r.query_param("empty"), "");
  EXPECT_EQ(r.query_param("missing"), "");
  EXPECT_TRUE(r.has_query_param("empty"));
  EXPECT_TRUE(r.has_query_param("flag"));
  EXPECT_TRUE(r.has_query_param("name"));
  EXPECT_FALSE(r.has_query_param("missing"));
  EXPECT_FALSE(r.has_query_param("scop"));
}

TEST(Request, QueryParamsReturnsEveryOccurrenceInOrder) {
  Request r;
  r.query = "kind=phase&x=1&kind=contact%2Csignal&kind=";
  EXPECT_EQ(r.query_params("kind"), (std::vector<std::string>{"phase", "contact,signal", ""}));
  EXPECT_TRUE(r.query_params("missing").empty());
}

TEST(Request, QueryParamTakesFirstOccurrenceAndKeepsMalformedEscapes) {
  Request r;
  r.query = "a=1&a=2&&pct=100%&b=%zz";
  EXPECT_EQ(r.query_param("a"), "1");
  EXPECT_EQ(r.query_param("pct"), "100%");
  EXPECT_EQ(r.query_param("b"), "%zz");
}

}  // namespace
}  // namespace voordeur::http
