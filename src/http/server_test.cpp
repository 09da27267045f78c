// End-to-end tests: a real Server on an ephemeral port, spoken to over plain sockets so that the
// tests can also send what no well-behaved client library would (broken request lines, traversal
// paths, oversized bodies).
#include "http/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <optional>
#include <stdexcept>
#include <thread>

#include "app/log.h"

namespace voordeur::http {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

struct HttpResponse {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A blocking client connection with a receive timeout, so a broken server fails a test instead
// of hanging it.
class Client {
 public:
  explicit Client(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) throw std::runtime_error("socket() failed");
    timeval tv{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    connect_errno_ = connected_ ? 0 : errno;
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connected_; }
  int connect_errno() const { return connect_errno_; }

  bool send(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  // Reads one response, skipping interim 100 Continue unless asked for. nullopt when the
  // connection closed first.
  std::optional<HttpResponse> read(bool head_request = false, bool skip_interim = true) {
    for (;;) {
      std::size_t end;
      while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
        if (!fill()) return std::nullopt;
      }
      HttpResponse r;
      std::string head = buffer_.substr(0, end);
      buffer_.erase(0, end + 4);
      std::size_t line_end = head.find("\r\n");
      std::string status_line = head.substr(0, line_end);
      if (status_line.size() < 12) return std::nullopt;
      r.status = std::stoi(status_line.substr(9, 3));
      std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
      while (pos < head.size()) {
        std::size_t next = head.find("\r\n", pos);
        if (next == std::string::npos) next = head.size();
        std::string line = head.substr(pos, next - pos);
        std::size_t colon = line.find(':');
        std::string value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        r.headers.emplace(lower(line.substr(0, colon)), value);
        pos = next + 2;
      }
      if (r.status == 100 && skip_interim) continue;
      if (r.status == 100) return r;
      std::string length = r.header("content-length");
      if (head_request || r.status == 204 || r.status == 304) return r;
      if (!length.empty()) {
        std::size_t n = std::stoul(length);
        while (buffer_.size() < n) {
          if (!fill()) return std::nullopt;
        }
        r.body = buffer_.substr(0, n);
        buffer_.erase(0, n);
      } else {
        while (fill()) {
        }
        r.body = std::move(buffer_);
        buffer_.clear();
      }
      return r;
    }
  }

  // True when the server closes the connection (EOF or reset) within the receive timeout.
  bool closed_by_server() {
    char c;
    ssize_t n = ::recv(fd_, &c, 1, 0);
    return n == 0 || (n < 0 && errno == ECONNRESET);
  }

  void set_timeout(std::chrono::milliseconds timeout) {
    timeval tv{static_cast<time_t>(timeout.count() / 1000), static_cast<suseconds_t>(timeout.count() % 1000 * 1000)};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }

 private:
  bool fill() {
    char chunk[16384];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  int connect_errno_ = 0;
  std::string buffer_;
};

std::string get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extra_headers + "\r\n";
}

// A server running on its own thread for the lifetime of the object.
class RunningServer {
 public:
  RunningServer(ServerConfig config, const Router& router) : server_(std::move(config), router) {
    server_.listen();
    thread_ = std::thread([this] { server_.run(false); });
  }
  ~RunningServer() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  Server& server() { return server_; }
  unsigned short port() const { return server_.port(); }
  // Stops and waits until run() returned; the duration it took.
  std::chrono::milliseconds stop_and_wait() {
    auto start = std::chrono::steady_clock::now();
    server_.stop();
    thread_.join();
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  }

  std::optional<HttpResponse> request(const std::string& raw, bool head = false) {
    Client c(port());
    if (!c.connected() || !c.send(raw)) return std::nullopt;
    return c.read(head);
  }

