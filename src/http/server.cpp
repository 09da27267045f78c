// The only translation unit that includes Beast. Shape: one io_context run by config.io_threads
// threads; a control strand owns the acceptor, the signal set and the shutdown timer; every
// connection is a Session on its own strand that reads one request at a time, hands API requests
// to a worker pool and writes the answer back on its strand.
#include "http/server.h"

#include <algorithm>
#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <csignal>
#include <exception>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "app/log.h"
#include "http/static_files.h"
#include "http/url.h"

namespace voordeur::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kHeaderLimit = 16 * 1024;
constexpr std::size_t kReadChunk = 8 * 1024;
// After an error answer the client may still be sending a body we refused; reading and dropping
// it for a moment before closing keeps the kernel from resetting the connection, which could
// destroy our answer before the client reads it.
constexpr auto kLinger = std::chrono::seconds(1);
constexpr auto kAcceptRetry = std::chrono::milliseconds(100);
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

// Sent only with --public-https: a browser that once saw it uses https for a year.
constexpr const char* kStrictTransportSecurity = "max-age=31536000; includeSubDomains";
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

// Beast 1.74 uses boost::string_view; the rest of the code base uses std::string_view.
std::string_view to_std(beast::string_view s) { return {s.data(), s.size()}; }

bool is_api_path(std::string_view path) {
  return path.starts_with("/api/") || path == "/health" || path == "/ready";
}

bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool valid_header(const std::pair<std::string, std::string>& header) {
  const auto& [name, value] = header;
  if (name.empty() || !std::all_of(name.begin(), name.end(), is_token_char)) return false;
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string::npos;
}

void lower_in_place(std::string& s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'A' && x <= 'Z' ? x + 32 : x) == (y >= 'A' && y <= 'Z' ? y + 32 : y);
         });
}

const beast::error_category& http_error_category() {
  return bhttp::make_error_code(bhttp::error::bad_target).category();
}

Response internal_error() {
  return problem(500, "internal", "Internal error",
                 "The server could not complete this request. The failure has been logged; try again later.");
}

Response run_handler(const Route& route, const Request& request, const PathParams& params) {
  try {
    return route.handler(request, params);
  } catch (const std::exception& e) {
    log::error("handler_failed", {{"route", route.pattern}, {"error", e.what()}});
  } catch (...) {
    log::error("handler_failed", {{"route", route.pattern}, {"error", "unknown exception type"}});
  }
  return internal_error();
}

class Session;

// Everything the sessions share. Server::Impl is this plus nothing, so the sessions (which are
// not members of Server) can name it.
struct Core {
  Core(ServerConfig c, const Router& r)
      : config(std::move(c)),
        router(r),
        static_files(config.static_dir),
        ioc(std::max(1, config.io_threads)),
        control(asio::make_strand(ioc)),
        acceptor(control),
        grace_timer(control),
        accept_retry_timer(control),
        workers(static_cast<std::size_t>(std::max(1, config.worker_threads))),
        slow_pool(static_cast<std::size_t>(std::max(1, config.slow_threads))) {}

  ~Core() {
    std::lock_guard lock(sessions_mutex);
    ioc_usable = false;
  }

  void listen();
  void run(bool handle_signals);
  // Marks the server as stopping at once, so that answers finishing from now on close their
  // connection, and leaves the rest of the shutdown to the control strand.
  void stop() {
    stopping.store(true);
    asio::post(control, [this] { begin_shutdown(); });
  }

  void accept();
  void on_accept(const beast::error_code& ec, tcp::socket socket);
  void begin_shutdown();
  void register_session(Session* session, std::weak_ptr<Session> weak);
  void session_closed(Session* session);
  std::vector<std::shared_ptr<Session>> live_sessions();

  ServerConfig config;
  const Router& router;
  StaticFiles static_files;
  std::atomic<bool> stopping{false};
  bool shutdown_started = false;  // control strand only
  unsigned short bound_port = 0;
  bool listening = false;

  std::mutex sessions_mutex;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;  // guarded by sessions_mutex
  bool shutting_down = false;                                     // guarded by sessions_mutex
  bool ioc_usable = true;  // guarded by sessions_mutex; false once the io threads are gone

