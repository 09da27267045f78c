// Structured logging: one JSON object per line on stderr, e.g.
//   {"ts":"2026-11-22T16:08:35Z","level":"info","msg":"request","route":"/api/v1/cases/{id}","status":200}
// Contract: callers pass only non-personal fields (ids, route patterns, codes, counts, durations).
// Never pass names, addresses, free text, query strings or request bodies.
// Thread safety: log() may be called from any thread; lines are written whole.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace voordeur::log {

enum class Level { debug = 0, info = 1, warn = 2, error = 3 };

using Field = std::pair<std::string_view, std::variant<std::int64_t, double, std::string_view>>;

void set_level(Level level);
// Parses "debug", "info", "warn", "error"; returns false for anything else.
bool parse_level(std::string_view text, Level& out);
bool enabled(Level level);
void write(Level level, std::string_view msg, std::initializer_list<Field> fields = {});

inline void debug(std::string_view m, std::initializer_list<Field> f = {}) { write(Level::debug, m, f); }
inline void info(std::string_view m, std::initializer_list<Field> f = {}) { write(Level::info, m, f); }
inline void warn(std::string_view m, std::initializer_list<Field> f = {}) { write(Level::warn, m, f); }
inline void error(std::string_view m, std::initializer_list<Field> f = {}) { write(Level::error, m, f); }

}  // namespace voordeur::log
