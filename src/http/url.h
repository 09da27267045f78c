// Percent-decoding shared by the request accessors, the server and the static file resolver.
#pragma once

#include <string>
#include <string_view>

namespace voordeur::http::url {

// Decodes %XX escapes into `out` (replacing its content). With `plus_as_space`, '+' becomes ' '
// (form encoding, query strings only). Returns false when an escape is malformed ("%4", "%zz");
// `out` is then unspecified.
bool percent_decode(std::string_view in, std::string& out, bool plus_as_space);

}  // namespace voordeur::http::url