  // Destroyed in reverse order: the pools first (finishing running handlers), then the io objects,
  // then the io_context, whose destruction releases sessions still referenced by queued handlers.
  asio::io_context ioc;
  asio::strand<asio::io_context::executor_type> control;
  tcp::acceptor acceptor;
  asio::steady_timer grace_timer;
  asio::steady_timer accept_retry_timer;
  std::optional<asio::signal_set> signals;
  asio::thread_pool workers;
  asio::thread_pool slow_pool;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(Core& core, tcp::socket&& socket) : core_(core), stream_(std::move(socket)) {}
  ~Session() { core_.session_closed(this); }

  void start() {
    core_.register_session(this, weak_from_this());
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      beast::error_code ec;
      self->stream_.socket().set_option(tcp::no_delay(true), ec);
      auto endpoint = self->stream_.socket().remote_endpoint(ec);
      if (!ec) self->client_address_ = endpoint.address().to_string();
      self->wait_for_request();
    });
  }

  asio::any_io_executor executor() { return stream_.get_executor(); }

  // Runs on the session's strand once shutdown began: a connection that waits for its next
  // request (or lingers after an error) is closed now; a busy one closes after its answer.
  void shutdown_if_idle() {
    if (state_ == State::waiting || state_ == State::lingering) stream_.close();
  }

  // Only when no io thread runs any more, after the shutdown grace expired.
  void force_close() {
    beast::error_code ec;
    stream_.socket().close(ec);
  }

 private:
  enum class State { waiting, reading, busy, lingering };

  void wait_for_request() {
    state_ = State::waiting;
    if (core_.stopping.load()) {
      close();
      return;
    }
    if (buffer_.size() > 0) {
      stream_.expires_after(core_.config.read_timeout);
      read_header();
      return;
    }
    stream_.expires_after(first_request_ ? core_.config.read_timeout : core_.config.idle_timeout);
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](const beast::error_code& ec, std::size_t n) {
                              if (ec) {
                                self->close();
                                return;
                              }
                              self->buffer_.commit(n);
                              // The first request's deadline already runs since the connection opened.
                              if (!self->first_request_) self->stream_.expires_after(self->core_.config.read_timeout);
                              self->read_header();
                            });
  }

  void read_header() {
    state_ = State::reading;
    method_label_ = "-";
    route_label_ = "none";
    parser_.emplace();
    parser_->header_limit(kHeaderLimit);
    body_limit_ = core_.config.body_limit;
    // Large enough for the route with the largest limit; on_header narrows it to the route's own.
    parser_->body_limit(core_.router.max_body_limit(core_.config.body_limit));
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](const beast::error_code& ec, std::size_t) {
                               self->on_header(ec);
                             });
  }

  void on_header(const beast::error_code& ec) {
    started_ = Clock::now();
    note_method();
    if (ec) {
      on_read_error(ec);
      return;
    }
    const auto& request = parser_->get();
    const std::string_view target = to_std(request.target());
    body_limit_ = core_.router.body_limit(std::string(to_std(request.method_string())),
                                          std::string(target.substr(0, target.find('?'))), core_.config.body_limit);
    if (const auto length = parser_->content_length(); length && *length > body_limit_) {
      on_read_error(bhttp::error::body_limit);
      return;
    }
    if (!parser_->is_done()) parser_->body_limit(body_limit_);
    if (request.version() == 11 && !parser_->is_done() && iequals(to_std(request[bhttp::field::expect]), "100-continue")) {
      asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                        [self = shared_from_this()](const beast::error_code& write_ec, std::size_t) {
                          if (write_ec) {
                            self->close();
                            return;
                          }
                          self->read_body();
                        });
      return;
    }
    read_body();
  }

  void read_body() {
    if (parser_->is_done()) {
      on_request();
      return;
    }
    bhttp::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](const beast::error_code& ec, std::size_t) {
      if (ec) {
        self->on_read_error(ec);
        return;
      }
      self->on_request();
    });
  }

  void note_method() {
    bhttp::verb verb = parser_->get().method();
    if (verb != bhttp::verb::unknown) method_label_ = to_std(bhttp::to_string(verb));
    else if (!parser_->get().method_string().empty()) method_label_ = "other";
  }

  void on_read_error(const beast::error_code& ec) {
    if (ec == bhttp::error::body_limit) {
      send_error(problem(413, "payload_too_large", "Payload too large",
                         "The request body exceeds the limit of " + std::to_string(body_limit_) +
                             " bytes."));
    } else if (ec == bhttp::error::header_limit) {
      send_error(problem(431, "headers_too_large", "Request header fields too large",
                         "The request line and headers exceed " + std::to_string(kHeaderLimit) + " bytes."));
    } else if (&ec.category() == &http_error_category() && ec != bhttp::error::end_of_stream &&
               ec != bhttp::error::partial_message) {
      send_error(problem(400, "bad_request", "Bad request", "The request is not valid HTTP/1.1."));
    } else {
      close();
    }
  }

  void send_error(Response response) {
    keep_alive_ = false;
    linger_ = true;
    head_ = false;
    version_ = 11;
    send(std::move(response));
  }

  void on_request() {
    state_ = State::busy;
    bhttp::request<bhttp::string_body> message = parser_->release();
    parser_.reset();
    keep_alive_ = message.keep_alive();
    version_ = message.version();
    head_ = message.method() == bhttp::verb::head;
    linger_ = false;

    std::string_view target = to_std(message.target());
    if (target.empty() || target.front() != '/') {
      send(problem(400, "bad_request", "Bad request", "The request target must be a path starting with '/'."));
      return;
    }
    std::size_t question = target.find('?');
    std::string_view raw_path = target.substr(0, question);
    std::string path;
    if (!url::percent_decode(raw_path, path, false) || path.find('\0') != std::string::npos) {
      send(problem(400, "bad_request", "Bad request", "The path contains an invalid percent-encoding."));
      return;
    }
    if (is_api_path(path)) {
      std::string_view query = question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);
      dispatch_api(message, std::move(path), query);
    } else {
      serve_static(message.method(), raw_path);
    }
  }

  void dispatch_api(bhttp::request<bhttp::string_body>& message, std::string path, std::string_view query) {
    std::string method(to_std(message.method_string()));
    Router::Match match = core_.router.match(method, path);
    if (!match.route) {
      if (match.path_known) {
        send(method_not_allowed(path));
      } else {
        send(problem(404, "not_found", "Not found",
                     "No API route matches this path. The API is described at /api/v1/openapi.json."));
      }
      return;
    }
    const Route* route = match.route;
    route_label_ = route->pattern;

    Request request;
    request.method = std::move(method);
    request.path = std::move(path);
    request.query.assign(query);
    for (const auto& field : message) {
      std::string name(to_std(field.name_string()));
      lower_in_place(name);
      auto [it, inserted] = request.headers.try_emplace(std::move(name), to_std(field.value()));
      if (!inserted) {
        it->second += it->first == "cookie" ? "; " : ", ";
        it->second.append(to_std(field.value()));
      }
    }
    request.body = std::move(message.body());
    request.client_address = client_address_;
    request.tls = core_.config.public_https;

    if (route->options.inline_io) {
      send(run_handler(*route, request, match.params));
      return;
    }
    asio::thread_pool& pool = route->options.slow ? core_.slow_pool : core_.workers;
    asio::post(pool, [self = shared_from_this(), route, request = std::move(request),
                      params = std::move(match.params)]() mutable {
      Response response = run_handler(*route, request, params);
      asio::any_io_executor strand = self->executor();
      asio::post(strand, [self = std::move(self), response = std::move(response)]() mutable {
        self->send(std::move(response));
      });
    });
  }

  Response method_not_allowed(const std::string& path) const {
    std::vector<std::string> allowed;
    for (const Route& route : core_.router.routes()) {
      if (std::find(allowed.begin(), allowed.end(), route.method) != allowed.end()) continue;
      if (core_.router.match(route.method, path).route) allowed.push_back(route.method);
    }
    std::sort(allowed.begin(), allowed.end());
    std::string allow;
    for (const std::string& m : allowed) {
      if (!allow.empty()) allow += ", ";
      allow += m;
    }
    Response response = problem(405, "method_not_allowed", "Method not allowed",
                                "This path does not support this method; see the Allow header.");
    response.headers.emplace_back("Allow", std::move(allow));
    return response;
  }

  void serve_static(bhttp::verb method, std::string_view raw_path) {
    route_label_ = "static";
    if (!core_.static_files.enabled()) {
      send(problem(404, "not_found", "Not found", "This server does not serve the web application."));
      return;
    }
    if (method != bhttp::verb::get && method != bhttp::verb::head) {
      Response response = problem(405, "method_not_allowed", "Method not allowed", "Static files allow GET and HEAD.");
      response.headers.emplace_back("Allow", "GET, HEAD");
      send(std::move(response));
      return;
    }
    StaticFiles::Result file = core_.static_files.get(raw_path);
    if (file.status == 400) {
      send(problem(400, "bad_request", "Bad request", "This path is not allowed."));
    } else if (file.status != 200) {
      send(problem(404, "not_found", "Not found", "No such file."));
    } else {
      Response response;
      response.content_type.assign(file.content_type);
      response.body = std::move(file.body);
      response.headers.emplace_back("Cache-Control", std::string(file.cache_control));
      send(std::move(response));
    }
  }

  void send(Response response) {
    state_ = State::busy;
    if (response.status < 200 || response.status > 599 ||
        !std::all_of(response.headers.begin(), response.headers.end(), valid_header)) {
      log::error("invalid_response", {{"route", route_label_}, {"status", std::int64_t{response.status}}});
      response = internal_error();
    }
    auto& out = response_.emplace();
    out.result(static_cast<unsigned>(response.status));
    out.version(version_);
    bool bodiless_status = response.status == 204 || response.status == 304;
    if (bodiless_status) response.body.clear();
    if (!bodiless_status || !response.body.empty()) out.set(bhttp::field::content_type, response.content_type);
    out.set("Content-Security-Policy", kContentSecurityPolicy);
    out.set(bhttp::field::x_frame_options, "DENY");
    out.set("X-Content-Type-Options", "nosniff");
    out.set("Referrer-Policy", "no-referrer");
    out.set("Cross-Origin-Opener-Policy", "same-origin");
    if (core_.config.public_https) out.set(bhttp::field::strict_transport_security, kStrictTransportSecurity);
    // Nothing but files is cacheable; a static file's own Cache-Control replaces this default.
    out.set(bhttp::field::cache_control, "no-store");
    // Extra headers replace a default of the same name; Set-Cookie may appear several times.
    for (const auto& [name, value] : response.headers) {
      if (iequals(name, "set-cookie")) out.insert(name, value);
      else out.set(name, value);
    }
    status_ = response.status;
    out.keep_alive(keep_alive_ && !core_.stopping.load());
    if (head_) {
      out.content_length(response.body.size());
    } else {
      out.body() = std::move(response.body);
      out.prepare_payload();
    }
    stream_.expires_after(core_.config.read_timeout);
    bhttp::async_write(stream_, out, [self = shared_from_this()](const beast::error_code& ec, std::size_t) {
      self->on_write(ec);
    });
  }

  void on_write(const beast::error_code& ec) {
    bool keep = response_->keep_alive();
    response_.reset();
    log::info("request", {{"method", method_label_},
                          {"route", route_label_},
                          {"status", std::int64_t{status_}},
                          {"ms", std::chrono::duration<double, std::milli>(Clock::now() - started_).count()}});
    if (ec) {
      close();
      return;
    }
    if (!keep) {
      if (linger_) linger();
      else close();
      return;
    }
    first_request_ = false;
    wait_for_request();
  }

  void linger() {
    state_ = State::lingering;
    if (core_.stopping.load()) {
      close();
      return;
    }
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    buffer_.consume(buffer_.size());
    stream_.expires_after(kLinger);
    drain();
  }

  void drain() {
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](const beast::error_code& ec, std::size_t) {
                              if (ec) {
                                self->stream_.close();
                                return;
                              }
                              self->drain();
                            });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  Core& core_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::size_t body_limit_ = 0;  // of the request being read: its route's, or the server's
  std::optional<bhttp::response<bhttp::string_body>> response_;
  std::string client_address_;
  State state_ = State::waiting;
  bool first_request_ = true;
  bool keep_alive_ = true;
  bool linger_ = false;
  bool head_ = false;
  unsigned version_ = 11;
  int status_ = 0;
  std::string_view method_label_ = "-";
  std::string_view route_label_ = "none";
  Clock::time_point started_ = Clock::now();
};

