#include "http/static_files.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <system_error>
#include <utility>

#include "http/url.h"

namespace voordeur::http {
namespace fs = std::filesystem;

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kMimeTypes{{
    {"html", "text/html; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"ico", "image/x-icon"},
    {"json", "application/json"},
    {"woff2", "font/woff2"},
    {"txt", "text/plain; charset=utf-8"},
    {"webmanifest", "application/manifest+json"},
}};

std::string_view last_segment(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool has_extension(std::string_view path) {
  return last_segment(path).find('.') != std::string_view::npos;
}

}  // namespace

std::string_view mime_type(std::string_view file_name) {
  std::string_view name = last_segment(file_name);
  std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    std::string ext(name.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    for (const auto& [known, type] : kMimeTypes) {
      if (ext == known) return type;
    }
  }
  return "application/octet-stream";
}

std::string_view cache_control(std::string_view relative_path) {
  if (relative_path.starts_with("assets/")) return "public, max-age=31536000, immutable";
  return "no-cache";
}

std::optional<std::string> normalise_path(std::string_view raw_path) {
  if (raw_path.empty() || raw_path.front() != '/') return std::nullopt;
  std::string decoded;
  if (!url::percent_decode(raw_path, decoded, false)) return std::nullopt;
  if (decoded.find_first_of(std::string_view("\\\0", 2)) != std::string::npos) return std::nullopt;
  std::string result;
  std::string_view rest = decoded;
  while (!rest.empty()) {
    std::size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    if (segment.empty()) continue;
    if (segment.front() == '.') return std::nullopt;
    if (!result.empty()) result += '/';
    result += segment;
  }
  return result;
}

StaticFiles::StaticFiles(const std::string& root) {
  if (root.empty()) return;
  std::error_code ec;
  fs::path canonical = fs::canonical(root, ec);
  if (ec) return;
  root_ = std::move(canonical);
  enabled_ = fs::is_regular_file(root_ / "index.html", ec);
}

bool StaticFiles::read_inside_root(const fs::path& candidate, std::string& out) const {
  std::error_code ec;
  // canonical() resolves symbolic links, so a link pointing out of the root is refused too.
  fs::path real = fs::canonical(candidate, ec);
  if (ec) return false;
  auto [root_end, real_it] = std::mismatch(root_.begin(), root_.end(), real.begin(), real.end());
  if (root_end != root_.end() || real_it == real.end()) return false;
  if (!fs::is_regular_file(real, ec)) return false;
  std::ifstream in(real, std::ios::binary);
  if (!in) return false;
  std::uintmax_t size = fs::file_size(real, ec);
  if (ec) return false;
  out.resize(static_cast<std::size_t>(size));
  in.read(out.data(), static_cast<std::streamsize>(size));
  out.resize(static_cast<std::size_t>(in.gcount()));
  return true;
}

StaticFiles::Result StaticFiles::get(std::string_view raw_path) const {
  Result result;
  if (!enabled_) return result;
  std::optional<std::string> relative = normalise_path(raw_path);
  if (!relative) {
    result.status = 400;
    return result;
  }
  std::string file = relative->empty() ? std::string("index.html") : std::move(*relative);
  if (!read_inside_root(root_ / file, result.body)) {
    if (has_extension(file)) return result;
    file = "index.html";
    if (!read_inside_root(root_ / file, result.body)) return result;
  }
  result.status = 200;
  result.content_type = mime_type(file);
  result.cache_control = cache_control(file);
  return result;
}

}  // namespace voordeur::http
