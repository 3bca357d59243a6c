"""Format readers: each turns a decoded source into content lines (text) or cues (subtitles) with offsets."""
