// JSON out of the API for the domain values: written straight into the response text with
// RapidJSON's Writer instead of building an nlohmann::json tree first. The tree cost as much as all
// database reads of a case view together (docs/benchmarks.md). Request bodies are still read with
// nlohmann::json (json_io.h).
//
// Each domain type has one `void write(JsonWriter&, const T&)` in json_io.cpp; `field()` and
// `value()` write optionals (null when empty), vectors (arrays) and anything with such a write().
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace voordeur::http {

class JsonWriter {
 public:
  JsonWriter() : writer_(buffer_) {}

  void begin_object() { writer_.StartObject(); }
  void end_object() { writer_.EndObject(); }
  void begin_array() { writer_.StartArray(); }
  void end_array() { writer_.EndArray(); }
  void key(std::string_view k) { writer_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void null() { writer_.Null(); }

  void value(std::string_view s) { writer_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(const char* s) { value(std::string_view(s)); }
  void value(bool b) { writer_.Bool(b); }
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  void value(T n) {
    writer_.Int64(static_cast<std::int64_t>(n));
  }
  template <typename T>
  void value(const std::optional<T>& v) {
    if (v) {
      value(*v);
    } else {
      null();
    }
  }
  template <typename T>
  void value(const std::vector<T>& items) {
    begin_array();
    for (const auto& item : items) value(item);
    end_array();
  }
  // A domain value with a write(JsonWriter&, const T&) overload.
  template <typename T>
    requires requires(JsonWriter& w, const T& v) { write(w, v); }
  void value(const T& v) {
    write(*this, v);
  }

  template <typename T>
  void field(std::string_view k, const T& v) {
    key(k);
    value(v);
  }

  // The text written so far.
  std::string text() const { return std::string(buffer_.GetString(), buffer_.GetSize()); }

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace voordeur::http