void Core::listen() {
  if (listening) return;
  beast::error_code ec;
  asio::ip::address address = asio::ip::make_address(config.address, ec);
  if (ec) throw std::runtime_error("invalid listen address '" + config.address + "'");
  tcp::endpoint endpoint(address, config.port);
  std::string where = config.address + ":" + std::to_string(config.port);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    beast::error_code ignored;
    acceptor.close(ignored);
    throw std::runtime_error("cannot listen on " + where + ": " + ec.message());
  }
  bound_port = acceptor.local_endpoint().port();
  listening = true;
  log::info("listening", {{"address", config.address}, {"port", std::int64_t{bound_port}}});
  if (!config.static_dir.empty() && !static_files.enabled()) {
    log::warn("static_files_disabled", {{"reason", "static_dir has no index.html"}});
  }
}

void Core::accept() {
  acceptor.async_accept(asio::make_strand(ioc), [this](const beast::error_code& ec, tcp::socket socket) {
    on_accept(ec, std::move(socket));
  });
}

void Core::on_accept(const beast::error_code& ec, tcp::socket socket) {
  if (ec == asio::error::operation_aborted || stopping.load()) return;
  if (ec) {
    // Typically out of file descriptors: wait a moment instead of spinning.
    log::warn("accept_failed", {{"error", ec.message()}});
    accept_retry_timer.expires_after(kAcceptRetry);
    accept_retry_timer.async_wait([this](const beast::error_code& wait_ec) {
      if (!wait_ec && !stopping.load()) accept();
    });
    return;
  }
  std::make_shared<Session>(*this, std::move(socket))->start();
  accept();
}

