// The single-page app's files, served from one directory. Paths arrive as sent by the client
// (still percent-encoded); nothing that resolves outside the root is ever opened.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace voordeur::http {

// Content type for a file name by its extension (case-insensitive);
// "application/octet-stream" when unknown.
std::string_view mime_type(std::string_view file_name);

// Cache-Control for a path relative to the root: "public, max-age=31536000, immutable" for
// content-hashed files under assets/, "no-cache" for everything else (index.html included).
std::string_view cache_control(std::string_view relative_path);

// Turns a raw request path ("/assets/app.js", "/cases/12") into a path relative to the root
// ("assets/app.js", "cases/12"; "" for "/"). Returns nullopt, refusing the path, when it does not
// start with '/', has a malformed escape, or after decoding contains "." or ".." segments,
// hidden names (".env"), backslashes or NUL bytes. Empty segments are dropped.
std::optional<std::string> normalise_path(std::string_view raw_path);

class StaticFiles {
 public:
  // `root` may be empty: then nothing is served.
  explicit StaticFiles(const std::string& root);

  // True when the root is set and holds index.html.
  bool enabled() const { return enabled_; }

  struct Result {
    int status = 404;  // 200, 400 (refused path) or 404
    std::string body;
    std::string_view content_type;
    std::string_view cache_control;
  };
  // Resolves a raw request path: an existing file is served; a missing path without an extension
  // in its last segment (an app route) gets index.html; a missing file with an extension is 404.
  Result get(std::string_view raw_path) const;

 private:
  bool read_inside_root(const std::filesystem::path& candidate, std::string& out) const;

  std::filesystem::path root_;
  bool enabled_ = false;
};

}  // namespace voordeur::http
