#include "http/static_files.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

namespace voordeur::http {
namespace {
namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

TEST(MimeType, KnownExtensions) {
  EXPECT_EQ(mime_type("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(mime_type("assets/app.3f2a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(mime_type("assets/worker.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(mime_type("assets/app.css"), "text/css; charset=utf-8");
  EXPECT_EQ(mime_type("logo.svg"), "image/svg+xml");
  EXPECT_EQ(mime_type("icon.png"), "image/png");
  EXPECT_EQ(mime_type("favicon.ico"), "image/x-icon");
  EXPECT_EQ(mime_type("data.json"), "application/json");
  EXPECT_EQ(mime_type("assets/font.woff2"), "font/woff2");
  EXPECT_EQ(mime_type("robots.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(mime_type("manifest.webmanifest"), "application/manifest+json");
}

TEST(MimeType, CaseInsensitiveAndFallback) {
  EXPECT_EQ(mime_type("INDEX.HTML"), "text/html; charset=utf-8");
  EXPECT_EQ(mime_type("archive.tar.gz"), "application/octet-stream");
  EXPECT_EQ(mime_type("README"), "application/octet-stream");
  EXPECT_EQ(mime_type("dir.js/file"), "application/octet-stream");
}

TEST(CacheControl, AssetsAreImmutableEverythingElseRevalidates) {
  EXPECT_EQ(cache_control("assets/app.3f2a.js"), "public, max-age=31536000, immutable");
  EXPECT_EQ(cache_control("index.html"), "no-cache");
  EXPECT_EQ(cache_control("favicon.ico"), "no-cache");
  EXPECT_EQ(cache_control("assetsx/app.js"), "no-cache");
}

TEST(NormalisePath, AcceptsOrdinaryPaths) {
  EXPECT_EQ(normalise_path("/"), "");
  EXPECT_EQ(normalise_path("/index.html"), "index.html");
  EXPECT_EQ(normalise_path("/assets/app.js"), "assets/app.js");
  EXPECT_EQ(normalise_path("//assets///app.js/"), "assets/app.js");
  EXPECT_EQ(normalise_path("/cases/12"), "cases/12");
  EXPECT_EQ(normalise_path("/a%20b.txt"), "a b.txt");
  EXPECT_EQ(normalise_path("/app..js"), "app..js");
}

TEST(NormalisePath, RefusesTraversalAndOddBytes) {
  for (const char* raw : {"", "assets/app.js", "/..", "/../etc/passwd", "/assets/../../secret", "/%2e%2e/secret",
                          "/%2E%2E/secret", "/.%2e/secret", "/assets/..%2f..%2fsecret", "/assets/%2e%2e%2f%2e%2e%2fx",
                          "/./index.html", "/a\\..\\b", "/a%5c..%5cb", "/a%00.html", "/.env", "/.git/config",
                          "/%zz", "/%2"}) {
    EXPECT_FALSE(normalise_path(raw).has_value()) << raw;
  }
  EXPECT_FALSE(normalise_path(std::string_view("/a\0b", 4)).has_value());
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/voordeur-static-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    base_ = tmpl;
    root_ = base_ / "public";
    write_file(root_ / "index.html", "<!doctype html><title>app</title>");
    write_file(root_ / "assets" / "app.3f2a.js", "console.log(1);");
    write_file(root_ / "favicon.ico", "ICO");
    write_file(base_ / "secret.txt", "TOP-SECRET");
    fs::create_symlink(base_ / "secret.txt", root_ / "escape.txt");
    fs::create_directory_symlink(base_, root_ / "outside");
  }
  void TearDown() override { fs::remove_all(base_); }

  fs::path base_;
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypeAndCachePolicy) {
  StaticFiles files(root_.string());
  ASSERT_TRUE(files.enabled());
  auto js = files.get("/assets/app.3f2a.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log(1);");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(js.cache_control, "public, max-age=31536000, immutable");
  auto index = files.get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!doctype html><title>app</title>");
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index.cache_control, "no-cache");
  auto icon = files.get("/favicon.ico");
  EXPECT_EQ(icon.status, 200);
  EXPECT_EQ(icon.content_type, "image/x-icon");
  EXPECT_EQ(icon.cache_control, "no-cache");
}

TEST_F(StaticFilesTest, AppRoutesFallBackToIndexButMissingFilesAre404) {
  StaticFiles files(root_.string());
  for (const char* route : {"/cases/12", "/signals", "/assets", "/assets/", "/assets/unknown"}) {
    auto r = files.get(route);
    EXPECT_EQ(r.status, 200) << route;
    EXPECT_EQ(r.body, "<!doctype html><title>app</title>") << route;
    EXPECT_EQ(r.cache_control, "no-cache") << route;
  }
  EXPECT_EQ(files.get("/missing.js").status, 404);
  EXPECT_EQ(files.get("/assets/missing.css").status, 404);
}

TEST_F(StaticFilesTest, NeverLeavesTheRoot) {
  StaticFiles files(root_.string());
  for (const char* raw : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/..\\secret.txt",
                          "/escape.txt", "/outside/secret.txt"}) {
    auto r = files.get(raw);
    EXPECT_NE(r.status, 200) << raw;
    EXPECT_EQ(r.body.find("TOP-SECRET"), std::string::npos) << raw;
  }
}

TEST_F(StaticFilesTest, DisabledWithoutRootOrIndex) {
  StaticFiles none("");
  EXPECT_FALSE(none.enabled());
  EXPECT_EQ(none.get("/").status, 404);
  fs::remove(root_ / "index.html");
  StaticFiles no_index(root_.string());
  EXPECT_FALSE(no_index.enabled());
  EXPECT_EQ(no_index.get("/assets/app.3f2a.js").status, 404);
  StaticFiles missing((base_ / "nope").string());
  EXPECT_FALSE(missing.enabled());
}

}  // namespace
}  // namespace voordeur::http
