// The signed scans of consent forms, as files in one directory (<data-dir>/scans) under random
// names; the database keeps only the name. The one place that reads and writes these files, so
// encryption at rest can be added here.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace voordeur::app {

class ScanFiles {
 public:
  explicit ScanFiles(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // Stores the bytes under a new random name and returns it; throws std::runtime_error on failure.
  std::string write(const std::string& bytes) const;
  // The bytes of a stored file, or nullopt when it cannot be read.
  std::optional<std::string> read(const std::string& name) const;
  // Removes a stored file; a missing file is not an error.
  void remove(const std::string& name) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace voordeur::app
