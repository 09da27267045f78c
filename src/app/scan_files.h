// The signed scans of consent forms, as files in one directory (<data-dir>/scans) under random
// names; the database keeps only the name. The one place that reads and writes these files. With
// an encryption key loaded (app/encryption.h) the files are encrypted with it.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/field_crypto.h"

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
  // Removes the stored files not named in `keep` that are older than `min_age` (younger ones may
  // belong to an upload whose database row is not committed yet). Returns the number removed.
  int sweep(const std::vector<std::string>& keep, std::chrono::seconds min_age) const;
  // Re-encrypts every stored file with the current key of `ring` (which must also hold the key the
  // files were encrypted with), each replaced atomically; for `voordeur rotate-key`. Returns the
  // number of files.
  int reseal(const store::KeyRing& ring) const;
  // Copies every stored file (still encrypted) into the new folder `target`; for `voordeur backup`.
  // Returns the number of files; throws std::runtime_error when one cannot be copied.
  int copy_to(const std::filesystem::path& target) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace voordeur::app