void Core::register_session(Session* session, std::weak_ptr<Session> weak) {
  std::lock_guard lock(sessions_mutex);
  sessions.emplace(session, std::move(weak));
}

void Core::session_closed(Session* session) {
  std::lock_guard lock(sessions_mutex);
  sessions.erase(session);
  if (shutting_down && sessions.empty() && ioc_usable) ioc.stop();
}

std::vector<std::shared_ptr<Session>> Core::live_sessions() {
  std::vector<std::shared_ptr<Session>> live;
  std::lock_guard lock(sessions_mutex);
  live.reserve(sessions.size());
  for (const auto& [raw, weak] : sessions) {
    if (auto session = weak.lock()) live.push_back(std::move(session));
  }
  return live;
}

void Core::begin_shutdown() {
  if (shutdown_started) return;
  shutdown_started = true;
  stopping.store(true);
  beast::error_code ec;
  acceptor.close(ec);
  accept_retry_timer.cancel();
  if (signals) signals->cancel(ec);
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(sessions_mutex);
    shutting_down = true;
    if (sessions.empty()) {
      log::info("shutdown", {{"open_connections", std::int64_t{0}}});
      ioc.stop();
      return;
    }
  }
  live = live_sessions();
  log::info("shutdown", {{"open_connections", static_cast<std::int64_t>(live.size())}});
  for (const auto& session : live) {
    asio::post(session->executor(), [session] { session->shutdown_if_idle(); });
  }
  grace_timer.expires_after(config.shutdown_grace);
  grace_timer.async_wait([this](const beast::error_code& wait_ec) {
    if (wait_ec) return;
    log::warn("shutdown_grace_expired", {{"open_connections", static_cast<std::int64_t>(live_sessions().size())}});
    ioc.stop();
  });
}