 private:
  Server server_;
  std::thread thread_;
};

Response json(std::string body, int status = 200) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

constexpr const char* kIndex = "<!doctype html><title>Voordeur</title>";

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_level(log::Level::warn);
    char tmpl[] = "/tmp/voordeur-server-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    base_ = tmpl;
    write_file(base_ / "public" / "index.html", kIndex);
    write_file(base_ / "public" / "assets" / "app.3f2a.js", "console.log('app');");
    write_file(base_ / "public" / "favicon.ico", "ICO");
    write_file(base_ / "secret.txt", "TOP-SECRET");

    router_.add("GET", "/health", [](const Request&, const PathParams&) { return json(R"({"status":"alive"})"); });
    router_.add("GET", "/api/items/{id}",
                [](const Request&, const PathParams& p) { return json("item:" + p.at("id")); });
    router_.add("PUT", "/api/items/{id}", [](const Request&, const PathParams&) { return json("put"); });
    router_.add("GET", "/api/items/new", [](const Request&, const PathParams&) { return json("new form"); });
    router_.add("POST", "/api/echo", [this](const Request& r, const PathParams&) {
      ++echo_calls_;
      return json(r.body);
    });
    router_.add("GET", "/api/inspect", [](const Request& r, const PathParams&) {
      return json(r.method + "|" + r.path + "|" + r.query + "|" + r.query_param("q") + "|" + r.header("x-test") +
                  "|" + r.cookie("voordeur_session") + "|" + r.client_address + "|" + (r.tls ? "tls" : "plain"));
    });
    router_.add("GET", "/api/files/{name}", [](const Request& r, const PathParams& p) {
      return json(r.path + "|" + p.at("name"));
    });
    router_.add("GET", "/api/boom", [](const Request&, const PathParams&) -> Response {
      throw std::runtime_error("database said: row 42 is locked");
    });
    router_.add("GET", "/api/cookies", [](const Request&, const PathParams&) {
      Response r = json("{}");
      r.headers.emplace_back("Set-Cookie", "a=1; Path=/; HttpOnly");
      r.headers.emplace_back("Set-Cookie", "b=2; Path=/; HttpOnly");
      r.headers.emplace_back("Cache-Control", "private, max-age=60");
      return r;
    });
    router_.add("GET", "/api/bad-header", [](const Request&, const PathParams&) {
      Response r = json("{}");
      r.headers.emplace_back("X-Injected", "a\r\nSet-Cookie: evil=1");
      return r;
    });
    router_.add("DELETE", "/api/items/{id}", [](const Request&, const PathParams&) { return json("", 204); });
    router_.add("GET", "/api/slow", [this](const Request&, const PathParams&) {
      slow_entered_.set_value();
      std::this_thread::sleep_for(300ms);
      return json(R"({"done":true})");
    });
    router_.add("GET", "/api/stop", [this](const Request&, const PathParams&) {
      stop_target_->stop();
      return json(R"({"stopping":true})");
    });
  }
  void TearDown() override {
    log::set_level(log::Level::info);
    fs::remove_all(base_);
  }

  ServerConfig config() const {
    ServerConfig c;
    c.address = "127.0.0.1";
    c.port = 0;
    c.io_threads = 2;
    c.worker_threads = 2;
    c.slow_threads = 1;
    c.static_dir = (base_ / "public").string();
    c.body_limit = 1024;
    return c;
  }

  fs::path base_;
  Router router_;
  std::atomic<int> echo_calls_{0};
  std::promise<void> slow_entered_;
  Server* stop_target_ = nullptr;
};

