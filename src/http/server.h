// The HTTP server: Boost.Beast on a few io threads, handlers on a worker pool.
//
// - Requests whose path starts with "/api/" or equals "/health" or "/ready" go to the router;
//   everything else is served from static_dir (GET/HEAD only), with index.html as the fallback for
//   paths without a file extension (single-page app routes). No path may escape static_dir.
// - Router handlers run on the worker pool (RouteOptions::slow ones on the slow pool), so a
//   blocking database call or a password hash never stalls other connections. Only routes marked
//   RouteOptions::inline_io run on the io thread: /health, and on SQLite the reads of one record.
// - Bodies over body_limit answer 413 problem+json `payload_too_large` without reading further.
//   Unknown route: 404 `not_found`; known path, other method: 405 `method_not_allowed`.
//   A handler that throws answers 500 `internal` (the exception text is logged, not sent).
// - Every response carries the security headers (Content-Security-Policy without inline scripts,
//   X-Frame-Options DENY, X-Content-Type-Options nosniff, Referrer-Policy no-referrer, and
//   Cache-Control no-store on API responses).
// - stop() (also on SIGTERM/SIGINT when run() installed the handler): stop accepting, let in-flight
//   requests finish and be written (no more keep-alive), then return from run(); connections
//   still open after shutdown_grace are closed.
// - Logs one structured line per request (method, route pattern or "static", status, duration);
//   never the path with ids, the query, headers or bodies.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "domain/errors.h"
#include "http/router.h"

namespace voordeur::http {

struct ServerConfig {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0: pick a free port (see Server::port())
  int io_threads = 2;
  int worker_threads = 4;
  int slow_threads = 2;
  std::string static_dir;  // empty: no static files
  std::size_t body_limit = 1024 * 1024;
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds shutdown_grace{10};
  // The public URL is https (a TLS-terminating proxy in front): requests count as TLS (Secure
  // cookies) and every response carries Strict-Transport-Security. The server never trusts
  // X-Forwarded-Proto, which any client could send.
  bool public_https = false;
};

class Server {
 public:
  Server(ServerConfig config, const Router& router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens (throws std::runtime_error with a clear message when the port is taken).
  void listen();
  unsigned short port() const;  // the bound port, after listen()
  // Serves until stop() or SIGTERM/SIGINT; returns after the graceful shutdown.
  void run(bool handle_signals = true);
  // Thread-safe; may be called from any thread or a handler.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// problem+json body for an error, with the field errors as "errors" when there are any; the one place
// where codes become HTTP statuses is http/errors.cpp.
Response problem(int status, const std::string& code, const std::string& title, const std::string& detail,
                 const std::vector<domain::FieldError>& errors = {});

}  // namespace voordeur::http