void Core::run(bool handle_signals) {
  listen();
  if (handle_signals) {
    signals.emplace(control, SIGINT, SIGTERM);
    signals->async_wait([this](const beast::error_code& ec, int signal_number) {
      if (ec) return;
      log::info("signal", {{"signal", std::int64_t{signal_number}}});
      begin_shutdown();
    });
  }
  asio::dispatch(control, [this] {
    if (!stopping.load()) accept();
  });

  auto run_loop = [this] {
    for (;;) {
      try {
        ioc.run();
        return;
      } catch (const std::exception& e) {
        log::error("io_thread_exception", {{"error", e.what()}});
      }
    }
  };
  std::vector<std::thread> threads;
  for (int i = 1; i < config.io_threads; ++i) threads.emplace_back(run_loop);
  run_loop();
  for (std::thread& t : threads) t.join();

  // No io thread runs now: whatever is still open after the grace period is closed here.
  std::vector<std::shared_ptr<Session>> left = live_sessions();
  {
    std::lock_guard lock(sessions_mutex);
    ioc_usable = false;
  }
  for (const auto& session : left) session->force_close();
  left.clear();
  workers.stop();
  slow_pool.stop();
  workers.join();
  slow_pool.join();
}

}  // namespace

struct Server::Impl : Core {
  using Core::Core;
};

Server::Server(ServerConfig config, const Router& router) : impl_(std::make_unique<Impl>(std::move(config), router)) {}

Server::~Server() = default;

void Server::listen() { impl_->listen(); }

unsigned short Server::port() const { return impl_->bound_port; }

void Server::run(bool handle_signals) { impl_->run(handle_signals); }

void Server::stop() { impl_->stop(); }

}  // namespace voordeur::http