void expect_security_headers(const HttpResponse& r) {
  EXPECT_EQ(r.header("content-security-policy"),
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  EXPECT_EQ(r.header("x-frame-options"), "DENY");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(r.header("cross-origin-opener-policy"), "same-origin");
}

TEST_F(ServerTest, RoutesWithParameters) {
  RunningServer s(config(), router_);
  auto r = s.request(get("/api/items/42"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "item:42");
  EXPECT_EQ(r->header("content-type"), "application/json");
  EXPECT_EQ(r->header("cache-control"), "no-store");
  expect_security_headers(*r);
  EXPECT_EQ(s.request(get("/api/items/new"))->body, "new form");
  EXPECT_EQ(s.request(get("/health"))->body, R"({"status":"alive"})");
}

TEST_F(ServerTest, UnknownApiPathIs404Problem) {
  RunningServer s(config(), router_);
  for (const char* target : {"/api/nothing", "/api/items/42/", "/api/items", "/ready"}) {
    auto r = s.request(get(target));
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->status, 404) << target;
    EXPECT_EQ(r->header("content-type"), "application/problem+json");
    EXPECT_NE(r->body.find(R"("code":"not_found")"), std::string::npos);
    EXPECT_NE(r->body.find(R"("type":"/problems/not_found")"), std::string::npos);
    EXPECT_NE(r->body.find("openapi"), std::string::npos);
    expect_security_headers(*r);
  }
}

TEST_F(ServerTest, KnownPathOtherMethodIs405WithAllow) {
  RunningServer s(config(), router_);
  auto r = s.request("PATCH /api/items/42 HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->header("allow"), "DELETE, GET, PUT");
  EXPECT_EQ(r->header("content-type"), "application/problem+json");
  EXPECT_NE(r->body.find(R"("code":"method_not_allowed")"), std::string::npos);
  auto literal = s.request("POST /api/items/new HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n");
  ASSERT_TRUE(literal);
  EXPECT_EQ(literal->status, 405);
  EXPECT_EQ(literal->header("allow"), "DELETE, GET, PUT");
}

TEST_F(ServerTest, FillsTheRequest) {
  RunningServer s(config(), router_);
  auto r = s.request(get("/api/inspect?q=de+Vries%20zn&x=1",
                         "X-TEST: value\r\nCookie: theme=dark\r\nCookie: voordeur_session=abc\r\n"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "GET|/api/inspect|q=de+Vries%20zn&x=1|de Vries zn|value|abc|127.0.0.1|plain");
  auto decoded = s.request(get("/api/files/a%20b%2Fc.txt"));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->status, 404);
  auto spaced = s.request(get("/api/files/a%20b.txt"));
  ASSERT_TRUE(spaced);
  EXPECT_EQ(spaced->body, "/api/files/a b.txt|a b.txt");
}

TEST_F(ServerTest, StrictTransportSecurityOnlyWhenThePublicUrlIsHttps) {
  {
    RunningServer s(config(), router_);
    auto r = s.request(get("/api/inspect", "X-Forwarded-Proto: https\r\n"));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->header("strict-transport-security"), "") << "a client's X-Forwarded-Proto is never trusted";
    EXPECT_TRUE(r->body.ends_with("|plain"));
    expect_security_headers(*r);
  }
  ServerConfig https = config();
  https.public_https = true;
  RunningServer s(https, router_);
  for (const char* target : {"/api/inspect", "/", "/api/no-such-route"}) {
    auto r = s.request(get(target));
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->header("strict-transport-security"), "max-age=31536000; includeSubDomains") << target;
    expect_security_headers(*r);
  }
  auto r = s.request(get("/api/inspect"));
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->body.ends_with("|tls")) << "requests count as TLS, so cookies get Secure";
}

TEST_F(ServerTest, InvalidPathEncodingIs400) {
  RunningServer s(config(), router_);
  for (const char* target : {"/api/items/%zz", "/api/items/%4", "/api/items/a%00b", "/index%zz.html"}) {
    auto r = s.request(get(target));
    ASSERT_TRUE(r) << target;
    EXPECT_EQ(r->status, 400) << target;
    EXPECT_NE(r->body.find(R"("code":"bad_request")"), std::string::npos);
  }
  auto absolute = s.request(get("http://example.org/api/items/1"));
  ASSERT_TRUE(absolute);
  EXPECT_EQ(absolute->status, 400);
}

