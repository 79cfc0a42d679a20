// Source files and positions shared by every phase.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace liftlint {

struct SourceFile {
  std::string path;
  std::string text;
};

// A run of bytes in a source file; line and column are 1-based, column in bytes.
struct Span {
  const SourceFile* file = nullptr;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t length = 0;
  std::uint32_t offset = 0;  // byte offset of the start, so the line can be found without a scan

  [[nodiscard]] bool valid() const { return file != nullptr && line > 0; }
  [[nodiscard]] std::string location() const;
};

// Owns every file read in a run so that spans stay valid for the whole run.
class Sources {
 public:
  const SourceFile& add(std::string path, std::string text) {
    return files_.emplace_back(SourceFile{std::move(path), std::move(text)});
  }
  [[nodiscard]] const std::deque<SourceFile>& files() const { return files_; }

 private:
  std::deque<SourceFile> files_;
};

}  // namespace liftlint
