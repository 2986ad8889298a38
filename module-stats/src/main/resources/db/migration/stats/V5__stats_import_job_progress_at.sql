-- stats module, V5: when an import job last reported progress. A queued or running job without progress for a few
-- minutes was interrupted (redeployment, crash): its transaction was rolled back, and the job says so.
alter table stats_import_job add column progress_at timestamp;
update stats_import_job set progress_at = coalesce(finished_at, created_at);