TEST_F(ServerTest, BodyOverLimitIs413AndHandlerNeverRuns) {
  RunningServer s(config(), router_);
  {
    Client c(s.port());
    ASSERT_TRUE(c.connected());
    c.send("POST /api/echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n");
    c.send(std::string(5000, 'x'));
    auto r = c.read();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
    EXPECT_EQ(r->header("content-type"), "application/problem+json");
    EXPECT_NE(r->body.find(R"("code":"payload_too_large")"), std::string::npos);
    EXPECT_EQ(r->header("connection"), "close");
    expect_security_headers(*r);
    EXPECT_TRUE(c.closed_by_server());
  }
  {
    Client c(s.port());
    c.send("POST /api/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
    c.send("400\r\n" + std::string(1024, 'y') + "\r\n400\r\n" + std::string(1024, 'y') + "\r\n0\r\n\r\n");
    auto r = c.read();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 413);
  }
  EXPECT_EQ(echo_calls_.load(), 0);
  std::string exact(1024, 'z');
  auto ok = s.request("POST /api/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1024\r\n\r\n" + exact);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(ok->body, exact);
  EXPECT_EQ(echo_calls_.load(), 1);
}

TEST_F(ServerTest, ExpectContinueGetsInterimResponse) {
  RunningServer s(config(), router_);
  Client c(s.port());
  c.send("POST /api/echo HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
  auto interim = c.read(false, false);
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  c.send("hello");
  auto r = c.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "hello");
}

TEST_F(ServerTest, MalformedRequestIs400) {
  RunningServer s(config(), router_);
  for (const char* raw : {"THIS IS NOT HTTP\r\n\r\n", "GET /api/items/1 HTTP/1.1\r\nBad Header\r\n\r\n",
                          "GET /api/items/1 HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n"}) {
    Client c(s.port());
    c.send(raw);
    auto r = c.read();
    ASSERT_TRUE(r) << raw;
    EXPECT_EQ(r->status, 400) << raw;
    EXPECT_EQ(r->header("content-type"), "application/problem+json");
    EXPECT_NE(r->body.find(R"("code":"bad_request")"), std::string::npos);
    expect_security_headers(*r);
    EXPECT_TRUE(c.closed_by_server());
  }
}

TEST_F(ServerTest, OversizedHeadersAre431) {
  RunningServer s(config(), router_);
  Client c(s.port());
  c.send(get("/api/items/1", "X-Big: " + std::string(17 * 1024, 'h') + "\r\n"));
  auto r = c.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
  EXPECT_EQ(r->header("content-type"), "application/problem+json");
}

TEST_F(ServerTest, HandlerExceptionIs500WithGenericDetail) {
  RunningServer s(config(), router_);
  auto r = s.request(get("/api/boom"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->header("content-type"), "application/problem+json");
  EXPECT_NE(r->body.find(R"("code":"internal")"), std::string::npos);
  EXPECT_EQ(r->body.find("row 42"), std::string::npos);
  EXPECT_EQ(r->body.find("database"), std::string::npos);
  expect_security_headers(*r);
  EXPECT_EQ(s.request(get("/api/items/1"))->status, 200);
}

TEST_F(ServerTest, ExtraHeadersRepeatSetCookieAndOverrideDefaults) {
  RunningServer s(config(), router_);
  auto r = s.request(get("/api/cookies"));
  ASSERT_TRUE(r);
  auto [first, last] = r->headers.equal_range("set-cookie");
  std::vector<std::string> cookies;
  for (auto it = first; it != last; ++it) cookies.push_back(it->second);
  EXPECT_EQ(cookies, (std::vector<std::string>{"a=1; Path=/; HttpOnly", "b=2; Path=/; HttpOnly"}));
  EXPECT_EQ(r->headers.count("cache-control"), 1u);
  EXPECT_EQ(r->header("cache-control"), "private, max-age=60");
}

TEST_F(ServerTest, HeaderInjectionFromHandlerBecomes500) {
  RunningServer s(config(), router_);
  auto r = s.request(get("/api/bad-header"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->headers.count("set-cookie"), 0u);
}

TEST_F(ServerTest, NoContentHasNoBody) {
  RunningServer s(config(), router_);
  Client c(s.port());
  c.send("DELETE /api/items/3 HTTP/1.1\r\nHost: t\r\n\r\n");
  auto r = c.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 204);
  EXPECT_EQ(r->header("content-type"), "");
  c.send(get("/api/items/4"));
  auto next = c.read();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, "item:4");
}

