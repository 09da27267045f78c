// JsonWriter writes text that any JSON parser reads back to the same values: quotes, backslashes
// and control characters escaped at every position of long and short strings, UTF-8 passed through
// unchanged. (Debian's RapidJSON 1.1.0 with RAPIDJSON_SSE2 defined writes 0x1E and 0x1F raw in
// strings of 16 bytes and more; these tests fail then, so the build leaves SIMD off.)
#include "http/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace voordeur::http {
namespace {

std::string written(const std::string& s) {
  JsonWriter w;
  w.value(s);
  return w.text();
}

TEST(JsonWriter, EveryStringReadsBackUnchanged) {
  const std::vector<std::string> specials = {"\"", "\\", "\n", "\r", "\t", std::string(1, '\x01'),
                                             std::string(1, '\x1f'), "/", "é", "€", "😀"};
  for (std::size_t length : {0u, 1u, 15u, 16u, 17u, 31u, 32u, 33u, 100u}) {
    for (const auto& special : specials) {
      for (std::size_t at = 0; at <= length; at += (length < 40 ? 1 : 13)) {
        std::string s(length, 'a');
        s.insert(at, special);
        const std::string json = written(s);
        ASSERT_EQ(nlohmann::json::parse(json).get<std::string>(), s) << json;
      }
    }
  }
}

TEST(JsonWriter, ControlCharactersAreEscapedNotWrittenRaw) {
  const std::string json = written(std::string("a\x01") + std::string(20, 'b') + "\"\n");
  EXPECT_EQ(json, "\"a\\u0001" + std::string(20, 'b') + "\\\"\\n\"");
}

TEST(JsonWriter, OptionalsVectorsAndFields) {
  JsonWriter w;
  w.begin_object();
  w.field("name", std::string("Testpersoon"));
  w.field("none", std::optional<std::string>{});
  w.field("ids", std::vector<int>{1, 2, 3});
  w.field("flag", true);
  w.end_object();
  EXPECT_EQ(w.text(), R"({"name":"Testpersoon","none":null,"ids":[1,2,3],"flag":true})");
}

}  // namespace
}  // namespace voordeur::http
