// Source files and positions shared by every phase.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>

namespace liftlint {

// A file's text is its own, or a view of text that outlives it (the rule files built into the program),
// which then costs neither a copy nor the memory for one. Spans point at a file, so it never moves.
class SourceFile {
 public:
  struct Borrowed {
    std::string_view text;
  };
  SourceFile(std::string path_, std::string text_) : owned_(std::move(text_)), path(std::move(path_)), text(owned_) {}
  SourceFile(std::string path_, Borrowed text_) : path(std::move(path_)), text(text_.text) {}
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

 private:
  std::string owned_;  // declared before the view of it

 public:
  std::string path;
  std::string_view text;
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
    return files_.emplace_back(std::move(path), std::move(text));
  }
  const SourceFile& add(std::string path, SourceFile::Borrowed text) {
    return files_.emplace_back(std::move(path), text);
  }
  [[nodiscard]] const std::deque<SourceFile>& files() const { return files_; }

 private:
  std::deque<SourceFile> files_;
};

}  // namespace liftlint