TEST_F(ServerTest, ServesStaticFilesWithTypeAndCaching) {
  RunningServer s(config(), router_);
  auto js = s.request(get("/assets/app.3f2a.js"));
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->body, "console.log('app');");
  EXPECT_EQ(js->header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js->header("cache-control"), "public, max-age=31536000, immutable");
  expect_security_headers(*js);
  auto index = s.request(get("/"));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->body, kIndex);
  EXPECT_EQ(index->header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index->header("cache-control"), "no-cache");
  expect_security_headers(*index);
  auto icon = s.request(get("/favicon.ico"));
  ASSERT_TRUE(icon);
  EXPECT_EQ(icon->header("content-type"), "image/x-icon");
}

TEST_F(ServerTest, HeadOnStaticSendsLengthWithoutBody) {
  RunningServer s(config(), router_);
  Client c(s.port());
  c.send("HEAD /assets/app.3f2a.js HTTP/1.1\r\nHost: t\r\n\r\n");
  auto r = c.read(true);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("content-length"), "19");
  c.send(get("/favicon.ico"));
  auto next = c.read();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, "ICO");
}

TEST_F(ServerTest, SinglePageAppFallback) {
  RunningServer s(config(), router_);
  for (const char* route : {"/cases/12", "/signals/new", "/api", "/healthz"}) {
    auto r = s.request(get(route));
    ASSERT_TRUE(r) << route;
    EXPECT_EQ(r->status, 200) << route;
    EXPECT_EQ(r->body, kIndex) << route;
    EXPECT_EQ(r->header("cache-control"), "no-cache") << route;
  }
  for (const char* missing : {"/missing.js", "/assets/missing.css"}) {
    auto r = s.request(get(missing));
    ASSERT_TRUE(r) << missing;
    EXPECT_EQ(r->status, 404) << missing;
    EXPECT_EQ(r->header("content-type"), "application/problem+json");
  }
}

TEST_F(ServerTest, TraversalNeverLeavesStaticDir) {
  RunningServer s(config(), router_);
  for (const char* target : {"/../etc/passwd", "/../secret.txt", "/%2e%2e/secret.txt", "/%2e%2e/%2e%2e/etc/passwd",
                             "/assets/..%2f..%2fsecret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt",
                             "/assets/..\\..\\secret.txt", "/%00/index.html", "/.%2e/secret.txt"}) {
    auto r = s.request(get(target));
    ASSERT_TRUE(r) << target;
    EXPECT_NE(r->status, 200) << target;
    EXPECT_EQ(r->body.find("TOP-SECRET"), std::string::npos) << target;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << target;
  }
}

