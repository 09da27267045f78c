// Plain HTTP request/response values passed between the Beast server (server.cpp) and the
// resource handlers. Keeping Beast out of this header keeps it out of every handler's compile.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace voordeur::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // decoded path without the query, e.g. "/api/v1/cases/12"
  std::string query;   // raw query string without '?', e.g. "scope=mine&status=open"
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string client_address;  // peer IP address as text
  bool tls = false;

  // Header value or "" when absent. `name` must be lower case.
  const std::string& header(const std::string& name) const;
  // Value of one cookie from the Cookie header, or "" when absent.
  std::string cookie(const std::string& name) const;
  // Decoded query parameter value, or "" when absent.
  std::string query_param(const std::string& name) const;
  bool has_query_param(const std::string& name) const;
  // Every decoded value of a query parameter that may be repeated, in order.
  std::vector<std::string> query_params(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. Set-Cookie
};

}  // namespace voordeur::http
