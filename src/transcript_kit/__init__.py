"""transcript-kit: speaker-attributed corpora from raw transcripts."""