TEST_F(ServerTest, NonGetOnStaticIs405) {
  RunningServer s(config(), router_);
  auto r = s.request("POST /index.html HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->header("allow"), "GET, HEAD");
  expect_security_headers(*r);
}

TEST_F(ServerTest, WithoutStaticDirNonApiPathsAre404) {
  ServerConfig c = config();
  c.static_dir.clear();
  RunningServer s(c, router_);
  for (const char* target : {"/", "/index.html", "/cases/1"}) {
    auto r = s.request(get(target));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
    EXPECT_EQ(r->header("content-type"), "application/problem+json");
  }
  EXPECT_EQ(s.request(get("/health"))->status, 200);
}

TEST_F(ServerTest, StaticDirWithoutIndexIsDisabled) {
  fs::remove(base_ / "public" / "index.html");
  RunningServer s(config(), router_);
  auto r = s.request(get("/assets/app.3f2a.js"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  RunningServer s(config(), router_);
  Client c(s.port());
  ASSERT_TRUE(c.send(get("/api/items/1")));
  auto first = c.read();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->body, "item:1");
  EXPECT_NE(first->header("connection"), "close");
  ASSERT_TRUE(c.send(get("/assets/app.3f2a.js")));
  auto second = c.read();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->status, 200);
  ASSERT_TRUE(c.send(get("/api/items/3") + get("/api/items/4")));
  EXPECT_EQ(c.read()->body, "item:3");
  EXPECT_EQ(c.read()->body, "item:4");
}

TEST_F(ServerTest, ConnectionCloseAndHttp10AreHonoured) {
  RunningServer s(config(), router_);
  {
    Client c(s.port());
    c.send(get("/api/items/1", "Connection: close\r\n"));
    auto r = c.read();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->header("connection"), "close");
    EXPECT_TRUE(c.closed_by_server());
  }
  {
    Client c(s.port());
    c.send("GET /api/items/2 HTTP/1.0\r\n\r\n");
    auto r = c.read();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, "item:2");
    EXPECT_TRUE(c.closed_by_server());
  }
}

TEST_F(ServerTest, IdleAndReadTimeoutsCloseConnections) {
  ServerConfig cfg = config();
  cfg.idle_timeout = std::chrono::seconds(1);
  cfg.read_timeout = std::chrono::seconds(1);
  RunningServer s(cfg, router_);
  Client idle(s.port());
  idle.send(get("/api/items/1"));
  ASSERT_TRUE(idle.read());
  Client partial(s.port());
  partial.send("GET /api/items/1 HTTP/1.1\r\nHost: t\r\n");
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(idle.closed_by_server());
  EXPECT_TRUE(partial.closed_by_server());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 4s);
}

TEST_F(ServerTest, SlowRoutesRunOnTheirOwnPool) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> blocking;
  Router router;
  router.add("GET", "/api/block", [&](const Request&, const PathParams&) {
    blocking.set_value();
    released.wait();
    return json("unblocked");
  });
  router.add("POST", "/api/login", [](const Request&, const PathParams&) { return json("hashed"); },
             RouteOptions{.slow = true});
  router.add("GET", "/health", [](const Request&, const PathParams&) { return json("alive"); },
             RouteOptions{.inline_io = true});
  ServerConfig cfg = config();
  cfg.worker_threads = 1;
  cfg.slow_threads = 1;
  RunningServer s(cfg, router);
  // Declared after the server so that a failed assertion still unblocks the handler first.
  struct Release {
    std::promise<void>& promise;
    bool done = false;
    void now() {
      if (!done) promise.set_value();
      done = true;
    }
    ~Release() { now(); }
  } release_on_exit{release};
  Client blocked(s.port());
  blocked.send(get("/api/block"));
  blocking.get_future().wait();
  auto login = s.request("POST /api/login HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->body, "hashed");
  // An inline route answers on the io thread while the only worker is blocked.
  auto health = s.request(get("/health"));
  ASSERT_TRUE(health);
  EXPECT_EQ(health->body, "alive");
  auto file = s.request(get("/favicon.ico"));
  ASSERT_TRUE(file);
  EXPECT_EQ(file->body, "ICO");
  blocked.set_timeout(100ms);
  EXPECT_FALSE(blocked.read());
  release_on_exit.now();
  blocked.set_timeout(5000ms);
  auto r = blocked.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "unblocked");
}

