-- Issue 16: the index on query_log(question) took each new row at a random place, so every batch rewrote most of
-- its leaf pages: on H2 that left ~1.3 KB of garbage per question on disk and was a third of the writer's CPU.
-- What reads by question reads declined questions only, found through query_log_outcome_day.
DROP INDEX query_log_question;