TEST_F(ServerTest, GracefulShutdownFinishesInFlightRequestAndRefusesNewConnections) {
  RunningServer s(config(), router_);
  Client busy(s.port());
  Client idle(s.port());
  ASSERT_TRUE(idle.send(get("/api/items/1")));
  ASSERT_TRUE(idle.read());
  ASSERT_TRUE(busy.send(get("/api/slow")));
  slow_entered_.get_future().wait();
  auto stopped = std::async(std::launch::async, [&] { return s.stop_and_wait(); });
  std::this_thread::sleep_for(50ms);
  Client late(s.port());
  EXPECT_FALSE(late.connected());
  EXPECT_EQ(late.connect_errno(), ECONNREFUSED);
  EXPECT_TRUE(idle.closed_by_server());
  auto r = busy.read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, R"({"done":true})");
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_TRUE(busy.closed_by_server());
  auto took = stopped.get();
  EXPECT_GE(took, 200ms);
  EXPECT_LT(took, 5000ms);
}

TEST_F(ServerTest, ShutdownWithOnlyIdleConnectionsIsImmediate) {
  RunningServer s(config(), router_);
  Client idle(s.port());
  ASSERT_TRUE(idle.send(get("/api/items/1")));
  ASSERT_TRUE(idle.read());
  Client silent(s.port());
  ASSERT_TRUE(silent.connected());
  std::this_thread::sleep_for(50ms);
  EXPECT_LT(s.stop_and_wait(), 3000ms);
  EXPECT_TRUE(idle.closed_by_server());
  EXPECT_TRUE(silent.closed_by_server());
}

TEST_F(ServerTest, ShutdownGraceForceClosesStuckConnections) {
  ServerConfig cfg = config();
  cfg.shutdown_grace = std::chrono::seconds(1);
  RunningServer s(cfg, router_);
  Client stuck(s.port());
  stuck.send("GET /api/items/1 HTTP/1.1\r\nHost: t\r\n");
  std::this_thread::sleep_for(50ms);
  auto took = s.stop_and_wait();
  EXPECT_GE(took, 900ms);
  EXPECT_LT(took, 5000ms);
  EXPECT_TRUE(stuck.closed_by_server());
}

TEST_F(ServerTest, StopFromWithinAHandler) {
  RunningServer s(config(), router_);
  stop_target_ = &s.server();
  auto r = s.request(get("/api/stop"));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_LT(s.stop_and_wait(), 3000ms);
}

TEST_F(ServerTest, ListenFailsClearlyWhenPortTaken) {
  RunningServer s(config(), router_);
  ServerConfig cfg = config();
  cfg.port = s.port();
  Server second(cfg, router_);
  try {
    second.listen();
    FAIL() << "listen() on a taken port succeeded";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(std::to_string(s.port())), std::string::npos);
  }
}

TEST_F(ServerTest, LogsOneLinePerRequestWithoutPathQueryOrBody) {
  log::set_level(log::Level::info);
  ::testing::internal::CaptureStderr();
  {
    RunningServer s(config(), router_);
    s.request(get("/api/items/8123456?name=Jansen", "X-Test: Pietersen\r\n"));
    s.request("POST /api/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 9\r\n\r\nde Bruijn");
    s.request(get("/cases/77"));
    s.request(get("/api/boom"));
  }
  std::string out = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(out.find(R"("method":"GET")"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("method":"POST")"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("route":"/api/items/{id}","status":200)"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("route":"/api/echo","status":200)"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("route":"static","status":200)"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("route":"/api/boom","status":500)"), std::string::npos) << out;
  EXPECT_NE(out.find("row 42 is locked"), std::string::npos) << out;
  for (const char* secret : {"8123456", "Jansen", "Pietersen", "de Bruijn", "/cases/77"}) {
    EXPECT_EQ(out.find(secret), std::string::npos) << secret;
  }
  std::size_t lines = 0;
  for (std::size_t pos = 0; (pos = out.find(R"("msg":"request")", pos)) != std::string::npos; ++pos) ++lines;
  EXPECT_EQ(lines, 4u);
}

}  // namespace
}  // namespace voordeur::http
